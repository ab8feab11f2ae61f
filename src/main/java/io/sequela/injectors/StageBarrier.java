package io.sequela.injectors;

import io.sequela.SequelaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stages of several injectors (load-generator JVMs) of one run in step through the table
 * SEQUELA_STAGE of the database they all reach (sql/&lt;dialect&gt;/setup.sql): before stage k opens, every
 * injector {@link #arrive arrives} (k = 0: it is connected and ready; k &gt; 0: it finished stage k - 1);
 * injector 1 {@link #awaitAll awaits all}, switches the sequence mode and {@link #open opens} stage k; the
 * others {@link #awaitOpen await the opening}.
 *
 * <p>Rows: {@code (run_id, stage, injector, state, at_time, detail)}, state {@code CLAIM} (stage -1: a number
 * taken by {@link #claim}), {@code START} (ready for stage 0),
 * {@code DONE} (finished that stage), {@code OPEN} (injector 1 opened that stage) or {@code FAILED} (detail:
 * the one line every injector prints); at_time is the database's clock. A waiting injector fails when the
 * barrier does not pass within the timeout after it arrived, naming the injectors that did not arrive (or
 * injector 1 when all did but the stage did not open), and records that line so the others fail with it
 * too. The statements are plain SQL every dialect runs.
 */
public final class StageBarrier {

  private static final Logger LOG = LoggerFactory.getLogger(StageBarrier.class);
  private static final String INSERT =
      "INSERT INTO sequela_stage (run_id, stage, injector, state, at_time, detail) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, ?)";
  private static final String SELECT = "SELECT stage, injector, state, detail FROM sequela_stage WHERE run_id = ?";
  /** The state of a number taken by {@link #claim} (stage -1). */
  static final String CLAIM = "CLAIM";

  private final DataSource db;
  private final String runId;
  private final int injector;
  private final int injectors;
  private final List<String> stageNames;
  private final Duration timeout;
  private final Duration poll;
  private final Clock clock;

  /** The time the waits run on: the real one, or in tests one that moves only when a wait sleeps. */
  interface Clock {
    /** The real clock: {@link System#nanoTime()} and {@link Thread#sleep}. */
    Clock REAL = new Clock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
      }
    };

    /** Now, in ns, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code d} between two looks at the table. */
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * @param db the database every injector reaches (one connection at a time is enough)
   * @param runId the run id, the same on every injector
   * @param injector this injector's number, 1..injectors
   * @param injectors how many injectors drive the run, at least 2
   * @param stageNames each stage's name for messages, e.g. {@code '70_30_ratio' ORDER}, in run order
   * @param timeout how long a waiting injector waits after it arrived, positive
   * @param poll time between two looks at the table, positive (e.g. 100 ms)
   */
  public StageBarrier(DataSource db, String runId, int injector, int injectors, List<String> stageNames,
      Duration timeout, Duration poll) {
    this(db, runId, injector, injectors, stageNames, timeout, poll, Clock.REAL);
  }

  /** As the public constructor, the timeouts and polls on {@code clock} (tests). */
  StageBarrier(DataSource db, String runId, int injector, int injectors, List<String> stageNames,
      Duration timeout, Duration poll, Clock clock) {
    this.clock = clock;
    this.db = db;
    this.runId = runId;
    this.injector = injector;
    this.injectors = injectors;
    this.stageNames = List.copyOf(stageNames);
    this.timeout = timeout;
    this.poll = poll;
  }

  /**
   * Takes the lowest injector number of a run that no other injector took, for runners that all start alike (the
   * gatling-operator's pods share one command line): each number is one CLAIM row, and the primary key lets one
   * claimer alone have it.
   *
   * @param db the database every injector reaches, its schema set up
   * @param who a name for the claimer, kept in the row (e.g. the host name)
   * @return the number, 1..injectors
   * @throws SequelaException.InvalidInput when every number of the run is taken
   * @throws SequelaException.DatabaseFailure when SEQUELA_STAGE cannot be read
   */
  public static int claim(DataSource db, String runId, int injectors, String who) {
    SQLException last = null;
    for (int i = 1; i <= injectors; i++) {
      try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
        ps.setString(1, runId);
        ps.setInt(2, -1);
        ps.setInt(3, i);
        ps.setString(4, CLAIM);
        ps.setString(5, who.length() > 400 ? who.substring(0, 400) : who);
        ps.executeUpdate();
        if (!c.getAutoCommit()) {
          c.commit();
        }
        return i;
      } catch (SQLException e) {
        last = e; // taken (a duplicate key): try the next number
      }
    }
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM sequela_stage WHERE run_id = ? AND state = '" + CLAIM + "'")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getInt(1) >= injectors) {
          throw new SequelaException.InvalidInput("--injectors: all " + injectors + " injector numbers of run '" + runId + "' are taken");
        }
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("run " + runId + ": reading SEQUELA_STAGE failed: " + e.getMessage(), e);
    }
    throw new SequelaException.DatabaseFailure("run " + runId + ": no injector number could be claimed: " + last.getMessage(), last);
  }

  /**
   * Wraps a gate's preparation of stage k (the mode switch) in the barrier: arrive; injector 1 awaits all,
   * runs {@code switchMode} and opens the stage; the others await the opening and do not switch.
   *
   * @return the consumer for a stage gate (keygen.StepGate, seqorder.StageSequence)
   */
  public IntConsumer around(IntConsumer switchMode) {
    return k -> {
      arrive(k);
      if (injector == 1) {
        awaitAll(k);
        switchMode.accept(k);
        open(k);
      } else {
        awaitOpen(k);
      }
    };
  }

  /**
   * Records that this injector arrived at the barrier before stage {@code k} ({@code k} = the number of
   * stages: it finished the run). At k = 0 it first checks that the run id is new, and retries while the
   * table cannot be written (injector 1 may still be creating it) until the timeout.
   *
   * @throws SequelaException.InvalidInput when k = 0 and the run id already has stages opened, or an injector
   *     with this number already started
   * @throws SequelaException.InjectorMissing when the row cannot be written within the timeout, or with the
   *     line another injector recorded when the run already failed
   */
  public void arrive(int k) {
    long deadline = clock.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (k == 0) {
          checkNewRun(rows());
        }
        insert(k == 0 ? 0 : k - 1, k == 0 ? "START" : "DONE", null);
        return;
      } catch (SQLException e) {
        if (clock.nanoTime() > deadline) {
          throw new SequelaException.InjectorMissing(fail(k, "injector " + injector + " of " + injectors
              + " could not record its arrival at " + stage(k) + " within " + human(timeout) + ": " + e.getMessage()));
        }
        sleep();
      }
    }
  }

  private void checkNewRun(List<Row> rows) {
    for (Row r : rows) {
      if (r.state().equals("FAILED")) {
        throw new SequelaException.InjectorMissing(r.detail());
      }
    }
    if (rows.stream().anyMatch(r -> !r.state().equals("START") && !r.state().equals(CLAIM))) {
      throw new SequelaException.InvalidInput("sequela.run-id: run '" + runId
          + "' has already run (SEQUELA_STAGE holds its stages); give every run a new id");
    }
    if (rows.stream().anyMatch(r -> r.state().equals("START") && r.injector() == injector)) {
      throw new SequelaException.InvalidInput("sequela.injector: injector " + injector + " of run '" + runId
          + "' has already started; give each injector its own number");
    }
  }

  /**
   * Injector 1: waits until every injector arrived at the barrier before stage {@code k}.
   *
   * @throws SequelaException.InjectorMissing naming the injectors that did not arrive within the timeout,
   *     or with the line another injector recorded
   */
  void awaitAll(int k) {
    await(k, false);
  }

  /**
   * Injector 1: records that stage {@code k} is open (its mode switched and verified).
   *
   * @throws SequelaException.DatabaseFailure when the row cannot be written
   */
  public void open(int k) {
    try {
      insert(k, "OPEN", null);
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("run " + runId + ": opening " + stage(k) + " failed: " + e.getMessage(), e);
    }
    LOG.info("run {}: {} open for all {} injectors", runId, stage(k), injectors);
  }

  /**
   * Injectors 2..n: waits until injector 1 opened stage {@code k}.
   *
   * @throws SequelaException.InjectorMissing naming the injectors that did not arrive within the timeout
   *     (injector 1 when all did but it did not open the stage), or with the line another injector recorded
   */
  void awaitOpen(int k) {
    await(k, true);
  }

  private void await(int k, boolean forOpen) {
    long deadline = clock.nanoTime() + timeout.toNanos();
    String lastError = null;
    while (true) {
      try {
        List<Row> rows = rows();
        for (Row r : rows) {
          if (r.state().equals("FAILED")) {
            throw new SequelaException.InjectorMissing(r.detail());
          }
        }
        TreeSet<Integer> missing = missing(rows, k);
        boolean opened = rows.stream().anyMatch(r -> r.stage() == k && r.state().equals("OPEN"));
        if (forOpen ? opened : missing.isEmpty()) {
          return;
        }
        if (clock.nanoTime() > deadline) {
          throw new SequelaException.InjectorMissing(fail(k, missing.isEmpty()
              ? "injector 1 of " + injectors + " did not open " + stage(k) + " within " + human(timeout) + " (run " + runId + ")"
              : (missing.size() == 1 ? "injector " : "injectors ") + join(missing) + " of " + injectors + " did not " + (k == 0 ? "start" : "finish " + stage(k - 1))
                  + " within " + human(timeout) + " (run " + runId + ")"));
        }
      } catch (SQLException e) {
        lastError = e.getMessage();
        if (clock.nanoTime() > deadline) {
          throw new SequelaException.InjectorMissing(fail(k, "injector " + injector + " of " + injectors + " could not read SEQUELA_STAGE for "
              + stage(k) + " within " + human(timeout) + ": " + lastError));
        }
      }
      sleep();
    }
  }

  private TreeSet<Integer> missing(List<Row> rows, int k) {
    TreeSet<Integer> missing = new TreeSet<>();
    for (int i = 1; i <= injectors; i++) {
      missing.add(i);
    }
    String arrived = k == 0 ? "START" : "DONE";
    int stage = k == 0 ? 0 : k - 1;
    rows.stream().filter(r -> r.stage() == stage && r.state().equals(arrived)).forEach(r -> missing.remove(r.injector()));
    return missing;
  }

  /** Records the failure line (best effort: the database may be what failed) and returns it. */
  private String fail(int k, String line) {
    try {
      insert(k, "FAILED", line.length() > 400 ? line.substring(0, 400) : line);
    } catch (SQLException e) {
      LOG.warn("run {}: the failure could not be recorded in SEQUELA_STAGE: {}", runId, e.getMessage());
    }
    return line;
  }

  private void insert(int stage, String state, String detail) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, runId);
      ps.setInt(2, stage);
      ps.setInt(3, injector);
      ps.setString(4, state);
      ps.setString(5, detail);
      ps.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  private record Row(int stage, int injector, String state, String detail) {}

  private List<Row> rows() throws SQLException {
    List<Row> out = new ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Row(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  private String stage(int k) {
    return k < stageNames.size() ? "stage " + k + " (" + stageNames.get(k) + ")" : "the run";
  }

  private static String join(TreeSet<Integer> injectors) {
    return String.join(", ", injectors.stream().map(String::valueOf).toList());
  }

  private static String human(Duration d) {
    return d.toMillis() % 60_000 == 0 ? d.toMinutes() + " min" : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private void sleep() {
    try {
      clock.sleep(poll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SequelaException("run " + runId + ": interrupted while waiting for the other injectors");
    }
  }
}
