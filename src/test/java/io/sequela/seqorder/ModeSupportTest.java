package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import io.sequela.config.Plan;
import io.sequela.config.PlanLoader;
import io.sequela.config.SequenceMode;
import io.sequela.config.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUTO_INCREMENT is a MariaDB mode: a plan asks for it, and the check against the targets refuses it elsewhere. */
class ModeSupportTest {

  @TempDir Path dir;

  private Plan plan(String connection) throws Exception {
    Path f = Files.writeString(dir.resolve("plan.json"), "{ \"blocks\": 1, \"warmup\": 0, \"modes\": [\"ORDER\", \"NOORDER\", \"AUTO_INCREMENT\"], "
        + "\"tests\": [ { \"test_name\": \"t\", \"scenarii\": [ { \"node_number\": 1, \"iterations\": 1, \"interval\": 0, "
        + "\"connection\": \"" + connection + "\" }, { \"node_number\": 2, \"iterations\": 1, \"interval\": 0, "
        + "\"connection\": \"" + connection + "\" } ] } ] }");
    return PlanLoader.load(f.toString());
  }

  @Test
  void aPlanMayAskForAutoIncrementAndGaleraRunsIt() throws Exception {
    Plan p = plan("galera");
    assertThat(p.tests().get(0).modes()).containsExactly(SequenceMode.ORDER, SequenceMode.NOORDER, SequenceMode.AUTO_INCREMENT);
    ModeSupport.check(p);
    ModeSupport.check(plan("jdbc:mariadb://db:3306/app"));
  }

  @Test
  void autoIncrementOnAnotherDatabaseIsOneLineNamingTheTestAndNode() throws Exception {
    Plan embedded = plan("embedded");
    assertThatThrownBy(() -> ModeSupport.check(embedded))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("plan.json: tests[0].modes: AUTO_INCREMENT must run on a mariadb target (\"galera\" or jdbc:mariadb:), "
            + "got postgresql for node 1");
    Plan h2 = plan("galera").withTarget(TargetSpec.parse("jdbc:h2:mem:x", null, null));
    assertThatThrownBy(() -> ModeSupport.check(h2)).hasMessageContaining("got h2 for node 1");
  }
}
