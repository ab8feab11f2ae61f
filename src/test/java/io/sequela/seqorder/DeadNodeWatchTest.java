package io.sequela.seqorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.load.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dead-database rule on given times (ns): failing, and no success for abort-after. */
class DeadNodeWatchTest {

  private static final long S = 1_000_000_000L;
  private static final Outcome OK = new Outcome(0, 0, 0, 1, 1, null, null);
  private static final Outcome REFUSED = new Outcome(0, 0, 0, 1, 0, "Connection to 127.0.0.1:5432 refused.\n(SQLState: 08001)", "08001");

  @Test
  void aNodeFailingWithNoSuccessForAbortAfterIsDeadAndNamedWithItsHostAndLastError() {
    DeadNodeWatch w = new DeadNodeWatch(Duration.ofSeconds(30));
    w.watch("node 1", "127.0.0.1:5432", 0);
    w.outcome("node 1", OK, 10 * S);
    w.outcome("node 1", REFUSED, 11 * S);
    assertThat(w.check(39 * S)).isEmpty();
    assertThat(w.check(40 * S)).contains("node 1 (127.0.0.1:5432): no successful insert for 30 s while its inserts fail; "
        + "last error: Connection to 127.0.0.1:5432 refused. (SQLState: 08001)");
  }

  @Test
  void aNodeThatSucceedsAgainOrIsOnlyQuietIsAlive() {
    DeadNodeWatch w = new DeadNodeWatch(Duration.ofMillis(500));
    w.watch("node 1", "h", 0);
    w.watch("node 2", "h", 0);
    w.outcome("node 1", REFUSED, S);
    w.outcome("node 1", OK, 2 * S);
    assertThat(w.check(10 * S)).as("node 1 recovered; node 2 made no insert at all").isEmpty();
    w.outcome("node 2", REFUSED, 11 * S);
    assertThat(w.check(11 * S)).hasValueSatisfying(m -> assertThat(m).startsWith("node 2 (h): no successful insert for 500 ms"));
    w.forget("node 2");
    assertThat(w.check(12 * S)).isEmpty();
    w.outcome("node 2", REFUSED, 12 * S);
    assertThat(w.check(13 * S)).as("a node no longer watched").isEmpty();
  }
}
