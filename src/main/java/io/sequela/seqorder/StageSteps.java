package io.sequela.seqorder;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.config.RequestPath;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SeqOrderSettings;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.SequenceAttributes;
import io.sequela.db.SequenceSwitch;
import io.sequela.db.Target;
import io.sequela.load.JdbcWorkers;
import io.sequela.probe.WaitDeltaProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What opening and finishing a SeqOrder stage does. Open: switch the sequence to the stage's mode on every
 * distinct connection and read it back there ({@link SequenceSwitch}; nothing for a mode that uses no sequence,
 * AUTO_INCREMENT), read the per-instance wait counters where the dialect has them, then open one pool per node
 * (lean driver: the JDBC plugin opens its own pools when Gatling starts) and start watching the nodes for a dead
 * database. Finish: the wait counters again, give the workers' connections back and close the stage's pools.
 */
final class StageSteps implements StageSequence.Steps {

  private static final Logger LOG = LoggerFactory.getLogger(StageSteps.class);
  static final String SEQUENCE = "seq_job_execution_id";

  /** One distinct connection of the run: its pool and the first node reaching it, for messages. */
  record Admin(HikariDataSource pool, int node, String host) {}

  private final List<Stage> stages;
  private final SeqOrderSettings settings;
  private final Map<ScenarioSpec, Target> resolved;
  private final Map<String, Admin> admin;
  private final DeadNodeWatch watch;
  private final String runId;
  private final Optional<WaitDeltaProbe> waits;
  private final IntConsumer modeSwitch;
  private final IntConsumer onOpen;
  private final SequenceAttributes[] readBack;
  private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
  private final Map<String, JdbcWorkers> workers = new ConcurrentHashMap<>();

  /**
   * @param stages the run's stages, in run order
   * @param resolved every node's target, the first node's first (its database holds the results)
   * @param admin one pool per distinct connection, for the mode switch and its read-back
   * @param watch the dead-database watch each stage's nodes join while it is open
   * @param runId the run's id, whose warm-up rows a warm-up stage deletes when it finishes
   * @param waits the per-instance wait probe, read as each stage opens and finishes (Oracle); empty elsewhere
   * @param switchAround how stage k's mode switch ({@link #switchAndVerify}) is wrapped: as it is with one injector;
   *     with several the stage barrier around it (injector 1 alone switches, the others wait for it and then only
   *     read the mode back)
   * @param onOpen called once stage k is open (its pools ready), before its users start: a warm-up starts its clock
   */
  StageSteps(List<Stage> stages, SeqOrderSettings settings, Map<ScenarioSpec, Target> resolved, Map<String, Admin> admin,
      DeadNodeWatch watch, String runId, Optional<WaitDeltaProbe> waits, UnaryOperator<IntConsumer> switchAround,
      IntConsumer onOpen) {
    this.stages = List.copyOf(stages);
    this.settings = settings;
    this.resolved = Collections.unmodifiableMap(new LinkedHashMap<>(resolved));
    this.admin = Collections.unmodifiableMap(new LinkedHashMap<>(admin));
    this.watch = watch;
    this.runId = runId;
    this.waits = waits;
    this.modeSwitch = switchAround.apply(this::switchAndVerify);
    this.onOpen = onOpen;
    this.readBack = new SequenceAttributes[stages.size()];
  }

  private Dialect dialect() {
    return resolved.values().iterator().next().dialect();
  }

  @Override
  public void open(int k) {
    Stage stage = stages.get(k);
    String what = "test " + stage.test().name() + ", mode " + stage.mode();
    boolean usesSequence = usesSequence(k);
    modeSwitch.accept(k);
    if (usesSequence && readBack[k] == null) {
      readBack[k] = onEveryConnection(k, false);
    }
    SequenceAttributes read = readBack[k];
    waits.ifPresent(w -> w.stageStarts(k));
    if (settings.driver() == RequestPath.LEAN) {
      for (ScenarioSpec node : stage.test().scenarii()) {
        try {
          pools.put(key(stage, node), Pools.open(resolved.get(node), leanPoolConfig(stage, node)));
        } catch (SequelaException e) {
          finish(k);
          throw new SequelaException.DatabaseFailure(what + ": " + e.getMessage(), e);
        }
      }
    }
    long now = System.nanoTime();
    stage.test().scenarii().forEach(n -> watch.watch(watchName(n), resolved.get(n).host(), now));
    onOpen.accept(k);
    LOG.info("stage {} '{}' {} {} opens: {}", k, stage.test().name(), stage.variantName(),
        stage.rehearsal() ? "warm-up (rehearsal of a stage switch)" : stage.warmup() ? "warm-up" : "block " + stage.blockNo(),
        usesSequence ? read + " read back on " + admin.size() + " connection(s)" : "the sequence is not used");
  }

  /** Switches stage k's sequence on every distinct connection and reads it back there (nothing for AUTO_INCREMENT). */
  void switchAndVerify(int k) {
    if (usesSequence(k)) {
      readBack[k] = onEveryConnection(k, true);
    }
  }

