package io.sequela.stats;

import io.sequela.SequelaException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * HdrHistogram interval logs ({@code latency.hlog}, µs values): several injectors' logs merged into one, as
 * HdrHistogram's own reader and writer encode them.
 */
public final class HistogramLogs {

  /** The max column of a written log shows µs values as ms. */
  private static final double MICROS_PER_MS = 1000.0;

  private HistogramLogs() {}

  /**
   * What a merge wrote.
   *
   * @param intervals interval histograms written
   * @param values values recorded in them, all together
   */
  public record Merged(long intervals, long values) {}

  /**
   * Writes every interval histogram of {@code logs} into {@code out}, in start-time order (intervals of
   * different injectors overlap in time; each keeps its own tag), timestamps relative to the earliest start.
   *
   * @param logs interval logs, each read in full (they hold one histogram per interval, not per value)
   * @param out the merged log, replaced if it exists
   * @return the counts written
   * @throws SequelaException when a log cannot be read or the merged one written
   */
  public static Merged merge(List<Path> logs, Path out) {
    List<EncodableHistogram> intervals = new ArrayList<>();
    for (Path log : logs) {
      try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
          intervals.add(h);
        }
      } catch (FileNotFoundException e) {
        throw new SequelaException("cannot read " + log + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new SequelaException(log + " is not an HdrHistogram interval log: " + e.getMessage(), e);
      }
    }
    intervals.sort(Comparator.comparingLong(EncodableHistogram::getStartTimeStamp));
    long baseMs = intervals.isEmpty() ? 0 : intervals.get(0).getStartTimeStamp();
    long values = 0;
    try {
      Files.deleteIfExists(out);
      HistogramLogWriter writer = new HistogramLogWriter(out.toFile());
      try {
        writer.outputComment("merged from " + logs.size() + " interval log(s) by sequela");
        writer.outputLogFormatVersion();
        writer.outputStartTime(baseMs);
        writer.setBaseTime(baseMs);
        writer.outputBaseTime(baseMs);
        writer.outputLegend();
        for (EncodableHistogram h : intervals) {
          writer.outputIntervalHistogram((h.getStartTimeStamp() - baseMs) / 1000.0, (h.getEndTimeStamp() - baseMs) / 1000.0,
              h, MICROS_PER_MS);
          values += h instanceof org.HdrHistogram.AbstractHistogram a ? a.getTotalCount() : 0;
        }
      } finally {
        writer.close();
      }
    } catch (IOException e) {
      throw new SequelaException("cannot write " + out + ": " + e.getMessage(), e);
    }
    return new Merged(intervals.size(), values);
  }
}
