package io.sequela.keygen;

import io.sequela.run.ExitCodes;
import io.sequela.run.RunId;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sequela.SequelaException;
import io.sequela.probe.BlockProbe;
import io.sequela.probe.WaitDeltaProbe;
import io.sequela.report.KeyGenReport;
import io.sequela.run.AfterReport;
import io.sequela.run.InterruptibleLoad;
import io.sequela.run.Interruption;
import io.sequela.run.NightlyPages;
import io.sequela.stats.KeyGenFigures;
import io.sequela.config.CommitPolicy;
import io.sequela.config.RequestPath;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.KeyGenSettings;
import io.sequela.config.NightlySettings;
import io.sequela.db.Dialect;
import io.sequela.db.InstanceWaits;
import io.sequela.db.Pools;
import io.sequela.db.Target;
import io.sequela.db.TransactionSpanningPool;
import io.sequela.keys.KeyStrategy;
import io.sequela.keys.PlanStrategies;
import io.sequela.keys.SequenceBlockAllocator;
import io.sequela.keys.Snowflake;
import io.sequela.keys.Uuids;
import io.sequela.gatlingrun.GatlingRun;
import io.sequela.record.RequestRecord;
import io.sequela.record.RequestRecords;
import io.sequela.run.ThisRun;
import io.sequela.load.JdbcWorkers;
import io.sequela.load.Work;
import io.sequela.nightly.KeyGenNightly;
import io.sequela.nightly.Nightly;
import io.sequela.nightly.NightlyOutcome;
import io.sequela.nightly.RunIdentity;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything KeyGenSimulation does besides driving Gatling, in one life: {@link #prepare} (settings and plan, the tables
 * pre-seeded, not timed), {@link #start} (the first step opens), {@link #finish} (the results gathered once into
 * {@link KeyGenResults}, analysed once by {@link KeyGenAnalysis}, and those figures handed to the JSON, the console, the
 * nightly checks and the page), {@link #close}. Between start and finish: the keys each user binds, and the steps of
 * {@link KeyGenSchedule} (each strategy's warm-up, then the measured blocks in a balanced order) with their measuring
 * ({@link KeyGenBlocks}: checkpoint, before/after counters, wait-event sampling, µs latencies) run by the
 * {@link StepGate}. Gatling-free.
 *
 * <p>Each step is one strategy's warm-up or one of its blocks; all users take part in every step, each on its own one-connection pool
 * (autocommit for commit policy {@code each}). With the lean driver each user's {@link JdbcWorkers} worker
 * holds that connection for the whole run, so its inserts and its COMMIT requests share one transaction;
 * with the JDBC plugin, which borrows the connection for every statement, the pool is a
 * {@link TransactionSpanningPool} for the same reason.
 */
public final class KeyGenRun implements AutoCloseable {

  /** application_name prefix (PostgreSQL) of the users' sessions, which the wait-event sampler follows. */
  public static final String USER_SESSIONS = "sequela keygen user";
  /** The payload every measured insert binds: 32 hex digits, like DMTN-099's rows. */
  public static final String PAYLOAD = "0123456789abcdef0123456789abcdef";
  /** The payload of the warm-up's inserts (32 characters, not hex digits), by which they are deleted. */
  public static final String WARMUP_PAYLOAD = "warm-up row, deleted before block";
  private static final Logger LOG = LoggerFactory.getLogger(KeyGenRun.class);
  /** Block probe (2: queries and the sampler's), seq_block allocator (up to 2), and one to spare. */
  private static final int ADMIN_CONNECTIONS = 5;

  private final KeyGenSettings settings;
  private final NightlySettings nightly;
  private final KeyGenPlan plan;
  private final Dialect dialect;
  private final List<KeyStrategy> strategies;
  private final String runId = RunId.next();
  private final KeyGenSchedule schedule;
  private final KeyGenBlocks blocks;
  private final StepGate gate;
  private ThisRun thisRun;
  private final List<Supplier<UUID>> uuids = new ArrayList<>();
  private final List<Snowflake> snowflakes = new ArrayList<>();
  private final Map<Integer, JdbcWorkers> workers = new ConcurrentHashMap<>();
  private Target target;
  private HikariDataSource admin;
  private SequenceBlockAllocator seqBlock;
  private String flushStatisticsSql;
  private boolean closed;
  private final InterruptibleLoad load = new InterruptibleLoad();

  private KeyGenRun(KeyGenSettings settings, NightlySettings nightly) {
    this.settings = settings;
    this.nightly = nightly;
    this.plan = settings.plan();
    try {
      this.dialect = Target.of(plan.target()).dialect();
    } catch (SequelaException.UnsupportedDialect e) {
      throw new SequelaException.InvalidInput(plan.source() + ": connection (or sequela.target): " + e.getMessage());
    }
    this.strategies = PlanStrategies.resolve(plan.strategies(), dialect);
    List<String> ids = strategies.stream().map(KeyStrategy::id).toList();
    for (String named : plan.strategyAssertions().keySet()) {
      if (!ids.contains(named)) {
        throw new SequelaException.InvalidInput(plan.source() + ": assertions." + named
            + ": unknown key; expected a limit or one of this run's strategies " + ids);
      }
    }
    this.schedule = new KeyGenSchedule(plan, strategies.stream().map(KeyStrategy::id).toList());
    this.blocks = new KeyGenBlocks(schedule, strategies, WARMUP_PAYLOAD, settings.waitSampleInterval());
    int[] users = new int[schedule.size()];
    Arrays.fill(users, plan.users());
    this.gate = new StepGate(users, blocks::beforeStep);
    for (KeyStrategy s : strategies) {
      uuids.add(switch (s) {
        case UUID1 -> Uuids.generator(1);
        case UUID4 -> Uuids.generator(4);
        case UUID7 -> Uuids.generator(7);
        default -> null;
      });
    }
    for (int u = 1; u <= plan.users(); u++) {
      snowflakes.add(new Snowflake(u));
    }
  }

  /**
   * Loads settings and plan, checks the plan's strategies against the target's database, starts the embedded
   * PostgreSQL if needed (with {@code sequela.keygen.shared_buffers}) and prepares every strategy's table.
   *
   * @throws SequelaException.InvalidInput for a bad plan or setting, before any database work
   * @throws SequelaException.DatabaseFailure when the database cannot be reached or refuses the DDL
   */
  public static KeyGenRun prepare() {
    return prepare(KeyGenSettings.load());
  }

  /** As {@link #prepare()} with given settings. */
  public static KeyGenRun prepare(KeyGenSettings settings) {
    KeyGenRun run = new KeyGenRun(settings, NightlySettings.load());
    try {
      run.connect(Preseeder.populator(run.plan.model(), settings.preseedThreads(), run.dialect()));
      run.thisRun = ThisRun.start(settings.resultsDir(), "KeyGenSimulation", run.runId);
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
    return run;
  }

  private void connect(Preseeder preseeder) {
    target = Target.of(plan.target()).resolve(settings.embedded());
    admin = Pools.open(target, "keygen admin", ADMIN_CONNECTIONS);
    flushStatisticsSql = readFlushStatisticsSql();
    LOG.info("keygen run {}: {} on {}, {} users, commit {}, {}; order {}", runId, strategies, dialect(), plan.users(),
        plan.commit(), schedule.stamp().line(), schedule.order().pattern());
    for (KeyStrategy s : strategies) {
      long firstFree = KeyGenTables.prepare(admin, target, s, plan.preseedRows(), plan.sequenceCache(), preseeder);
      if (s == KeyStrategy.SEQ_BLOCK) {
        seqBlock = SeqBlockKeys.open(admin, dialect(), firstFree, plan.blockSize());
      }
    }
    blocks.connect(admin, dialect(), gate, WaitDeltaProbe.of(admin, dialect(), target.user(), "keygen run " + runId));
  }

  private String readFlushStatisticsSql() {
    try (Connection c = admin.getConnection()) {
      return dialect().flushStatisticsSql(c).orElse(null);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("cannot read the server version: " + e.getMessage(), e);
    }
  }

  /** The strategies in plan order (a step's {@link KeyGenSchedule.Step#strategy()} indexes them). */
  public List<KeyStrategy> strategies() {
    return strategies;
  }

  /** The steps: each strategy's warm-up, then the measured blocks. */
  public KeyGenSchedule schedule() {
    return schedule;
  }

  /** The validated plan. */
  public KeyGenPlan plan() {
    return plan;
  }

  /** The gate the users poll; {@link #start()} opens the first step. */
  public StepGate gate() {
    return gate;
  }

  /**
   * Opens the first step (Gatling's {@code before()}); from then on Ctrl-C, SIGTERM or the parent process gone
   * ({@link Interruption}) stops the load and the run ends with what ran ({@link #finish}).
   *
   * @throws io.sequela.SequelaException.DatabaseFailure when the first step's preparation fails
   */
  public void start() {
    gate.start();
    load.start();
  }

  /** How to stop the load generator (Gatling's own stop of its injector), run once when the run is interrupted. */
  public void stopLoadWith(Runnable stop) {
    load.stopWith(stop);
  }

  /**
   * True while the users of step {@code step} go on inserting: a warm-up until its rule ends it, a block until its
   * duration has passed. The users ask before every insert.
   */
  public boolean running(int step) {
    return blocks.running(step);
  }

  /** Counts an insert the JDBC plugin sends in step {@code step} (a warm-up's rule counts them). */
  public void sent(int step) {
    blocks.sent(step);
  }

  /** This run's id. */
  public String runId() {
    return runId;
  }

  /** The target's dialect. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * The pool of virtual user {@code user} (1-based): one connection, application_name
   * {@code sequela keygen user <n>} where the driver has one, the dialect's
   * {@link Dialect#untypedStringProperties()} (PostgreSQL: strings bind to uuid columns through
   * {@code stringtype=unspecified}), and the session module {@link BlockProbe#MODULE} where the dialect sets one
   * (Oracle).
   */
  public HikariConfig poolConfig(int user) {
    String name = "keygen user " + user;
    Properties props = new Properties();
    props.putAll(dialect().untypedStringProperties());
    HikariConfig cfg;
    if (plan.commit().autocommit() || settings.driver() == RequestPath.LEAN) {
      cfg = Pools.config(target, name, 1);
      props.forEach((k, v) -> cfg.addDataSourceProperty((String) k, v));
      cfg.setAutoCommit(plan.commit().autocommit());
    } else {
      cfg = TransactionSpanningPool.config(target, name, props);
    }
    dialect().sessionModuleSql(BlockProbe.MODULE).ifPresent(cfg::setConnectionInitSql);
    return cfg;
  }

  /**
   * The key user {@code user} (1-based) binds for its next insert into strategy {@code k}'s table: a {@code Long}
   * (seq_block, snowflake), a UUID as the dialect's {@link Dialect#uuidSessionValue} (a {@code UUID}; on Oracle
   * a 32-hex-digit string, converted to RAW(16)), or null when the database fills the key. Thread-safe.
   */
  public Object nextKey(int k, int user) {
    KeyStrategy s = strategies.get(k);
    return switch (s) {
      case UUID1, UUID4, UUID7 -> dialect().uuidSessionValue(uuids.get(k).get());
      case SNOWFLAKE, SEQ_BLOCK -> longKey(s, user);
      default -> null;
    };
  }

  /** The next seq_block or snowflake key of user {@code user}. */
  private long longKey(KeyStrategy s, int user) {
    return s == KeyStrategy.SNOWFLAKE ? snowflakes.get(user - 1).next() : seqBlock.next();
  }

  /** How the simulation sends its requests ({@code sequela.driver}). */
  public RequestPath driver() {
    return settings.driver();
  }

  /**
   * The lean workers of virtual user {@code user} (1-based): one worker holding the one connection of the
   * user's pool ({@link #poolConfig}) for the whole run; opened on the first call, the same afterwards.
   * Closed by {@link #close()}.
   *
   * @param clockMs the clock response times are given on (Gatling's), ms
   * @throws SequelaException.DatabaseFailure when the database cannot be reached
   */
  public JdbcWorkers workers(int user, LongSupplier clockMs) {
    return workers.computeIfAbsent(user, u -> {
      HikariConfig cfg = poolConfig(u);
      HikariDataSource pool;
      try {
        pool = new HikariDataSource(cfg);
      } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
        throw Pools.unreachable(target, cfg.getPoolName(), e);
      }
      return JdbcWorkers.open(pool, cfg.getPoolName(), 1, clockMs);
    });
  }

  /**
   * User {@code user}'s insert in step {@code step}, for the lean workers: the key, drawn on the worker just before
   * execute (untimed) and bound as the dialect binds it ({@link Dialect#bindUuid}, or a {@code long}), unless the
   * database fills it; then the step's {@link #payload}. Its outcomes (ns timing, status) go to the step's recorder;
   * only the blocks' are reported.
   */
  public Work insert(int step, int user) {
    int k = schedule.step(step).strategy();
    KeyStrategy s = strategies.get(k);
    String payload = payload(step);
    List<String> columns = s.clientColumns();
    String sql = "INSERT INTO " + s.table() + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    Dialect d = dialect();
    Work work = Work.insert(sql, ps -> {
      switch (s.source()) {
        case CLIENT_UUID -> d.bindUuid(ps, 1, uuids.get(k).get());
        case CLIENT_LONG -> ps.setLong(1, longKey(s, user));
        default -> { }
      }
      ps.setString(columns.size(), payload);
    });
    // the warm-up's outcomes are recorded too (its rule reads them), so it runs the measured code path
    return work.observedBy(o -> blocks.record(step, o));
  }

  /** The payload step {@code step}'s inserts bind: {@link #WARMUP_PAYLOAD} in a warm-up, else {@link #PAYLOAD}. */
  public String payload(int step) {
    return schedule.step(step).warmup() ? WARMUP_PAYLOAD : PAYLOAD;
  }

  /**
   * The statement each user runs after its last insert of a strategy so that its session's index and
   * block statistics reach pg_statio_user_indexes at once (PostgreSQL 15+ flushes them at most once a
   * second, else after 10 s idle), or null where not needed or not available.
   */
  public String flushStatisticsSql() {
    return flushStatisticsSql;
  }

  /** The commit policy. */
  public CommitPolicy commit() {
    return plan.commit();
  }

  /**
   * An upper bound for Gatling's maxDuration: the warm-ups at their longest (a count at 20 ms an insert per user), the
   * blocks, 1 s per step for its preparation, plus 10 minutes, so a hung database cannot hold a nightly job forever.
   */
  public Duration maxDuration() {
    KeyGenPlan.Warmup w = plan.warmup();
    Duration warmup = switch (w.kind()) {
      case AUTO, DURATION -> w.duration();
      case INSERTS -> Duration.ofMillis(w.inserts() * 20 / plan.users());
    };
    long warmups = schedule.firstBlockStep();
    long measured = schedule.size() - warmups;
    return warmup.multipliedBy(warmups).plus(schedule.blockDuration().multipliedBy(measured))
        .plusSeconds(schedule.size()).plusMinutes(10);
  }

  /**
   * Ends the run (Gatling's {@code after()}): gathers what it measured into {@link KeyGenResults}, analyses it once
   * ({@link KeyGenAnalysis}), writes key-generation.json, prints the table and the checks' summary, runs the nightly
   * checks (one history row stamped with the design, sequela-assertions.xml), registers the page to be written once
   * Gatling has written its report, and closes the run. An interrupted run does the same for the blocks that ended:
   * history status interrupted, and the JVM exits {@link ExitCodes#INTERRUPTED} once the page is written.
   *
   * @param out where the console table and the checks' summary go
   * @param beforeRecordIsRead run first: with the JDBC plugin, the simulation copies Gatling 3.11's text log into the
   *     run record (sequela does not see the plugin's outcomes); otherwise nothing
   * @return the figures handed to the JSON, the page and the checks
   * @throws SequelaException when the run folder cannot be found or a file cannot be written
   */
  public KeyGenFigures finish(PrintStream out, Runnable beforeRecordIsRead) {
    String interrupted = load.end();
    try {
      beforeRecordIsRead.run();
      KeyGenResults results = results();
      KeyGenFigures figures = KeyGenAnalysis.of(results);
      String stopped = interrupted == null ? null : interrupted + " after " + results.blocks().size() + " of "
          + (schedule.size() - schedule.firstBlockStep()) + " measured blocks: the figures are those of the blocks that"
          + " ended; the block under way and the steps after it are in none";
      KeyGenReport report = KeyGenReport.of(runId, dialect, plan, results.waitSampleInterval(), figures)
          .withOracleWaits(results.oracleWaits()).withStopped(stopped);
      GatlingRun folder = runFolder();
      report.writeJson(folder.folder());
      out.println();
      out.println("sequela keygen run " + runId + " on " + dialect.name() + ", " + plan.users() + " users, commit "
          + plan.commit() + ", " + plan.preseedRows() + " pre-seeded rows; " + figures.design());
      out.println(report.consoleTable());
      NightlyOutcome checks = nightly(figures, out, interrupted != null);
      int exit = stopped == null ? checks.exitCode() : ExitCodes.INTERRUPTED;
      if (stopped != null) {
        out.println("sequela: " + stopped + "; history row " + checks.status() + ", exit " + exit);
      }
      // the page is built from the same figures as the JSON, in this JVM, once Gatling has written its report
      AfterReport.register(folder, f -> {
        report.writePage(f.folder());
        NightlyPages.afterReport(checks, f.folder(), System.out);
      }, exit);
      return figures;
    } finally {
      close();
    }
  }

  /**
   * Gathers what the run measured (the database's figures and the inserts' µs latencies: the lean action's ns timing;
   * with the JDBC plugin, the run record its profile filled from Gatling 3.11's text log, in whole ms), once every
   * step is over. Closes the run record and moves it into the run folder.
   */
  KeyGenResults results() {
    RequestRecords records = thisRun.finish();
    if (settings.driver() == RequestPath.PLUGIN) {
      blocks.recordFromRecord(records);
    }
    List<KeyGenResults.BlockRun> runs = blocks.blocks();
    return new KeyGenResults(runId, plan, schedule, settings.waitSampleInterval(), blocks.warmups(), runs,
        blocks.oracleWaits());
  }

  /**
   * The nightly checks of the run (the plan's assertions per strategy, the regression gate), one history row stamped
   * with the design (status interrupted when the run was) and sequela-assertions.xml in the run folder; prints the
   * checks' summary.
   *
   * @return the outcome; its exit code is {@link ExitCodes#CHECK_FAILED} when a check failed
   */
  private NightlyOutcome nightly(KeyGenFigures figures, PrintStream out, boolean interrupted) {
    RunIdentity id = new RunIdentity("KeyGenSimulation", runId, plan.source(), RunIdentity.planHash(nightly.keyGenPlan(), ""),
        RunIdentity.targetLabel(target), RunIdentity.serverVersion(admin), RunIdentity.sourceCommit(), figures.design());
    NightlyOutcome o = Nightly.finish(nightly, id, List.of(KeyGenNightly.of(plan, figures)), runFolder().folder(),
        note -> out.println("sequela: " + note), interrupted);
    out.print(o.checks().summary());
    return o;
  }

  /** This run's Gatling run folder, by construction ({@link ThisRun}). */
  public GatlingRun runFolder() {
    return thisRun.folder();
  }

  /** The run record every request of this run goes to ({@code simulations/LeanJdbc} writes it). */
  public RequestRecord record() {
    return thisRun.record();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    workers.values().forEach(JdbcWorkers::close);
    if (thisRun != null) {
      thisRun.record().close();
    }
    if (seqBlock != null) {
      seqBlock.close();
    }
    if (admin != null) {
      admin.close();
    }
  }
}
