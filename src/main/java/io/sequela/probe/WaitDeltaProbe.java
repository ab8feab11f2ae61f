package io.sequela.probe;

import io.sequela.db.InstanceWaits;
import io.sequela.db.ProbeSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-instance wait deltas per stage: reads the dialect's {@link ProbeSql#instanceWaits} counters (Oracle
 * {@code GV$SYSTEM_EVENT}) when a stage starts and when it ends, and keeps the difference per stage. Stages are
 * numbered by the caller (a SeqOrder stage, a KeyGen block). A view the user may not read is one warning on the
 * console, naming the grant, and the same line in every stage's result: never a failure. Thread-safe.
 */
public final class WaitDeltaProbe {

  private static final Logger LOG = LoggerFactory.getLogger(WaitDeltaProbe.class);

  private final DataSource ds;
  private final ProbeSql probes;
  private final String user;
  private final String label;
  private final Map<Integer, InstanceWaits> before = new ConcurrentHashMap<>();
  private final Map<Integer, InstanceWaits> deltas = new ConcurrentHashMap<>();
  private final AtomicBoolean warned = new AtomicBoolean();

  private WaitDeltaProbe(DataSource ds, ProbeSql probes, String user, String label) {
    this.ds = ds;
    this.probes = probes;
    this.user = user;
    this.label = label;
  }

  /**
   * A probe where the dialect has instance wait counters, else empty (every database but Oracle).
   *
   * @param ds where the counters are read (one connection borrowed per reading)
   * @param user the connected user, named in the GRANT line
   * @param label the run, at the front of the console line, e.g. {@code run 20261121-122520-b14c}
   */
  public static Optional<WaitDeltaProbe> of(DataSource ds, ProbeSql probes, String user, String label) {
    try (Connection c = ds.getConnection()) {
      if (probes.instanceWaits(c, user).isEmpty()) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      // the first stage's reading will say it
    }
    return Optional.of(new WaitDeltaProbe(ds, probes, user, label));
  }

  /** Reads the counters as stage {@code k} starts. */
  public void stageStarts(int k) {
    before.put(k, read());
  }

  /** Reads the counters as stage {@code k} ends and keeps its deltas; nothing when it never started. */
  public void stageEnds(int k) {
    InstanceWaits start = before.remove(k);
    if (start != null && !deltas.containsKey(k)) {
      deltas.put(k, read().minus(start));
    }
  }

  /** The deltas of stage {@code k}, or empty when it has not ended. */
  public Optional<InstanceWaits> result(int k) {
    return Optional.ofNullable(deltas.get(k));
  }

  private InstanceWaits read() {
    InstanceWaits w;
    try (Connection c = ds.getConnection()) {
      w = probes.instanceWaits(c, user).orElseThrow();
    } catch (SQLException e) {
      w = InstanceWaits.unreadable("wait counters", "wait deltas not available: no connection (" + e.getMessage() + ")");
    }
    if (!w.readable() && warned.compareAndSet(false, true)) {
      LOG.warn("{}: {}", label, w.note());
    }
    return w;
  }
}
