package io.sequela.history;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the trend page shows for one test: the last runs of the same plan and target, this run last, and how
 * this run's figures compare with the baseline.
 *
 * @param test the test's name
 * @param runs at most {@link #MAX_RUNS} runs, oldest first, this run last
 * @param metrics this run's figures, in column order
 * @param verdicts column to this run's verdict (figures with a direction only)
 * @param baseline the baseline this run was compared with
 */
public record TestTrend(String test, List<RunRecord> runs, List<Metric> metrics, Map<String, Verdict> verdicts,
    Baseline baseline) {

  /** Runs a trend page shows per test. */
  public static final int MAX_RUNS = 30;

  public TestTrend {
    runs = List.copyOf(runs);
    metrics = List.copyOf(metrics);
    verdicts = Map.copyOf(verdicts);
  }

  /**
   * The trend of a test.
   *
   * @param earlier the history before this run, oldest first
   * @param current this run
   */
  public static TestTrend of(String test, List<RunRecord> earlier, RunRecord current, List<Metric> metrics,
      List<Verdict> verdicts, Baseline baseline) {
    List<RunRecord> same = new java.util.ArrayList<>(earlier.stream().filter(r -> r.comparableTo(current)).toList());
    same.add(current);
    List<RunRecord> last = same.subList(Math.max(0, same.size() - MAX_RUNS), same.size());
    return new TestTrend(test, last, metrics,
        verdicts.stream().collect(Collectors.toMap(v -> v.metric().column(), v -> v)), baseline);
  }
}
