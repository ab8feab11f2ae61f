import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.sequela.config.Limit;
import io.sequela.keys.KeyStrategy;
import io.sequela.load.Work;
import io.sequela.keygen.KeyGenRun;
import io.sequela.keygen.KeyGenSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which primary key should a table have? Runs the plan's key strategies (seq, site_seq, uuid1, uuid4, uuid7,
 * seq_block, snowflake; seq_scale on Oracle) on pre-seeded tables, every user in every step: each strategy's untimed
 * warm-up, then the measured blocks of a fixed duration in a balanced order (KeyGenSchedule), and adds
 * key-generation.html|json to the report. Plan from -Dsequela.keygen.plan (see docs/keygen.md). Thin: the logic, the
 * end of the run included, is in io.sequela.keygen.KeyGenRun.
 *
 * <p>One population per virtual user, each on its own one-connection pool: under commit policy "every N"
 * or "end" the user's inserts and its COMMIT request must share one connection and transaction. Requests
 * go through {@link LeanJdbc} (the user's worker holds that connection), or through the JDBC plugin with
 * -Dsequela.driver=plugin.
 */
public class KeyGenSimulation extends Simulation {

  // before any database work: -Dsequela.request-path=plugin on a build without the plugin is one line
  private final PluginRequests plugin = SimulationExit.orExit(PluginRequests::ifAsked);
  private final KeyGenRun run = SimulationExit.orExit(KeyGenRun::prepare);
  private final GatlingStop stop = new GatlingStop(run::stopLoadWith);

  {
    List<PopulationBuilder> populations = new ArrayList<>();
    for (int u = 1; u <= run.plan().users(); u++) {
      int user = u;
      ChainBuilder chain = step(0, user);
      for (int step = 1; step < run.schedule().size(); step++) {
        chain = chain.exec(step(step, user));
      }
      PopulationBuilder p = scenario("keygen user " + user).exec(chain).injectOpen(atOnceUsers(1));
      populations.add(plugin != null ? plugin.withPool(p, run.poolConfig(user)) : p);
    }
    List<Assertion> koMax = new ArrayList<>();
    for (KeyStrategy s : run.strategies()) {
      // ko_max is sequela's check (sequela-assertions.xml); per insert request it is also Gatling's
      run.plan().assertions(s.id()).get(Limit.KO_MAX).ifPresent(max -> koMax.add(
          details(s.id(), KeyGenSchedule.insertRequest(s.id())).failedRequests().count().lte((long) max)));
    }
    setUp(populations).maxDuration(run.maxDuration()).assertions(koMax);
  }

  /**
   * One step of one user (a strategy's warm-up or one of its blocks): inserts while the step runs (a COMMIT after every
   * N under "every N", and one at the end unless autocommit), the statistics flush, inside the step's gate and group.
   */
  private ChainBuilder step(int step, int user) {
    KeyGenSchedule schedule = run.schedule();
    KeyStrategy s = run.strategies().get(schedule.step(step).strategy());
    String request = schedule.insertRequest(step);
    ChainBuilder insert = plugin != null ? pluginInsert(step, request, user)
        : lean(request, user, run.insert(step, user));
    int every = run.commit().every();
    if (every > 1) {
      insert = insert.doIf(session -> (session.getInt("i") + 1) % every == 0).then(commit(s, user));
    }
    String payload = run.payload(step);
    ChainBuilder work = exec(session -> session.set("payload", payload))
        .asLongAs(session -> run.running(step), "i").on(stop.check().exec(insert));
    if (!run.commit().autocommit()) {
      work = work.exec(commit(s, user));
    }
    if (run.flushStatisticsSql() != null) {
      // statistics are flushed only when the session is idle outside a transaction: commit after the request
      String flush = "flush statistics " + s.id();
      work = work.exec(plugin != null ? plugin.rawSql(flush, run.flushStatisticsSql())
          : lean(flush, user, Work.query(run.flushStatisticsSql(), null)));
      if (!run.commit().autocommit()) {
        work = work.exec(commit(s, user));
      }
    }
    return Gated.step(run.gate(), step, schedule.group(step), work, stop);
  }

  /** A lean request on the user's own worker (its one connection for the whole run). */
  private ChainBuilder lean(String requestName, int user, Work work) {
    return exec(new LeanJdbc(run.record(), requestName, clock -> run.workers(user, clock), work));
  }

  private ChainBuilder commit(KeyStrategy s, int user) {
    String name = "commit " + s.id();
    return plugin != null ? plugin.rawSql(name, "COMMIT") : lean(name, user, Work.commit());
  }

  /** The plugin's insert: the key goes through the session (the plugin binds static values as strings). */
  private ChainBuilder pluginInsert(int step, String request, int user) {
    int k = run.schedule().step(step).strategy();
    KeyStrategy s = run.strategies().get(k);
    Map<String, Object> values = new LinkedHashMap<>();
    s.clientColumns().forEach(c -> values.put(c, "#{" + c + "}"));
    ChainBuilder key = exec(session -> {
      run.sent(step);
      return s.source() == KeyStrategy.Source.DATABASE ? session
          : session.set(KeyStrategy.KEY_COLUMN, run.nextKey(k, user));
    });
    return key.exec(plugin.insert(request, s.table(), s.clientColumns(), values));
  }

  @Override
  public void before() {
    SimulationExit.orExit(() -> {
      run.start();
      return null;
    });
  }

  @Override
  public void after() {
    SimulationExit.orExit(() -> run.finish(System.out, this::pluginOutcomesIntoRecord));
  }

  /** The plugin's outcomes reach sequela only through Gatling 3.11's text log: into the run record first. */
  private void pluginOutcomesIntoRecord() {
    if (plugin != null) {
      plugin.recordFromTextLog(run.runFolder().simulationLog(), run.record());
    }
  }
}
