import static io.gatling.javaapi.core.CoreDsl.*;
import static org.galaxio.gatling.javaapi.JdbcDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.sequela.config.Driver;
import io.sequela.config.Limit;
import io.sequela.keys.KeyStrategy;
import io.sequela.load.Work;
import io.sequela.nightly.NightlyOutcome;
import io.sequela.report.KeyGenReport;
import io.sequela.run.AfterReport;
import io.sequela.keygen.KeyGenRun;
import io.sequela.run.NightlyPages;
import io.sequela.keygen.KeyGenSchedule;
import io.sequela.stats.RoundFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which primary key should a table have? Runs the plan's key strategies one after another (seq, site_seq,
 * uuid1, uuid4, uuid7, seq_block, snowflake; seq_scale on Oracle) on pre-seeded tables, every user in every
 * strategy: an untimed warm-up, then the measured rounds with the order rotated (KeyGenSchedule), and adds
 * key-generation.html|json to the report. Plan from -Dsequela.keygen.plan (see docs/keygen.md). Thin: the logic
 * is in io.sequela.keygen.KeyGenRun.
 *
 * <p>One population per virtual user, each on its own one-connection pool: under commit policy "every N"
 * or "end" the user's inserts and its COMMIT request must share one connection and transaction. Requests
 * go through {@link LeanJdbc} (the user's worker holds that connection), or through the JDBC plugin with
 * -Dsequela.driver=plugin.
 */
public class KeyGenSimulation extends Simulation {

  private final KeyGenRun run = SimulationExit.orExit(KeyGenRun::prepare);

  {
    List<PopulationBuilder> populations = new ArrayList<>();
    for (int u = 1; u <= run.plan().users(); u++) {
      int user = u;
      ChainBuilder chain = stage(0, user);
      for (int stage = 1; stage < run.schedule().stages(); stage++) {
        chain = chain.exec(stage(stage, user));
      }
      PopulationBuilder p = scenario("keygen user " + user).exec(chain).injectOpen(atOnceUsers(1));
      populations.add(run.driver() == Driver.PLUGIN ? p.protocols(DB().hikariConfig(run.poolConfig(user))) : p);
    }
    List<Assertion> koMax = new ArrayList<>();
    for (KeyStrategy s : run.strategies()) {
      // ko_max is sequela's check (sequela-assertions.xml); per insert request it is also Gatling's
      run.plan().assertions(s.id()).get(Limit.KO_MAX).ifPresent(max -> koMax.add(
          details(s.id(), KeyGenSchedule.insertRequest(s.id())).failedRequests().count().lte((long) max)));
    }
    setUp(populations).maxDuration(run.maxDuration()).assertions(koMax);
  }

  /** One stage of one user: its inserts (and commits), the statistics flush, inside the stage's gate and group. */
  private ChainBuilder stage(int stage, int user) {
    KeyGenSchedule schedule = run.schedule();
    KeyStrategy s = run.strategies().get(schedule.phase(stage).strategy());
    int total = schedule.insertsOf(stage, user);
    String request = schedule.insertRequest(stage);
    ChainBuilder insert = run.driver() == Driver.PLUGIN ? pluginInsert(stage, request, user)
        : lean(request, user, run.insert(stage, user));
    insert = insert.doIf(session -> run.commit().commitsAfter(session.getInt("i"), total)).then(commit(s, user));
    String payload = run.payload(stage);
    ChainBuilder phase = exec(session -> session.set("payload", payload)).repeat(total, "i").on(insert);
    if (run.flushStatisticsSql() != null) {
      // statistics are flushed only when the session is idle outside a transaction: commit after the request
      String flush = "flush statistics " + s.id();
      phase = phase.exec(run.driver() == Driver.PLUGIN ? exec(jdbc(flush).rawSql(run.flushStatisticsSql()))
          : lean(flush, user, Work.query(run.flushStatisticsSql(), null)));
      if (!run.commit().autocommit()) {
        phase = phase.exec(commit(s, user));
      }
    }
    return Gated.stage(run.gate(), stage, schedule.group(stage), phase);
  }

  /** A lean request on the user's own worker (its one connection for the whole run). */
  private ChainBuilder lean(String requestName, int user, Work work) {
    return exec(new LeanJdbc(requestName, clock -> run.workers(user, clock), work));
  }

  private ChainBuilder commit(KeyStrategy s, int user) {
    String name = "commit " + s.id();
    return run.driver() == Driver.PLUGIN ? exec(jdbc(name).rawSql("COMMIT")) : lean(name, user, Work.commit());
  }

  /** The plugin's insert: the key goes through the session (the plugin binds static values as strings). */
  private ChainBuilder pluginInsert(int stage, String request, int user) {
    int k = run.schedule().phase(stage).strategy();
    KeyStrategy s = run.strategies().get(k);
    Map<String, Object> values = new LinkedHashMap<>();
    s.clientColumns().forEach(c -> values.put(c, "#{" + c + "}"));
    ChainBuilder key = s.source() == KeyStrategy.Source.DATABASE ? exec(session -> session)
        : exec(session -> session.set(KeyStrategy.KEY_COLUMN, run.nextKey(k, user)));
    return key.exec(jdbc(request).insertInto(s.table(), s.clientColumns().toArray(String[]::new))
        .values(values));
  }

  @Override
  public void before() {
    io.sequela.run.Interruption.exitOnInterrupt(); // no graceful stop yet: Ctrl-C or Maven gone stops the server, exit 130
    Gated.start(run.gate());
  }

  @Override
  public void after() {
    List<RoundFigures> rounds = SimulationExit.orExit(run::rounds);
    KeyGenReport report = KeyGenReport.of(run.runId(), run.dialect(), run.plan(), run.waitSampleInterval(), rounds)
        .withOracleWaits(run.oracleWaits());
    report.writeJson(run.runFolder().folder());
    System.out.println();
    System.out.println("sequela keygen run " + run.runId() + " on " + run.dialect() + ", " + run.plan().users() + " users x "
        + run.plan().insertsPerUser() + " inserts, commit " + run.commit() + ", " + run.plan().preseedRows() + " pre-seeded rows, "
        + rounds.size() + " rounds after " + run.plan().warmupInserts() + " warm-up inserts per strategy");
    System.out.println(report.consoleTable());
    NightlyOutcome checks = SimulationExit.orExit(() -> run.nightly(report.strategies(), System.out));
    // the page is built from the same figures as the JSON, in this JVM, once Gatling has written its report
    AfterReport.register(run.runFolder(), folder -> {
      report.writePage(folder.folder());
      NightlyPages.afterReport(checks, folder.folder(), System.out);
    }, checks.exitCode());
    run.close();
  }
}
