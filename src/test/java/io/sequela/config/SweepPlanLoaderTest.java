package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sweep plans: one line per problem, before any database work; every cell's plan checked by its simulation's loader. */
class SweepPlanLoaderTest {

  private static final String TEST = "\"tests\": [ { \"test_name\": \"t\", \"scenarii\": [\n"
      + "  { \"node_number\": 1, \"iterations\": 40, \"interval\": 0, \"users\": 3, \"connection\": \"embedded\" },\n"
      + "  { \"node_number\": 2, \"iterations\": 40, \"interval\": 0, \"connection\": \"embedded\" } ] } ]";

  private static SweepPlan parse(String text) {
    return SweepPlanLoader.parse("sweep.json", ConfigFactory.parseString(text).root());
  }

  private static String errorOf(String text) {
    try {
      parse(text);
    } catch (SequelaException.InvalidInput e) {
      return e.getMessage();
    }
    throw new AssertionError("sweep was accepted: " + text);
  }

  @Test
  void aSeqOrderGridSetsUsersOnEveryScenarioAndTheCacheOnThePlan() {
    SweepPlan p = parse("{ \"sweep\": { \"sequence_cache\": [20, 1000], \"users\": [1, 4] },\n" + TEST + " }");
    assertThat(p.axes()).as("users first, whatever the plan's order").extracting(SweepPlan.Axis::key)
        .containsExactly("users", "sequence_cache");
    assertThat(p.simulation()).isEqualTo(SweepPlan.SEQORDER);
    assertThat(p.cells()).extracting(SweepPlan.Cell::id).containsExactly("users-1_sequence_cache-20",
        "users-1_sequence_cache-1000", "users-4_sequence_cache-20", "users-4_sequence_cache-1000");
    assertThat(p.thresholdUs()).as("the default threshold").isEqualTo(10);
    SweepPlan.Cell c = p.cells().get(3);
    assertThat(c.values()).isEqualTo(Map.of("users", 4L, "sequence_cache", 1000L));
    Plan cellPlan = PlanLoader.parse("cell.json", ConfigFactory.parseString(c.planJson()).root());
    assertThat(cellPlan.tests().get(0).scenarii()).extracting(ScenarioSpec::users).containsExactly(4, 4);
    assertThat(cellPlan.tests().get(0).sequenceCache()).isEqualTo(1000);
    assertThat(c.planJson()).doesNotContain("sweep");
    assertThat(p.estimate()).as("the sweep says how long it takes").isPositive();
  }

  @Test
  void aKeyGenAxisOfSharedBuffersIsInMegabytes() {
    SweepPlan p = parse("strategies = [seq, uuid4]\nsweep { shared_buffers = [4, 16], ratio = 0.4 }");
    assertThat(p.simulation()).isEqualTo(SweepPlan.KEYGEN);
    assertThat(p.ratio()).isEqualTo(0.4);
    KeyGenPlan cell = KeyGenPlanLoader.parse("cell.conf", ConfigFactory.parseString(p.cells().get(1).planJson()).root(), null);
    assertThat(cell.sharedBuffers()).isEqualTo("16MB");
  }

  @Test
  void everyProblemIsOneLineNamingFileLineAndField() {
    String error = errorOf("{ \"sweep\": {\n \"users\": [],\n \"iterations\": [1, 2],\n \"sequence_cache\": [20],\n"
        + " \"interval\": [0, 1],\n \"ratio\": 0.5 },\n" + TEST + " }");
    assertThat(error.lines().toList()).containsExactly(
        "sweep.json:2: sweep.users: must be a non-empty list of distinct integers, e.g. [1, 2, 4], got []",
        "sweep.json:5: sweep.interval: must be a numeric plan key of SeqOrderSimulation (one of [iterations, sequence_cache,"
            + " users]) or an option of the sweep (one of [ratio, seed, threshold_us]), got interval",
        "sweep.json:6: sweep.ratio: is not an option of this simulation's sweep (threshold_us: SeqOrder, ratio: KeyGen), got 0.5");
  }

