import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A virtual user's own loop holds its responses for Gatling's stats engine and hands them over together: at its
 * delay, when the user ends, and, for every live user at once, when sequela stops the run (GatlingStop calls
 * {@code flushAll} just before Gatling's stop), each response exactly once. In the default package, as the
 * simulations are.
 */
class LeanJdbcUserLoopTest {

  @Test
  void aStopHandsOverEveryLiveUsersHeldResponsesAtOnceAndEachOnlyOnce() throws Exception {
    LeanJdbc.UserLoop a = LeanJdbc.UserLoop.start(1);
    LeanJdbc.UserLoop b = LeanJdbc.UserLoop.start(2);
    AtomicInteger logged = new AtomicInteger();
    try {
      int whileHeld = a.submit(() -> {
        for (int i = 0; i < 3; i++) {
          a.logLater(logged::incrementAndGet);
        }
        return logged.get();
      }).get();
      b.submit(() -> b.logLater(logged::incrementAndGet)).get();
      assertThat(whileHeld).as("on the user's loop a response is held, not handed over at once").isZero();

      LeanJdbc.UserLoop.flushAll();
      assertThat(logged).as("every held response of both users, handed over by the stop").hasValue(4);
      Thread.sleep(2 * LeanJdbc.UserLoop.LOG_DELAY_MS);
      assertThat(logged).as("the loops' own timed hand-over finds nothing left").hasValue(4);
    } finally {
      a.end();
      b.end();
    }
  }

  @Test
  void anEndedUserHandsOverWhatItHeldAndIsNoLongerLive() throws Exception {
    LeanJdbc.UserLoop a = LeanJdbc.UserLoop.start(3);
    AtomicInteger logged = new AtomicInteger();
    a.submit(() -> a.logLater(logged::incrementAndGet)).get();
    a.end();
    assertThat(logged).hasValue(1);
    a.logLater(logged::incrementAndGet);
    assertThat(logged).as("off the loop's thread a response is handed over at once").hasValue(2);
    LeanJdbc.UserLoop.flushAll();
    assertThat(logged).hasValue(2);
  }
}
