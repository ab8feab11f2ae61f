package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlanLoaderTest {

  private static final String NODE1 = "{ \"node_number\": 1, \"iterations\": 10, \"interval\": 0.05, \"connection\": \"embedded\" }";

  private static Plan parse(String json) {
    return PlanLoader.parse("plan.json", ConfigFactory.parseString(json).root());
  }

  private static String errorOf(String json) {
    try {
      parse(json);
    } catch (SequelaException.InvalidInput e) {
      return e.getMessage();
    }
    throw new AssertionError("plan was accepted: " + json);
  }

  private static String oneTest(String scenario) {
    return "{ \"tests\": [ { \"test_name\": \"t\", \"description\": \"d\", \"scenarii\": [ " + NODE1 + ", " + scenario + " ] } ] }";
  }

  @Test
  void defaultsApplyAndFractionalIntervalIsKept() {
    Plan p = parse("{ \"tests\": [ { \"test_name\": \"t\", \"description\": \"d\", \"scenarii\": [ " + NODE1 + " ] } ] }");
    TestSpec t = p.tests().get(0);
    assertThat(t.modes()).containsExactly(SequenceMode.ORDER, SequenceMode.NOORDER);
    assertThat(t.sequenceCache()).isEqualTo(100);
    assertThat(t.pacing()).isEqualTo(Pacing.DELAY);
    assertThat(t.scenarii().get(0).users()).isEqualTo(1);
    assertThat(t.scenarii().get(0).interval()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void testLevelOptionsOverridePlanLevel() {
    Plan p = parse("{ \"modes\": [\"NOORDER\"], \"sequence_cache\": 20, \"pacing\": \"rate\", \"tests\": ["
        + "{ \"test_name\": \"a\", \"scenarii\": [ " + NODE1 + " ] },"
        + "{ \"test_name\": \"b\", \"modes\": [\"NOORDER\", \"ORDER\"], \"sequence_cache\": 7, \"pacing\": \"delay\", \"scenarii\": [ " + NODE1 + " ] } ] }");
    assertThat(p.tests().get(0).modes()).containsExactly(SequenceMode.NOORDER);
    assertThat(p.tests().get(0).sequenceCache()).isEqualTo(20);
    assertThat(p.tests().get(0).pacing()).isEqualTo(Pacing.RATE);
    assertThat(p.tests().get(1).modes()).containsExactly(SequenceMode.NOORDER, SequenceMode.ORDER);
    assertThat(p.tests().get(1).sequenceCache()).isEqualTo(7);
    assertThat(p.tests().get(1).pacing()).isEqualTo(Pacing.DELAY);
  }

  @Test
  void commitPolicyIsEachByDefaultAndSetPerPlanOrTest() {
    Plan p = parse("{ \"commit\": \"end\", \"tests\": ["
        + "{ \"test_name\": \"a\", \"scenarii\": [ " + NODE1 + " ] },"
        + "{ \"test_name\": \"b\", \"commit\": \"every 25\", \"scenarii\": [ " + NODE1 + " ] } ] }");
    assertThat(p.tests().get(0).commit()).isEqualTo(CommitPolicy.END);
    assertThat(p.tests().get(1).commit()).isEqualTo(new CommitPolicy(25));
    assertThat(parse(oneTest("{ \"node_number\": 2, \"iterations\": 4, \"interval\": 1, \"connection\": \"embedded\" }"))
        .tests().get(0).commit()).isEqualTo(CommitPolicy.EACH);
    assertThat(errorOf("{ \"tests\": [ { \"test_name\": \"t\", \"commit\": \"every 1\", \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .isEqualTo("plan.json:1: tests[0].commit: must be \"each\", \"end\" or \"every N\" with N >= 2, got \"every 1\"");
    assertThat(errorOf("{ \"commit\": 5, \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .contains("commit: must be \"each\", \"end\" or \"every N\" with N >= 2, got 5");
  }

  @Test
  void negativeIterationsNamesTheFieldPath() {
    assertThat(errorOf(oneTest("{ \"node_number\": 2, \"iterations\": -5, \"interval\": 1, \"connection\": \"embedded\" }")))
        .contains("tests[0].scenarii[1].iterations: must be a positive integer, got -5")
        .startsWith("plan.json:1: ");
  }

  @Test
  void eachRuleHasItsMessage() {
    assertThat(errorOf(oneTest("{ \"node_number\": 0, \"iterations\": 1, \"interval\": 1, \"connection\": \"embedded\" }")))
        .contains("tests[0].scenarii[1].node_number: must be a positive integer, got 0");
    assertThat(errorOf(oneTest("{ \"node_number\": 1, \"iterations\": 1, \"interval\": 1, \"connection\": \"embedded\" }")))
        .contains("tests[0].scenarii[1].node_number: must be unique within the test, got 1 twice");
    assertThat(errorOf(oneTest("{ \"node_number\": 2, \"iterations\": 1.5, \"interval\": 1, \"connection\": \"embedded\" }")))
        .contains("tests[0].scenarii[1].iterations: must be a positive integer, got 1.5");
    assertThat(errorOf(oneTest("{ \"node_number\": 2, \"iterations\": 1, \"interval\": -1, \"connection\": \"embedded\" }")))
        .contains("tests[0].scenarii[1].interval: must be a number of seconds between 0 and 86400, got -1");
    assertThat(errorOf(oneTest("{ \"node_number\": 2, \"iterations\": 1, \"interval\": 1, \"connection\": \"embedded\", \"users\": 0 }")))
        .contains("tests[0].scenarii[1].users: must be a positive integer, got 0");
    assertThat(errorOf(oneTest("{ \"node_number\": 2, \"iterations\": 1, \"interval\": 1 }")))
        .contains("tests[0].scenarii[1].connection: must be a string, got nothing");
    assertThat(errorOf(oneTest("{ \"node_number\": 2, \"iterations\": 1, \"interval\": 1, \"connection\": \"mysql://x\" }")))
        .contains("tests[0].scenarii[1].connection: must be 'embedded', 'galera', user/password@host:port/service or a jdbc: URL");
    assertThat(errorOf("{ \"tests\": [] }")).contains("tests: must be a non-empty list, got []");
    assertThat(errorOf("{ \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [] } ] }"))
        .contains("tests[0].scenarii: must be a non-empty list, got []");
    assertThat(errorOf("{ \"tests\": [ { \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .contains("tests[0].test_name: must be a string, got nothing");
    assertThat(errorOf("{ \"modes\": [\"ORDER\", \"SOMETIMES\"], \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .contains("modes[1]: must be \"ORDER\", \"NOORDER\" or \"AUTO_INCREMENT\", got \"SOMETIMES\"");
    assertThat(errorOf("{ \"sequence_cache\": 1, \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .contains("sequence_cache: must be an integer >= 2, got 1");
    assertThat(errorOf("{ \"tests\": [ { \"test_name\": \"t\", \"pacing\": \"fast\", \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .contains("tests[0].pacing: must be \"delay\" or \"rate\", got \"fast\"");
    assertThat(errorOf("{ \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] }, { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .contains("tests[1].test_name: must be unique in the plan, got 't' twice");
  }

  @Test
  void unknownKeyIsReportedNotIgnored() {
    assertThat(errorOf(oneTest("{ \"node_number\": 2, \"iteration\": 3, \"interval\": 1, \"connection\": \"embedded\" }")))
        .contains("tests[0].scenarii[1].iteration: unknown key")
        .contains("tests[0].scenarii[1].iterations: must be a positive integer, got nothing");
  }

  @Test
  void everyProblemIsReportedOnItsOwnLine() {
    String msg = errorOf("{ \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ "
        + "{ \"node_number\": -1, \"iterations\": 0, \"interval\": 1, \"connection\": \"embedded\" } ] } ] }");
    assertThat(msg.lines()).hasSize(2);
  }

  @Test
  void passwordNeverAppearsInAnError() {
    String msg = errorOf(oneTest("{ \"node_number\": 2, \"iterations\": 0, \"interval\": 1, \"connection\": \"scott/tiger@db:1521/svc\" }"));
    assertThat(msg).doesNotContain("tiger");
    msg = errorOf(oneTest("{ \"node_number\": 2, \"iterations\": 1, \"interval\": 1, \"connection\": \"scott/tiger@\" }"));
    assertThat(msg).doesNotContain("tiger");
  }

  @Test
  void shippedPlansAreValid() {
    assertThat(PlanLoader.load("plans/default.json").tests()).hasSize(1);
    Plan example = PlanLoader.load("plans/sequela-example.json");
    assertThat(example.tests().get(0).scenarii()).extracting(ScenarioSpec::iterations).containsExactly(1000, 300);
    assertThat(example.tests().get(0).scenarii().get(0).target().jdbcUrl())
        .isEqualTo("jdbc:oracle:thin:@//hostname:port/service_name1");
  }

  @Test
  void missingPlanFileIsOneLine() {
    assertThatThrownBy(() -> PlanLoader.load("plans/no-such-plan.json"))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.plan: no plan file or classpath resource 'plans/no-such-plan.json'");
  }

  @Test
  void aJsonArrayIsCalledWhatItIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("plan.json"), "[ { \"test_name\": \"t\" } ]");
    assertThatThrownBy(() -> PlanLoader.load(f.toString()))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("plan.json: must be a JSON object {\"tests\": [...]} at the top, got an array (valid JSON, not a sequela plan)");
  }

  @Test
  void iterationsBeyondAnIntNameTheLimit() {
    assertThat(errorOf(oneTest("{ \"node_number\": 2, \"iterations\": 1000000000000, \"interval\": 1, \"connection\": \"embedded\" }")))
        .isEqualTo("plan.json:1: tests[0].scenarii[1].iterations: must be a positive integer at most 2147483647, got 1000000000000");
  }

  private static EmbeddedCap cap(String settings, TargetSpec override) {
    return EmbeddedCap.of(EmbeddedSettings.from(ConfigFactory.parseString(settings).withFallback(Settings.referenceDefaults())
        .resolve()), override);
  }

  private static String capError(String plan, EmbeddedCap cap, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("plan.json"), plan);
    try {
      PlanLoader.load(f.toString(), Settings.referenceDefaults().getObject("sequela.plan-defaults"), cap);
    } catch (SequelaException.InvalidInput e) {
      return e.getMessage();
    }
    throw new AssertionError("plan was accepted: " + plan);
  }

  @Test
  void usersOnTheEmbeddedServerMustFitItsConnections(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String plan = "{ \"tests\": [ { \"test_name\": \"t\",\n \"scenarii\": [\n"
        + " { \"node_number\": 1, \"iterations\": 10, \"interval\": 0, \"connection\": \"embedded\",\n \"users\": 100000 } ] } ] }";
    EmbeddedCap reference = cap("", null);
    assertThat(capError(plan, reference, dir)).isEqualTo("plan.json:4: tests[0].scenarii[0].users: must be at most 190 (the "
        + "embedded server's max_connections 200 minus 10 reserved), got 100000");
    // a server setting moves the limit; superuser_reserved_connections counts among the reserved
    assertThat(capError(plan, cap("sequela.embedded { max_connections = 50, superuser_reserved_connections = 5 }", null), dir))
        .contains("must be at most 38 (the embedded server's max_connections 50 minus 12 reserved), got 100000");
    // two nodes of one test on the one server run at once: their sum counts
    String two = "{ \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ "
        + "{ \"node_number\": 1, \"iterations\": 10, \"interval\": 0, \"connection\": \"embedded\", \"users\": 100 }, "
        + "{ \"node_number\": 2, \"iterations\": 10, \"interval\": 0, \"connection\": \"embedded\", \"users\": 100 } ] } ] }";
    assertThat(capError(two, reference, dir)).isEqualTo("plan.json:1: tests[0].scenarii: users of the nodes on the embedded "
        + "server must add up to at most 190 (the embedded server's max_connections 200 minus 10 reserved), got 200");
    // another server is not the embedded one's business, unless sequela.target makes every node embedded
    String external = plan.replace("\"embedded\"", "\"jdbc:postgresql://db:5432/x\"");
    java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("external.json"), external);
    assertThat(PlanLoader.load(f.toString(), Settings.referenceDefaults().getObject("sequela.plan-defaults"), reference)
        .tests().get(0).scenarii().get(0).users()).isEqualTo(100000);
    assertThat(capError(external, cap("", TargetSpec.parse("embedded", null, null)), dir))
        .contains("tests[0].scenarii[0].users: must be at most 190");
  }

  @Test
  void designKeysDefaultFromReferenceConfAndAreSetPerPlanOrTest() {
    Plan p = parse("{ \"warmup\": \"3s\", \"blocks\": 2, \"tests\": ["
        + "{ \"test_name\": \"a\", \"scenarii\": [ " + NODE1 + " ] },"
        + "{ \"test_name\": \"b\", \"warmup\": 500, \"blocks\": 6, \"order_seed\": 42, \"scenarii\": [ " + NODE1 + " ] },"
        + "{ \"test_name\": \"c\", \"warmup\": \"0\", \"scenarii\": [ " + NODE1 + " ] } ] }");
    assertThat(p.tests().get(0).design()).isEqualTo(new DesignSpec(new WarmupSpec(WarmupSpec.Kind.DURATION,
        Duration.ofSeconds(3), 0), 2, 1));
    assertThat(p.tests().get(1).design()).isEqualTo(new DesignSpec(new WarmupSpec(WarmupSpec.Kind.INSERTS,
        Duration.ZERO, 500), 6, 42));
    assertThat(p.tests().get(2).design().warmup()).isEqualTo(WarmupSpec.NONE);
    TestSpec dflt = parse("{ \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }").tests().get(0);
    assertThat(dflt.design()).isEqualTo(new DesignSpec(WarmupSpec.AUTO, 4, 1));
  }

  @Test
  void aModeTwiceIsAnAaPlanAndOtherRepeatsAreRefused() {
    TestSpec aa = parse("{ \"tests\": [ { \"test_name\": \"t\", \"modes\": [\"NOORDER\", \"NOORDER\"], \"scenarii\": [ "
        + NODE1 + " ] } ] }").tests().get(0);
    assertThat(aa.modes()).containsExactly(SequenceMode.NOORDER, SequenceMode.NOORDER);
    assertThat(aa.aa()).isTrue();
    assertThat(errorOf("{ \"tests\": [ { \"test_name\": \"t\", \"modes\": [\"ORDER\", \"NOORDER\", \"ORDER\"],"
        + " \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .isEqualTo("plan.json:1: tests[0].modes: must list each mode once, or one mode twice for an A/A calibration"
            + " (e.g. [\"NOORDER\", \"NOORDER\"]), got [\"ORDER\",\"NOORDER\",\"ORDER\"]");
  }

  @Test
  void everyBadDesignKeyIsOneLineNamingFileLineAndField() {
    String e = errorOf("{ \"tests\": [ { \"test_name\": \"t\",\n \"warmup\": \"soon\",\n \"blocks\": 0,\n"
        + " \"order_seed\": \"x\",\n \"scenarii\": [ " + NODE1 + " ] } ] }");
    assertThat(e.split("\\R")).containsExactly(
        "plan.json:2: tests[0].warmup: must be \"auto\", a duration such as \"5s\", a number of inserts >= 0, or 0 for"
            + " none, got \"soon\"",
        "plan.json:3: tests[0].blocks: must be an integer between 1 and 1000 (blocks per mode; an interval needs >= 3),"
            + " got 0",
        "plan.json:4: tests[0].order_seed: must be an integer, got \"x\"");
    assertThat(errorOf("{ \"blocks\": 20, \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }"))
        .isEqualTo("plan.json:1: tests[0].scenarii[0].iterations: must be >= the test's blocks (20): each block takes"
            + " a share of every user's iterations, got 10");
  }

  @Test
  void theEmbeddedServersCacheIsAPlanKeyAsInKeyGen() {
    Plan p = parse("{ \"shared_buffers\": \"4MB\", \"direct_io\": true, \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ "
        + NODE1 + " ] } ] }");
    assertThat(p.sharedBuffers()).isEqualTo("4MB");
    assertThat(p.directIo()).isTrue();
    Plan plain = parse("{ \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }");
    assertThat(plain.sharedBuffers()).as("left out: the server's default").isNull();
    assertThat(plain.directIo()).isFalse();
    assertThat(errorOf("{ \"shared_buffers\": \"lots\", \"direct_io\": \"yes\", \"tests\": [ { \"test_name\": \"t\","
        + " \"scenarii\": [ " + NODE1 + " ] } ] }")).isEqualTo(
            "plan.json:1: shared_buffers: must be a PostgreSQL size such as 4MB, got \"lots\"" + System.lineSeparator()
            + "plan.json:1: direct_io: must be true or false, got \"yes\"");
  }

  @Test
  void theCacheKeysAreRefusedInOneLineWhenANodeRunsOnAServerSequelaDoesNotStart() {
    String external = "{ \"node_number\": 2, \"iterations\": 10, \"interval\": 0,"
        + " \"connection\": \"jdbc:postgresql://db:5432/x?password=secret\" }";
    assertThat(errorOf("{ \"direct_io\": true,\n \"shared_buffers\": \"4MB\", " + oneTest(external).substring(1)))
        .isEqualTo("plan.json:1: direct_io: must be left out unless every node runs on the embedded PostgreSQL (sequela"
            + " starts it with the plan's cache; another server's own memory applies there: remove direct_io and"
            + " shared_buffers), got tests[0].scenarii[1].connection = jdbc:postgresql://db:5432/x?password=***");
    EmbeddedCap galera = new EmbeddedCap(190, "r", TargetSpec.parse("galera", null, null));
    String plan = "{ \"shared_buffers\": \"4MB\", \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }";
    assertThatThrownBy(() -> PlanLoader.parse("plan.json", ConfigFactory.parseString(plan).root(),
        PlanLoader.defaults(Settings.referenceDefaults().getObject(PlanDefaults.SETTING)), galera))
        .hasMessageEndingWith("shared_buffers), got sequela.target = galera");
    EmbeddedCap embedded = new EmbeddedCap(190, "r", TargetSpec.parse("embedded", null, null));
    assertThat(PlanLoader.parse("plan.json", ConfigFactory.parseString(plan).root(),
        PlanLoader.defaults(Settings.referenceDefaults().getObject(PlanDefaults.SETTING)), embedded).sharedBuffers())
        .isEqualTo("4MB");
  }

  @Test
  void theSettingsStartTheEmbeddedServerWithThePlansCacheUnlessASettingNamesItsOwn(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path plan = java.nio.file.Files.writeString(dir.resolve("cache.json"), "{ \"shared_buffers\": \"4MB\","
        + " \"direct_io\": true, \"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ " + NODE1 + " ] } ] }");
    com.typesafe.config.Config c = ConfigFactory.parseMap(java.util.Map.of("sequela.plan", plan.toString()))
        .withFallback(Settings.referenceDefaults()).resolve();
    assertThat(SeqOrderSettings.from(c.getConfig("sequela")).embedded().server())
        .containsEntry("debug_io_direct", "data").containsEntry("shared_buffers", "4MB");
    com.typesafe.config.Config own = ConfigFactory.parseMap(java.util.Map.of("sequela.embedded.shared_buffers", "16MB"))
        .withFallback(c).resolve();
    assertThat(SeqOrderSettings.from(own.getConfig("sequela")).embedded().server()).containsEntry("shared_buffers", "16MB");
  }
}