  @Test
  void moreThanTwoAxesAndAValueListedTwiceAreRefused() {
    assertThat(errorOf("sweep {\n users = [1, 2]\n preseed_rows = [10, 20]\n blocks = [3, 4] }"))
        .isEqualTo("sweep.json:1: sweep: must have at most two axes, got 3: [preseed_rows, users, blocks]");
    assertThat(errorOf("strategies = [seq, uuid7]\nsweep {\n users = [1, 2] }"))
        .isEqualTo("sweep.json:1: strategies: must include seq and uuid4 in a sweep (its tipping point compares uuid4 with"
            + " seq), got [\"seq\",\"uuid7\"]");
    assertThat(errorOf("sweep {\n users = [1, 2, 1] }"))
        .isEqualTo("sweep.json:2: sweep.users[2]: must be a non-empty list of distinct integers, e.g. [1, 2, 4], got 1 twice");
    assertThat(errorOf("sweep {\n users = [1, 2.5] }"))
        .isEqualTo("sweep.json:2: sweep.users[1]: must be a non-empty list of distinct integers, e.g. [1, 2, 4], got 2.5");
  }

  @Test
  void aValueTheKeyRefusesIsTheSimulationsOwnLineAtTheSweepsLine() {
    String error = errorOf("{ \"sweep\": {\n \"users\": [2, 0] },\n" + TEST + " }");
    assertThat(error.lines().toList()).containsExactly(
        "sweep.json:2: tests[0].scenarii[0].users: must be a positive integer, got 0",
        "sweep.json:2: tests[0].scenarii[1].users: must be a positive integer, got 0");
    assertThat(errorOf("sweep {\n users = [4, 5000] }"))
        .isEqualTo("sweep.json:2: users: must be an integer between 1 and 1000, got 5000");
  }

