package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.sequela.SequelaException;
import java.nio.file.Path;

/**
 * What every simulation's nightly checks read from {@code reference.conf} and {@code -Dsequela.*}: the history
 * folder, the baseline, and QueryBench's assertions ({@code sequela.querybench.assertions.<key>}).
 *
 * @param historyDir {@code sequela.history.dir}: where the history CSVs live
 * @param baseline {@code sequela.baseline}: what a run is compared with
 * @param queryBenchLimits QueryBenchSimulation's limits ({@link Limit#QUERY_BENCH})
 * @param seqOrderPlan {@code sequela.plan}, whose bytes the history hashes
 * @param keyGenPlan {@code sequela.keygen.plan}, likewise
 */
public record NightlySettings(Path historyDir, BaselineSpec baseline, Limits queryBenchLimits, String seqOrderPlan,
    String keyGenPlan) {

  /**
   * The settings from system properties over the defaults.
   *
   * @throws SequelaException.InvalidInput naming the setting that is wrong
   */
  public static NightlySettings load() {
    return from(Settings.load());
  }

  /**
   * The settings from a config holding {@code sequela}.
   *
   * @throws SequelaException.InvalidInput naming the setting that is wrong, one line per problem
   */
  public static NightlySettings from(Config config) {
    try {
      Config c = config.getConfig("sequela");
      String dir = c.getString("history.dir").strip();
      if (dir.isEmpty()) {
        throw new SequelaException.InvalidInput("sequela.history.dir: must be a folder path, got an empty string");
      }
      BaselineSpec baseline = BaselineSpec.parse(c.getString("baseline"));
      Problems p = new Problems(null);
      Limits qb = c.hasPath("querybench.assertions")
          ? AssertionsBlock.limits(p, c.getObject("querybench.assertions"), "sequela.querybench.assertions",
              Limit.QUERY_BENCH, java.util.Set.of())
          : Limits.NONE;
      p.throwIfAny();
      return new NightlySettings(Path.of(dir), baseline, qb, c.getString("plan"), c.getString("keygen.plan"));
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(e.getMessage());
    }
  }
}
