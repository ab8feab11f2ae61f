package io.sequela.gaps;

import java.util.List;

/**
 * Everything {@link GapAnalysis#run} found for one run.
 *
 * @param runId the run's {@code run_id}
 * @param dialect the dialect name (postgresql, oracle, h2)
 * @param cacheSemantics one sentence on what CACHE means on that database ({@code Dialect.cacheSemantics()})
 * @param timeBasis the clock that ordered the rows
 * @param tests per test, in the order asked for
 */
public record GapAnalysisResult(
    String runId, String dialect, String cacheSemantics, TimeBasis timeBasis, List<TestFigures> tests) {

  public GapAnalysisResult {
    tests = List.copyOf(tests);
  }
}
