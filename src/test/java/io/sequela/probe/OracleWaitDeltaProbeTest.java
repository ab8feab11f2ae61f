package io.sequela.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Dialect;
import io.sequela.db.InstanceWaits;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TimeZone;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Oracle's wait deltas per stage, on H2 in Oracle mode with a table standing in for GV$SYSTEM_EVENT (its columns,
 * the dialect's own query): the counters are read as a stage starts and ends, the growth is kept per instance and
 * event, and a view that cannot be read is a note naming the grant in every stage, never an exception. Also the
 * ASH window's bounds: UTC wall-clock time whatever the JVM's zone.
 */
class OracleWaitDeltaProbeTest {

  private static JdbcDataSource oracleMode(String db) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + db + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
    return ds;
  }

  private static void execute(JdbcDataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void eachStageKeepsItsOwnGrowthPerInstanceAndEvent() throws SQLException {
    JdbcDataSource ds = oracleMode("probe_waits");
    execute(ds, "CREATE TABLE gv$system_event (inst_id NUMBER(10), event VARCHAR2(64), total_waits NUMBER(19), "
        + "time_waited_micro NUMBER(19))");
    execute(ds, "INSERT INTO gv$system_event VALUES (1, 'enq: SV - contention', 100, 500000), "
        + "(2, 'enq: SV - contention', 10, 20000), (2, 'row cache lock', 5, 100)");
    WaitDeltaProbe probe = WaitDeltaProbe.of(ds, Dialect.ORACLE, "scott", "run test").orElseThrow();
    probe.stageStarts(0);
    // stage 0 (ORDER): the SV enqueue on both instances
    execute(ds, "UPDATE gv$system_event SET total_waits = total_waits + 40, time_waited_micro = time_waited_micro + 160000 "
        + "WHERE event = 'enq: SV - contention'");
    probe.stageEnds(0);
    probe.stageStarts(1);
    // stage 1 (NOORDER): a cache refill on instance 2, a new event on instance 1
    execute(ds, "UPDATE gv$system_event SET total_waits = 6, time_waited_micro = 350 WHERE event = 'row cache lock'");
    execute(ds, "INSERT INTO gv$system_event VALUES (1, 'gc current block busy', 3, 900)");
    probe.stageEnds(1);

    InstanceWaits order = probe.result(0).orElseThrow();
    assertThat(order.readable()).isTrue();
    assertThat(order.instances().get(1).get("enq: SV - contention")).isEqualTo(new InstanceWaits.Counter(40, 160000));
    assertThat(order.instances().get(2).get("enq: SV - contention")).isEqualTo(new InstanceWaits.Counter(40, 160000));
    assertThat(order.instances().get(2).get("row cache lock")).isEqualTo(new InstanceWaits.Counter(0, 0));
    InstanceWaits noorder = probe.result(1).orElseThrow();
    assertThat(noorder.instances().get(2).get("row cache lock")).isEqualTo(new InstanceWaits.Counter(1, 250));
    assertThat(noorder.instances().get(1).get("gc current block busy")).isEqualTo(new InstanceWaits.Counter(3, 900));
    assertThat(noorder.instances().get(1).get("enq: SV - contention")).isEqualTo(new InstanceWaits.Counter(0, 0));
    assertThat(probe.result(2)).isEmpty();
  }

  @Test
  void aViewNotGrantedGivesEveryStageTheGrantLineAndNoOtherDatabaseGetsAProbe() {
    WaitDeltaProbe probe = WaitDeltaProbe.of(oracleMode("probe_no_view"), Dialect.ORACLE, "scott", "run test")
        .orElseThrow();
    for (int k = 0; k < 2; k++) {
      probe.stageStarts(k);
      probe.stageEnds(k);
      InstanceWaits w = probe.result(k).orElseThrow();
      assertThat(w.readable()).isFalse();
      assertThat(w.instances()).isEmpty();
      assertThat(w.note()).endsWith("GRANT SELECT ON sys.gv_$system_event TO scott");
    }
    assertThat(WaitDeltaProbe.of(oracleMode("probe_h2"), Dialect.H2, "sa", "run test")).isEmpty();
  }

  @Test
  void aCounterThatWentDownCountsFromZeroAsAfterAnInstanceRestart() {
    InstanceWaits before = new InstanceWaits("gv$system_event",
        Map.of(1, Map.of("enq: SV - contention", new InstanceWaits.Counter(1000, 90000))), null);
    InstanceWaits after = new InstanceWaits("gv$system_event",
        Map.of(1, Map.of("enq: SV - contention", new InstanceWaits.Counter(12, 3000)),
            3, Map.of("row cache lock", new InstanceWaits.Counter(2, 40))), null);
    InstanceWaits d = after.minus(before);
    assertThat(d.instances().get(1).get("enq: SV - contention")).isEqualTo(new InstanceWaits.Counter(12, 3000));
    assertThat(d.instances().get(3).get("row cache lock")).isEqualTo(new InstanceWaits.Counter(2, 40));
    assertThat(after.minus(InstanceWaits.unreadable("gv$system_event", "no grant")).note()).isEqualTo("no grant");
  }

  @Test
  void theAshWindowIsUtcWallClockWhateverTheJvmTimeZone() {
    TimeZone jvm = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        // 2026-03-29 01:30:00.250 UTC: inside Europe's DST switch, and a fraction of a second
        assertThat(BlockProbe.utcWallClock(1_774_747_800_250L)).as(zone)
            .isEqualTo(LocalDateTime.of(2026, 3, 29, 1, 30, 0, 250_000_000));
      }
    } finally {
      TimeZone.setDefault(jvm);
    }
  }
}
