package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyGenPlanLoaderTest {

  private static KeyGenPlan parse(String hocon) {
    return KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString(hocon).root(), null);
  }

  @Test
  void theShippedPlansLoad() {
    KeyGenPlan quick = KeyGenPlanLoader.load("plans/keygen-default.conf");
    assertThat(quick.strategies()).as("none named: every strategy the database supports (keys.PlanStrategiesTest)").isEmpty();
    assertThat(quick.block()).isEqualTo(Duration.ofMillis(750));
    assertThat(quick.blocks()).isEqualTo(7);
    assertThat(quick.warmup()).isEqualTo(new KeyGenPlan.Warmup(KeyGenPlan.Warmup.Kind.AUTO, Duration.ofSeconds(1), 0));
    assertThat(quick.sharedBuffers()).isEqualTo("4MB");
    KeyGenPlan reversed = KeyGenPlanLoader.load("plans/keygen-reversed.conf");
    assertThat(reversed.strategies()).extracting(StrategyName::name).containsExactly("snowflake", "seq_block", "uuid7",
        "uuid4", "uuid1", "site_seq", "seq");
    assertThat(reversed.block()).as("the default's design").isEqualTo(quick.block());
    assertThat(reversed.orderSeed()).isEqualTo(quick.orderSeed());
    KeyGenPlan dmtn = KeyGenPlanLoader.load("plans/keygen-dmtn099.conf");
    assertThat(dmtn.users()).isEqualTo(30);
    assertThat(dmtn.block()).isEqualTo(Duration.ofSeconds(10));
    assertThat(dmtn.preseedRows()).isEqualTo(20_000_000);
    assertThat(dmtn.commit()).isEqualTo(CommitPolicy.END);
  }

  @Test
  void defaultsAndCommitPolicies() {
    KeyGenPlan p = parse("commit = \"every 100\"");
    assertThat(p.users()).isEqualTo(8);
    assertThat(p.commit().every()).isEqualTo(100);
    assertThat(p.commit().commitsAfter(99, 250)).isTrue();
    assertThat(p.commit().commitsAfter(100, 250)).isFalse();
    assertThat(p.commit().commitsAfter(249, 250)).isTrue();
    assertThat(CommitPolicy.EACH.commitsAfter(0, 1)).isFalse();
    assertThat(CommitPolicy.END.commitsAfter(5, 10)).isFalse();
    assertThat(p.target().embedded()).isTrue();
  }

  @Test
  void strategiesKeepTheirNameAndWhereTheyWereWritten() {
    KeyGenPlan p = parse("users = 2\nstrategies = [seq, UUID4]");
    assertThat(p.strategies()).containsExactly(new StrategyName("seq", "plan.conf:2: strategies[0]"),
        new StrategyName("UUID4", "plan.conf:2: strategies[1]"));
    assertThatThrownBy(() -> parse("strategies = []")).hasMessage("plan.conf:1: strategies: must be a non-empty list of strategy names, got []");
  }

  @Test
  void theDefaultsComeFromReferenceConfAndAreCheckedOnTheirOwn() {
    KeyGenPlan p = parse("");
    assertThat(p.users()).isEqualTo(8);
    assertThat(p.block()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.blocks()).isEqualTo(7);
    assertThat(p.orderSeed()).isEqualTo(1);
    assertThat(p.preseedRows()).isEqualTo(20_000);
    assertThat(p.sequenceCache()).isEqualTo(1000);
    assertThat(p.blockSize()).isEqualTo(1000);
    assertThat(p.model()).isEqualTo("models/keygen.conf");
    assertThat(p.commit()).isEqualTo(CommitPolicy.EACH);
    KeyGenPlan five = KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString("blocks = 4").root(), null,
        ConfigFactory.parseString("users = 5").withFallback(Settings.referenceDefaults().getConfig(KeyGenPlanLoader.DEFAULTS)).root());
    assertThat(five.users()).isEqualTo(5);
    assertThat(five.blocks()).isEqualTo(4);
    assertThatThrownBy(() -> KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString("users = 3").root(), null,
        ConfigFactory.parseString("users = 0, block_size = x").root()))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("sequela.keygen.plan-defaults.users: must be an integer between 1 and 1000, got 0")
        .hasMessageContaining("sequela.keygen.plan-defaults.block_size: must be an integer between 1 and 10000000, got \"x\"")
        .hasMessageContaining("sequela.keygen.plan-defaults.connection: must be a non-empty string, got nothing");
  }

  @Test
  void everyProblemIsOneLineNamingItsPathAndLine() {
    assertThatThrownBy(() -> parse("""
        users = 0
        inserts_per_user = 2
        commit = "every 1"
        strategies = [seq, uuid9, seq]
        insert_per_user = 3
        """))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("plan.conf:1: users: must be an integer between 1 and 1000, got 0")
        .hasMessageContaining("plan.conf:2: inserts_per_user: no longer a key: a block is a duration now (block = 1s)")
        .hasMessageContaining("plan.conf:3: commit: must be \"each\", \"end\" or \"every N\" with N >= 2, got \"every 1\"")
        .hasMessageContaining("plan.conf:5: insert_per_user: unknown key; expected one of");
  }

  @Test
  void blocksWarmupAndSharedBuffersAreCheckedWithTheirOlderNames() {
    KeyGenPlan p = parse("rounds = 5\nwarmup_inserts = 1234\nshared_buffers = 2MB\nblock = 500ms\norder_seed = -3");
    assertThat(p.blocks()).as("rounds: the older name of blocks").isEqualTo(5);
    assertThat(p.warmup()).isEqualTo(new KeyGenPlan.Warmup(KeyGenPlan.Warmup.Kind.INSERTS, Duration.ZERO, 1234));
    assertThat(p.block()).isEqualTo(Duration.ofMillis(500));
    assertThat(p.orderSeed()).isEqualTo(-3);
    assertThat(p.sharedBuffers()).isEqualTo("2MB");
    assertThat(parse("warmup = 2s").warmup().duration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(parse("warmup = 0").warmup().none()).isTrue();
    assertThat(parse("warmup = \"0\"").warmup().none()).isTrue();
    assertThat(parse("").sharedBuffers()).as("the server's default").isNull();
    assertThatThrownBy(() -> parse("""
        rounds = 0
        warmup = some
        shared_buffers = "lots"
        block = 5ms
        """))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("plan.conf:1: rounds: must be an integer between 1 and 1000, got 0")
        .hasMessageContaining("plan.conf:2: warmup: must be auto, a duration such as \"2s\", or a number of inserts (0: none), got \"some\"")
        .hasMessageContaining("plan.conf:3: shared_buffers: must be a PostgreSQL size such as 4MB, got \"lots\"")
        .hasMessageContaining("plan.conf:4: block: must be a duration from 10ms to 3600s such as \"1s\", got \"5ms\"");
    assertThatThrownBy(() -> parse("warmup_inserts = -1"))
        .hasMessage("plan.conf:1: warmup_inserts: must be an integer between 0 and 2147483647, got -1");
    assertThatThrownBy(() -> parse("blocks = 3\nrounds = 3"))
        .hasMessage("plan.conf:2: rounds: must not be given with blocks (its newer name), got both");
  }
}