  /**
   * Switches (or only reads back) the sequence on every distinct connection.
   *
   * @return what it read back, the same on every connection
   * @throws SequelaException.DatabaseFailure one line naming the test, the mode, the node and the database's message
   */
  private SequenceAttributes onEveryConnection(int k, boolean doSwitch) {
    Stage stage = stages.get(k);
    String what = "test " + stage.test().name() + ", mode " + stage.mode();
    SequenceAttributes read = null;
    for (Admin a : admin.values()) {
      try (Connection c = a.pool().getConnection()) {
        read = doSwitch ? SequenceSwitch.apply(c, dialect(), SEQUENCE, stage.mode(), stage.test().sequenceCache())
            : SequenceSwitch.verify(c, dialect(), SEQUENCE, stage.mode(), stage.test().sequenceCache());
      } catch (SequenceSwitch.Failed e) {
        throw new SequelaException.DatabaseFailure(what + ": the sequence switch failed on node " + a.node() + " ("
            + a.host() + "): " + e.getMessage(), e);
      } catch (SQLException e) {
        throw new SequelaException.DatabaseFailure(what + ": no connection to node " + a.node() + " (" + a.host() + ") for "
            + "the sequence switch: " + Target.mask(String.valueOf(e.getMessage())), e);
      }
    }
    return read;
  }

  @Override
  public void finish(int k) {
    waits.ifPresent(w -> w.stageEnds(k));
    Stage stage = stages.get(k);
    for (ScenarioSpec node : stage.test().scenarii()) {
      watch.forget(watchName(node));
      JdbcWorkers w = workers.remove(key(stage, node));
      if (w != null) {
        w.close();
      }
      HikariDataSource ds = pools.remove(key(stage, node));
      if (ds != null) {
        ds.close();
      }
    }
    if (stage.warmup()) {
      deleteWarmupRows(stage);
    }
  }

  /**
   * Deletes a warm-up's rows (BLOCK_NO 0) so that no figure, reconciliation or gap analysis sees them; the queries
   * also leave BLOCK_NO 0 out, so a failed delete costs only table size. Never throws.
   */
  private void deleteWarmupRows(Stage stage) {
    String sql = "DELETE FROM job_execution WHERE run_id = ? AND test_name = ? AND block_no = 0";
    Admin a = admin.values().iterator().next();
    try (Connection c = a.pool().getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      ps.setString(2, stage.test().name());
      int n = ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
      LOG.debug("stage {}: {} warm-up rows deleted", stage.index(), n);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("stage {}: the warm-up rows stay (left out of every figure): {}", stage.index(), e.getMessage());
    }
  }

  /** False when stage {@code k}'s mode leaves the sequence alone (AUTO_INCREMENT): nothing to switch or verify. */
  boolean usesSequence(int k) {
    Stage stage = stages.get(k);
    return !dialect().switchSequence(SEQUENCE, stage.mode(), stage.test().sequenceCache()).isEmpty();
  }

  /** What stage {@code k}'s sequence read back as after its switch, or null when it did not open. */
  SequenceAttributes readBack(int k) {
    return readBack[k];
  }

  /**
   * The lean workers of one node in one stage (one per user), the same wherever the node's inserts and commits
   * use them; they borrow from the stage's pool, which exists only while the stage is open.
   */
  JdbcWorkers workers(Stage stage, ScenarioSpec node, LongSupplier clockMs) {
    String key = key(stage, node);
    Dialect d = resolved.get(node).dialect();
    return workers.computeIfAbsent(key, x -> JdbcWorkers.over(() -> pools.get(key), poolName(stage, node), node.users(),
        clockMs, d::errorCode));
  }

  /** The pool of one node in one stage: a connection per user, autocommit as the test's commit policy says. */
  HikariConfig leanPoolConfig(Stage stage, ScenarioSpec node) {
    HikariConfig cfg = Pools.config(resolved.get(node), poolName(stage, node), node.users(), settings.connectTimeout());
    // a warm-up commits each insert whatever the policy: it has no planned end for "end" or "every N"
    cfg.setAutoCommit(stage.warmup() || stage.test().commit().autocommit());
    return cfg;
  }

  /** The JDBC plugin's pool of one node in one stage (commit each only, see SeqOrderSettings). */
  HikariConfig pluginPoolConfig(Stage stage, ScenarioSpec node) {
    return Pools.config(resolved.get(node), poolName(stage, node), node.users(), settings.connectTimeout());
  }

  /** The name the dead-node watch knows a node by, e.g. {@code node 2}. */
  static String watchName(ScenarioSpec node) {
    return "node " + node.nodeNumber();
  }

  private static String poolName(Stage stage, ScenarioSpec node) {
    return "node-" + node.nodeNumber() + " " + stage.variantName() + (stage.warmup() ? " warm-up" : " b" + stage.blockNo());
  }

  private static String key(Stage stage, ScenarioSpec node) {
    return stage.index() + "|" + node.nodeNumber();
  }

  /**
   * Stops every stage's workers at once and closes the pools still open on a thread of their own (a stopped
   * run's end: HikariCP may wait seconds for a dead database before a pool closes, and the JVM exits anyway).
   */
  void abortAll() {
    workers.values().forEach(JdbcWorkers::abort);
    workers.clear();
    closeLater(List.copyOf(pools.values()));
    pools.clear();
  }

  /** Closes pools on a daemon thread, without waiting. */
  static void closeLater(List<HikariDataSource> toClose) {
    Thread t = new Thread(() -> toClose.forEach(HikariDataSource::close), "sequela-close-pools");
    t.setDaemon(true);
    t.start();
  }

  /** Closes what is still open at the end of a run that was not stopped. */
  void closeAll() {
    workers.values().forEach(JdbcWorkers::close);
    workers.clear();
    pools.values().forEach(HikariDataSource::close);
    pools.clear();
  }
}
