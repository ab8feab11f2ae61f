package io.sequela.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;
import io.sequela.gaps.RunNotes;
import io.sequela.stats.IntervalLog;
import java.nio.file.Path;
import io.sequela.design.DesignResult;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Adds {@code sequence-gaps.html} and {@code sequence-gaps.json} to a Gatling run folder once Gatling has
 * written its report; SeqOrderRun.finish registers it through AfterReport.
 */
public final class SequenceGapsReport {

  /** The page's file name in the run folder. */
  public static final String PAGE = "sequence-gaps.html";
  /** The JSON file's name in the run folder. */
  public static final String JSON = "sequence-gaps.json";

  private SequenceGapsReport() {}

  /**
   * Writes the page and the JSON and links the page from the menu of every page of the report.
   *
   * @param runFolder a Gatling run folder holding index.html
   * @param result the run's figures ({@code GapAnalysis.run})
   * @param latencies the run's insert latencies (or {@link Latencies#none()})
   * @return the paths written: page, then JSON
   * @throws io.sequela.SequelaException.InvalidInput when the folder holds no index.html
   */
  public static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies) {
    return write(runFolder, result, latencies, RacFigures.NONE, null, 1, RunNotes.none());
  }

  /** As {@link #write(Path, GapAnalysisResult, Latencies, RacFigures, IntervalLog)} without per-second charts. */
  public static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies, RacFigures rac) {
    return write(runFolder, result, latencies, rac, null, 1, RunNotes.none());
  }

  /**
   * As {@link #write(Path, GapAnalysisResult, Latencies)}, with the RAC figures ({@code oracle_waits} per test x
   * mode in the JSON, and on the page the wait tables per instance, ORDER beside NOORDER, and the instance check)
   * and the per-second latency charts drawn from the run's interval log.
   *
   * @param rac the RAC figures, {@link RacFigures#NONE} on other databases
   * @param perSecond the run's latency.hlog read back, or null when none was recorded
   */
  public static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies, RacFigures rac,
      IntervalLog perSecond) {
    return write(runFolder, result, latencies, rac, perSecond, 1, RunNotes.none());
  }

  /**
   * As {@link #write(Path, GapAnalysisResult, Latencies)} for a run driven by several injectors (a merged report).
   *
   * @param injectors how many injectors drove the run, at least 1 ({@code injectors} in the JSON)
   */
  public static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies, int injectors) {
    return write(runFolder, result, latencies, RacFigures.NONE, null, injectors, RunNotes.none());
  }

  /**
   * As {@link #write(Path, GapAnalysisResult, Latencies, int)}, with each test's design (the block-level verdict) as a
   * single run has it; an empty map for none.
   */
  public static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies, int injectors,
      Map<String, DesignResult> designs) {
    return write(runFolder, result, latencies, RacFigures.NONE, null, injectors, RunNotes.none(), designs);
  }

  /**
   * As {@link #write(Path, GapAnalysisResult, Latencies, RacFigures, IntervalLog)}, with what the run says about
   * its stages: which ran, which did not and why, what each mode read back, a cut-short run.
   *
   * @param notes the run's notes ({@code RunNotes})
   */
  public static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies, RacFigures rac,
      IntervalLog perSecond, RunNotes notes) {
    return write(runFolder, result, latencies, rac, perSecond, 1, notes, Map.of());
  }

  /**
   * As {@link #write(Path, GapAnalysisResult, Latencies, RacFigures, IntervalLog, RunNotes)}, with each test's
   * experiment design: its verdict from the paired blocks heads the page and the JSON's {@code comparison}, and
   * {@code design} holds its stamp, order, warm-ups and blocks.
   *
   * @param designs per test, its design's result
   */
  public static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies, RacFigures rac,
      IntervalLog perSecond, RunNotes notes, Map<String, DesignResult> designs) {
    return write(runFolder, result, latencies, rac, perSecond, 1, notes, designs);
  }

  private static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies, RacFigures rac,
      IntervalLog perSecond, int injectors, RunNotes notes) {
    return write(runFolder, result, latencies, rac, perSecond, injectors, notes, Map.of());
  }

  private static List<Path> write(Path runFolder, GapAnalysisResult result, Latencies latencies, RacFigures rac,
      IntervalLog perSecond, int injectors, RunNotes notes, Map<String, DesignResult> designs) {
    ReportFolder folder = ReportFolder.at(runFolder);
    ObjectNode tree = SequenceGapsJson.of(result, latencies, injectors, notes, designs);
    RacSection.addWaits(tree, rac);
    Path json = folder.writeJson(JSON, tree);
    Element body = SequenceGapsHtml.body(result, latencies, perSecond, notes, designs);
    RacSection.appendSeqOrder(body, rac);
    Path page = folder.addPage(PAGE, "Sequence gaps", "Gatling Stats - Sequence gaps", body);
    return List.of(page, json);
  }
}
