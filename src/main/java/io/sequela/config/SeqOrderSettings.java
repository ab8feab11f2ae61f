package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.sequela.SequelaException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Everything SeqOrderSimulation reads from {@code reference.conf} and {@code -Dsequela.*}, read once and
 * validated up front.
 *
 * @param plan the validated plan, with {@code sequela.target} already applied and {@code sequela.plan-defaults}
 *     filling the keys it leaves out
 * @param createSchema true to run {@code sql/<dialect>/setup.sql} first ({@code sequela.schema=create})
 * @param clock {@code sequela.analysis.clock} as given (SQL_DATE or PY_DATE, any case): the clock that orders
 *     rows in the gap analysis, which checks it (TimeBasis.parse) before any database work
 * @param resultsDir the folder holding Gatling's run folders
 * @param driver how the inserts are sent ({@code sequela.driver})
 * @param injector which share of the run this JVM drives ({@code sequela.injector}, {@code <i>/<n>})
 * @param runId {@code sequela.run-id}: the run id every injector of the run is given, or empty for a new one
 *     (one injector only); 1 to 64 letters, digits, '.', '_' or '-'
 * @param injectorTimeout how long an injector waits at a stage barrier for the others, positive
 *     ({@code sequela.injector-timeout})
 * @param recordLatency true to record every insert's ns timing in µs histograms and latency.hlog
 *     ({@code sequela.latency.record}; the lean driver only)
 * @param colourBySession true to colour the id-against-time chart by session instead of node
 *     ({@code sequela.analysis.colour-by = session})
 * @param abortAfter {@code sequela.abort-after}: how long a node may go without a successful insert while its
 *     inserts fail before the run is stopped, more than 0
 * @param connectTimeout {@code sequela.connect-timeout}: how long a pool waits for a connection, at least 250 ms
 * @param targetOverride true when {@code sequela.target} replaced every node's connection (so a problem with
 *     it names that setting, not the plan's field)
 * @param embedded the embedded PostgreSQL's settings ({@code sequela.embedded}), the plan's {@code shared_buffers} and
 *     {@code direct_io} under them (an explicit {@code -Dsequela.embedded.<name>} wins)
 */
public record SeqOrderSettings(Plan plan, boolean createSchema, String clock, Path resultsDir, RequestPath driver,
    Injector injector, String runId, Duration injectorTimeout, boolean recordLatency, boolean colourBySession,
    Duration abortAfter, Duration connectTimeout, boolean targetOverride, EmbeddedSettings embedded) {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * Reads the settings from system properties over {@code reference.conf} and loads the plan.
   *
   * @throws SequelaException.InvalidInput naming the setting or plan field that is wrong, or an unknown
   *     {@code -Dsequela.*} key
   */
  public static SeqOrderSettings load() {
    return from(Settings.load().getConfig(Settings.ROOT));
  }

  static SeqOrderSettings from(Config c) {
    try {
      String schema = c.getString("schema").toLowerCase(Locale.ROOT);
      if (!schema.equals("create") && !schema.equals("none")) {
        throw new SequelaException.InvalidInput("sequela.schema: must be create or none, got '" + schema + "'");
      }
      String clock = c.getString("analysis.clock");
      String colourBy = c.getString("analysis.colour-by").strip().toLowerCase(Locale.ROOT);
      if (!colourBy.equals("node") && !colourBy.equals("session")) {
        throw new SequelaException.InvalidInput("sequela.analysis.colour-by: must be node or session, got '" + colourBy + "'");
      }
      RequestPath driver = RequestPath.of(c.atPath(Settings.ROOT));
      TargetSpec override = TargetSpec.override(c);
      EmbeddedSettings embedded = EmbeddedSettings.from(c.atKey(Settings.ROOT));
      EmbeddedCap cap = EmbeddedCap.of(embedded, override);
      Plan plan = PlanLoader.load(c.getString("plan"), c.getObject("plan-defaults"), cap);
      if (override != null) {
        plan = plan.withTarget(override);
      }
      Injector injector = Injector.parse(c.getString("injector"));
      String runId = c.getString("run-id").strip();
      if (!runId.isEmpty() && !RUN_ID.matcher(runId).matches()) {
        throw new SequelaException.InvalidInput("sequela.run-id: must be 1 to 64 letters, digits, '.', '_' or '-', got '" + runId + "'");
      }
      if (runId.isEmpty() && !injector.single()) {
        throw new SequelaException.InvalidInput("sequela.run-id: must be set when sequela.injector is " + injector.number() + "/"
            + injector.count() + " (give every injector of the run the same id)");
      }
      Duration timeout = c.getDuration("injector-timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new SequelaException.InvalidInput("sequela.injector-timeout: must be positive, got " + c.getString("injector-timeout"));
      }
      if (!injector.single() && plan.tests().stream().flatMap(t -> t.scenarii().stream()).anyMatch(n -> n.target().embedded())) {
        throw new SequelaException.InvalidInput("sequela.target: several injectors need one database they all reach, and each "
            + "'embedded' is a server of its own JVM: give a JDBC URL (scripts/injectors-local.sh starts one embedded server for all)");
      }
      if (plan.tests().stream().allMatch(t -> injector.share(t).scenarii().isEmpty())) {
        throw new SequelaException.InvalidInput("sequela.injector: " + injector + " drives no virtual user: no test of "
            + plan.source() + " has more than " + (injector.number() - 1) + " users");
      }

      Duration abortAfter = c.getDuration("abort-after");
      if (abortAfter.isNegative() || abortAfter.isZero()) {
        throw new SequelaException.InvalidInput("sequela.abort-after: must be a duration > 0, got " + c.getString("abort-after"));
      }
      Duration connectTimeout = c.getDuration("connect-timeout");
      if (connectTimeout.toMillis() < 250) {
        throw new SequelaException.InvalidInput("sequela.connect-timeout: must be a duration >= 250ms, got "
            + c.getString("connect-timeout"));
      }
      checkCommitPolicies(plan, driver);
      return new SeqOrderSettings(plan, schema.equals("create"), clock, Path.of(c.getString("results.dir")), driver,
          injector, runId, timeout, c.getBoolean("latency.record"), colourBy.equals("session"), abortAfter, connectTimeout,
          c.hasPath("target"), CachePlanKeys.applied(embedded, plan.sharedBuffers(), plan.directIo()));
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }

  /**
   * The JDBC plugin logs an insert as OK as soon as it executes, so a batch rolled back later would count as
   * OK: only the lean driver runs a test whose commit policy is not {@code each}.
   */
  private static void checkCommitPolicies(Plan plan, RequestPath driver) {
    if (driver != RequestPath.PLUGIN) {
      return;
    }
    for (TestSpec t : plan.tests()) {
      if (!t.commit().autocommit()) {
        throw new SequelaException.InvalidInput("sequela.driver: plugin cannot run test '" + t.name() + "' with commit \""
            + t.commit() + "\" (the JDBC plugin counts an insert as OK before its commit); use sequela.driver=lean");
      }
    }
  }
}
