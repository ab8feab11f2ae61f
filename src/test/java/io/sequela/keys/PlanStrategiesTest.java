package io.sequela.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.KeyGenPlanLoader;
import io.sequela.db.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A KeyGen plan's strategies as KeyGenRun gets them: config reads the names, keys checks them on the target's database. */
class PlanStrategiesTest {

  private static List<KeyStrategy> strategies(String hocon) {
    KeyGenPlan plan = KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString(hocon).root(), null);
    return PlanStrategies.resolve(plan.strategies(), Target.of(plan.target()).dialect());
  }

  @Test
  void theShippedQuickPlanRunsEveryStrategyPostgresqlSupports() {
    KeyGenPlan quick = KeyGenPlanLoader.load("plans/keygen-default.conf");
    assertThat(PlanStrategies.resolve(quick.strategies(), Target.of(quick.target()).dialect())).containsExactly(KeyStrategy.SEQ,
        KeyStrategy.SITE_SEQ, KeyStrategy.UUID1, KeyStrategy.UUID4, KeyStrategy.UUID7, KeyStrategy.SEQ_BLOCK, KeyStrategy.SNOWFLAKE);
  }

  @Test
  void seqScaleIsOracleOnlyAndAvailableThere() {
    assertThatThrownBy(() -> strategies("strategies = [seq, seq_scale]")).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("plan.conf:1: strategies[1]: must be a strategy postgresql supports: seq_scale needs Oracle 18c or later");
    assertThat(strategies("connection = \"scott/tiger@db:1521/svc\"")).contains(KeyStrategy.SEQ_SCALE);
  }

  @Test
  void everyProblemIsOneLineNamingItsPathAndLine() {
    assertThatThrownBy(() -> strategies("users = 2\nstrategies = [seq, uuid9, SEQ, uuid4]"))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("plan.conf:2: strategies[1]: must be one of [seq, site_seq, uuid1, uuid4, uuid7, seq_block, snowflake, seq_scale], got 'uuid9'"
            + System.lineSeparator() + "plan.conf:2: strategies[2]: must not repeat a strategy, got 'seq' twice");
    assertThat(strategies("strategies = [uuid7, SEQ]")).containsExactly(KeyStrategy.UUID7, KeyStrategy.SEQ);
  }
}
