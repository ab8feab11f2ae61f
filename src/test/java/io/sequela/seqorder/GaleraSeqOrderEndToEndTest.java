package io.sequela.seqorder;

import io.sequela.run.AfterReport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SeqOrderSimulation on the local 3-node MariaDB Galera cluster (installed from Debian's packages when missing,
 * started and stopped by the run): {@code mvn -B test -Pgalera}. Not part of the default {@code mvn test}.
 */
@Tag("galera")
@Slow
class GaleraSeqOrderEndToEndTest {

  private static final Path RESULTS = Path.of("target/gatling-galera-test");
  private static final int PLANNED_PER_MODE = 3 * 2 * 50;
  private static int exitCode;
  private static GatlingRun run;
  private static JsonNode modes;
  private static JsonNode afterAuto;

  @BeforeAll
  static void runSimulation() throws Exception {
    System.setProperty("sequela.plan", "plans/galera-tiny.json");
    System.setProperty("sequela.results.dir", RESULTS.toString());
    exitCode = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"-s", "SeqOrderSimulation", "-rf", RESULTS.toString()});
    run = GatlingRun.latest(RESULTS, "SeqOrderSimulation").orElseThrow();
    AfterReport.addPagesNow();
    JsonNode root = new ObjectMapper().readTree(run.folder().resolve("sequence-gaps.json").toFile());
    assertThat(root.get("dialect").asText()).isEqualTo("mariadb");
    modes = root.get("tests").get(0).get("modes");
    afterAuto = root.get("tests").get(1).get("modes").get("NOORDER");
  }

  @AfterAll
  static void clearProperties() {
    System.clearProperty("sequela.plan");
    System.clearProperty("sequela.results.dir");
  }

  @Test
  void theRunSucceedsAndLeavesNoMariadbdBehind() {
    assertThat(exitCode).isZero();
    assertThat(run.hasReport()).isTrue();
    String dir = Path.of(System.getProperty("sequela.galera.dir", "target/galera")).toAbsolutePath().toString();
    List<String> left = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains("mariadbd") && c.contains(dir)).toList();
    assertThat(left).isEmpty();
  }

  @Test
  void eachSequenceModeIsReadBackAndAutoIncrementUsesNoSequence() {
    assertThat(modes.get("ORDER").get("mode_verified").asBoolean()).isTrue();
    assertThat(modes.get("ORDER").get("sequence_cache").asLong()).as("NOCACHE").isZero();
    assertThat(modes.get("NOORDER").get("mode_verified").asBoolean()).isTrue();
    assertThat(modes.get("NOORDER").get("sequence_cache").asLong()).as("galera-tiny.json: sequence_cache 20").isEqualTo(20);
    assertThat(modes.get("AUTO_INCREMENT").get("mode_verified").isNull()).isTrue();
  }

  @Test
  void noorderGivesUniqueIdsInResidueClassesOfTheClusterSize() {
    JsonNode n = modes.get("NOORDER");
    assertThat(n.get("rows").asLong()).isEqualTo(PLANNED_PER_MODE);
    assertThat(n.get("distinct_ids").asLong()).isEqualTo(PLANNED_PER_MODE);
    assertThat(n.get("id_step").asInt()).isEqualTo(3);
    assertThat(n.get("missing_by_design").asLong()).isPositive();
    assertThat(n.get("span").asLong())
        .isEqualTo(n.get("distinct_ids").asLong() + n.get("missing").asLong() + n.get("missing_by_design").asLong());
    assertThat(n.get("inversions_cross_node").asLong()).as("nodes hand out their blocks side by side").isPositive();
    assertThat(n.get("ko").asLong()).isZero();
  }

  @Test
  void theOrderStandInsFailuresAreKosByErrorCodeAndEveryRowIsUnique() {
    JsonNode o = modes.get("ORDER");
    assertThat(o.get("id_step").asInt()).isEqualTo(1);
    assertThat(o.get("duplicate_ids").asLong()).as("the primary key turns duplicates into KOs").isZero();
    assertThat(o.get("rows").asLong() + o.get("ko").asLong()).isEqualTo(PLANNED_PER_MODE);
    long byCode = 0;
    for (Map.Entry<String, JsonNode> e : iterable(o.get("ko_by_code"))) {
      assertThat(e.getKey()).as("a MariaDB vendor code").matches("\\d{4}");
      byCode += e.getValue().asLong();
    }
    assertThat(byCode).isEqualTo(o.get("ko").asLong());
    long nodes = 0;
    for (Map.Entry<String, JsonNode> e : iterable(o.get("nodes"))) {
      nodes += e.getValue().get("ko").asLong();
    }
    assertThat(nodes).isEqualTo(o.get("ko").asLong());
  }

  @Test
  void autoIncrementNumbersTheRowsAfterTheSequencesIdsInTheNodesClasses() {
    JsonNode a = modes.get("AUTO_INCREMENT");
    assertThat(a.get("rows").asLong()).isEqualTo(PLANNED_PER_MODE);
    assertThat(a.get("distinct_ids").asLong()).isEqualTo(PLANNED_PER_MODE);
    assertThat(a.get("id_step").asInt()).isEqualTo(3);
    assertThat(a.get("min_id").asLong()).isGreaterThan(modes.get("NOORDER").get("max_id").asLong());
  }

  @Test
  void aSequenceStageAfterAutoIncrementStartsPastItsIdsSoNoKeyComesBack() {
    assertThat(afterAuto.get("rows").asLong()).isEqualTo(40);
    assertThat(afterAuto.get("ko").asLong()).isZero();
    assertThat(afterAuto.get("min_id").asLong()).isGreaterThan(modes.get("AUTO_INCREMENT").get("max_id").asLong());
    assertThat(afterAuto.get("nodes").fieldNames()).toIterable().containsExactly("2", "4");
  }

  @Test
  void thePageSaysThatOrderIsTheUnsafeStandInAndShowsTheKoTable() throws Exception {
    String page = Files.readString(run.folder().resolve("sequence-gaps.html"));
    assertThat(page).contains("no cluster-safe ordered sequence", "unsafe stand-in", "missing by design",
        "failed inserts (KO) by error code", "galera_tiny AUTO_INCREMENT");
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    return object::fields;
  }
}