  @Test
  void aPlanWithoutSweepOrWithSweepGivenToASimulationSaysWhichCommandRunsWhat() {
    assertThat(errorOf("{ " + TEST + " }")).startsWith("sweep.json:1: sweep: must be an object of one or two axes");
    assertThatThrownBy(() -> PlanLoader.parse("plan.json", ConfigFactory.parseString(
        "{ \"sweep\": { \"users\": [1, 2] },\n" + TEST + " }").root()))
        .hasMessage("plan.json:1: sweep: " + SweepPlanLoader.RUN_WITH_SWEEP);
    assertThatThrownBy(() -> KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString(
        "sweep { users = [1, 2] }").root(), null))
        .hasMessage("plan.conf:1: sweep: " + SweepPlanLoader.RUN_WITH_SWEEP);
  }

  @Test
  void theBundledSweepsLoad() {
    SweepPlan knee = SweepPlanLoader.load("plans/seqorder-knee.json");
    assertThat(knee.axes()).extracting(SweepPlan.Axis::key).containsExactly("users", "sequence_cache");
    assertThat(knee.estimate().toMinutes()).as("within 10 min on 2 cores").isLessThan(10);
    SweepPlan tipping = SweepPlanLoader.load("plans/keygen-tipping-point.conf");
    assertThat(tipping.axes()).extracting(SweepPlan.Axis::values).containsExactly(List.of(20_000L, 200_000L, 1_000_000L,
        3_000_000L));
    KeyGenPlan cell = KeyGenPlanLoader.parse("cell.conf", ConfigFactory.parseString(tipping.cells().get(0).planJson()).root(),
        null);
    assertThat(cell.directIo()).isTrue();
    assertThat(cell.commit().every()).as("batched commits, so the WAL flush per insert does not hide the index reads").isEqualTo(100);
    assertThat(cell.sharedBuffers()).isEqualTo("16MB");
    assertThat(tipping.estimate().toMinutes()).as("within 15 min on 2 cores").isLessThan(15);
  }

  private static final EmbeddedSettings SERVER = new EmbeddedSettings(java.nio.file.Path.of("pg"), false,
      Map.of("max_connections", "200"));

  @Test
  void aCellWithMoreUsersThanTheEmbeddedServerTakesIsOneLineNamingTheCellTheKeyAndTheLimit() {
    String plan = "{ \"sweep\": {\n \"users\": [1, 100],\n \"sequence_cache\": [20, 1000] },\n" + TEST + " }";
    assertThatThrownBy(() -> SweepPlanLoader.parse("sweep.json", ConfigFactory.parseString(plan).root(), SERVER, null))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .satisfies(e -> assertThat(e.getMessage().lines().toList()).containsExactly(
            "sweep.json:2: sweep.users: must put at most 190 users on the embedded server at once (the embedded server's"
                + " max_connections 200 minus 10 reserved; -Dsequela.embedded.max_connections raises it), got 200 in cell"
                + " users-100_sequence_cache-20 (test t, 2 nodes, users=100, sequence_cache=20)",
            "sweep.json:2: sweep.users: must put at most 190 users on the embedded server at once (the embedded server's"
                + " max_connections 200 minus 10 reserved; -Dsequela.embedded.max_connections raises it), got 200 in cell"
                + " users-100_sequence_cache-1000 (test t, 2 nodes, users=100, sequence_cache=1000)"));
    EmbeddedSettings larger = new EmbeddedSettings(java.nio.file.Path.of("pg"), false, Map.of("max_connections", "250"));
    assertThat(SweepPlanLoader.parse("sweep.json", ConfigFactory.parseString(plan).root(), larger, null).cells())
        .as("a server with more connections takes them").hasSize(4);
    assertThat(SweepPlanLoader.parse("sweep.json", ConfigFactory.parseString(plan).root(), SERVER,
        TargetSpec.parse("galera", null, null)).cells()).as("not the embedded server: its own limit is read when a cell"
            + " connects").hasSize(4);
  }

  @Test
  void thePlansOwnUsersKeepTheSingleRunsLineAndAKeyGenCellIsCheckedAlike() {
    String tooMany = "{ \"sweep\": {\n \"sequence_cache\": [20, 1000] },\n" + TEST.replace("\"users\": 3", "\"users\": 190")
        + " }";
    assertThatThrownBy(() -> SweepPlanLoader.parse("sweep.json", ConfigFactory.parseString(tooMany).root(), SERVER, null))
        .hasMessage("sweep.json:3: tests[0].scenarii: users of the nodes on the embedded server must add up to at most 190"
            + " (the embedded server's max_connections 200 minus 10 reserved), got 191");
    assertThatThrownBy(() -> SweepPlanLoader.parse("tip.conf", ConfigFactory.parseString(
        "strategies = [seq, uuid4]\nsweep {\n users = [4, 300] }").root(), SERVER, null))
        .hasMessage("tip.conf:3: sweep.users: must put at most 190 users on the embedded server at once (the embedded"
            + " server's max_connections 200 minus 10 reserved; -Dsequela.embedded.max_connections raises it), got 300 in"
            + " cell users-300 (users=300)");
  }

  @Test
  void aSeqOrderSweepWithTheCacheKeysIsRefusedOffTheEmbeddedServer() {
    String plan = "{ \"direct_io\": true, \"shared_buffers\": \"4MB\", \"sweep\": { \"users\": [1, 2] },\n" + TEST + " }";
    assertThat(SweepPlanLoader.parse("sweep.json", ConfigFactory.parseString(plan).root(), SERVER, null).cells())
        .hasSize(2);
    assertThatThrownBy(() -> SweepPlanLoader.parse("sweep.json", ConfigFactory.parseString(plan).root(), SERVER,
        TargetSpec.parse("galera", null, null)))
        .hasMessage("sweep.json:1: direct_io: must be left out unless every node runs on the embedded PostgreSQL (sequela"
            + " starts it with the plan's cache; another server's own memory applies there: remove direct_io and"
            + " shared_buffers), got sequela.target = galera");
  }
}
