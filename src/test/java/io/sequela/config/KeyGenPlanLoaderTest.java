package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import io.sequela.keys.KeyStrategy;
import org.junit.jupiter.api.Test;

class KeyGenPlanLoaderTest {

  private static KeyGenPlan parse(String hocon) {
    return KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString(hocon).root(), null);
  }

  @Test
  void theShippedPlansLoad() {
    KeyGenPlan quick = KeyGenPlanLoader.load("plans/keygen-default.conf");
    assertThat(quick.strategies()).containsExactly(KeyStrategy.SEQ, KeyStrategy.SITE_SEQ, KeyStrategy.UUID1, KeyStrategy.UUID4,
        KeyStrategy.UUID7, KeyStrategy.SEQ_BLOCK, KeyStrategy.SNOWFLAKE);
    assertThat(quick.plannedInserts()).isEqualTo(4000);
    KeyGenPlan dmtn = KeyGenPlanLoader.load("plans/keygen-dmtn099.conf");
    assertThat(dmtn.users()).isEqualTo(30);
    assertThat(dmtn.insertsPerUser()).isEqualTo(10_000);
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
  void seqScaleIsOracleOnlyAndAvailableThere() {
    assertThatThrownBy(() -> parse("strategies = [seq, seq_scale]")).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("plan.conf:1: strategies[1]: must be a strategy postgresql supports: seq_scale needs Oracle 18c or later");
    KeyGenPlan oracle = parse("connection = \"scott/tiger@db:1521/svc\"");
    assertThat(oracle.strategies()).contains(KeyStrategy.SEQ_SCALE);
  }

  @Test
  void everyProblemIsOneLineNamingItsPathAndLine() {
    assertThatThrownBy(() -> parse("""
        users = 0
        inserts_per_user = 2.5
        commit = "every 1"
        strategies = [seq, uuid9, seq]
        insert_per_user = 3
        """))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageContaining("plan.conf:1: users: must be an integer between 1 and 1000, got 0")
        .hasMessageContaining("plan.conf:2: inserts_per_user: must be an integer between 1 and 2147483647, got 2.5")
        .hasMessageContaining("plan.conf:3: commit: must be \"each\", \"end\" or \"every N\" with N >= 2, got \"every 1\"")
        .hasMessageContaining("plan.conf:4: strategies[1]: must be one of [seq, site_seq, uuid1, uuid4, uuid7, seq_block, snowflake, seq_scale], got 'uuid9'")
        .hasMessageContaining("plan.conf:4: strategies[2]: must not repeat a strategy, got 'seq' twice")
        .hasMessageContaining("plan.conf:5: insert_per_user: unknown key; expected one of");
  }
}
