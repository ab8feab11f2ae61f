package io.sequela.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.Limit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTest {

  @TempDir Path dir;

  @Test
  void aBoundNamesTheFigureTheRuleAndTheActualValue() {
    Check p99 = Check.bound("70_30_ratio ORDER node 1", Limit.P99_US_MAX, 5000, 6120.0);
    assertThat(p99.name()).isEqualTo("70_30_ratio ORDER node 1: p99_us <= 5000");
    assertThat(p99.failed()).isTrue();
    assertThat(p99.message()).isEqualTo("p99_us 6120 > 5000");
    assertThat(Check.bound("s", Limit.INSERTS_PER_S_MIN, 100, 250.5).status()).isEqualTo(Check.Status.PASSED);
    assertThat(Check.bound("q", Limit.P99_MS_MAX, 0.001, 232.8512).message()).isEqualTo("p99_ms 232.851 > 0.001");
    Check none = Check.bound("t ORDER node 2", Limit.P99_US_MAX, 5000, null);
    assertThat(none.status()).isEqualTo(Check.Status.SKIPPED);
    assertThat(none.message()).isEqualTo("p99_us was not measured (no OK request, or the database was gone before it could be counted)");
  }

  @Test
  void theJunitFileHasOneTestcasePerCheckWithFailuresAndSkipsEscaped() throws Exception {
    Checks checks = new Checks("SeqOrderSimulation", List.of(Check.bound("t ORDER", Limit.KO_MAX, 0, 3.0),
        Check.bound("t ORDER", Limit.DUPLICATES_MAX, 0, 0.0), Check.skipped("t", "no regression", "too few runs <3")));
    String xml = Files.readString(JunitXml.write(dir, checks));
    assertThat(xml).contains("<testsuite name=\"SeqOrderSimulation\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\">")
        .contains("<testcase classname=\"SeqOrderSimulation\" name=\"t ORDER: ko &lt;= 0\" time=\"0\"><failure message=\"ko 3 &gt; 0\"")
        .contains("<skipped message=\"too few runs &lt;3\"");
    assertThat(checks.summary()).contains("sequela checks: 1 passed, 1 failed, 1 skipped").contains("FAILED t ORDER: ko <= 0: ko 3 > 0");
  }
}
