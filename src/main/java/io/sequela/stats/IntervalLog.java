package io.sequela.stats;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * An HdrHistogram interval log read back with HdrHistogram's own {@link HistogramLogReader}, as
 * {@link LatencyRecorder} writes it: per tag, its intervals in time order with their percentiles, and the
 * tag's total. Percentiles as {@link Percentiles} defines them.
 */
public final class IntervalLog {

  private final Map<String, List<Interval>> intervals;
  private final Map<String, Histogram> totals;

  /**
   * One interval of one tag.
   *
   * @param startS start, s since the log's start time
   * @param endS end, s since the log's start time
   * @param count values recorded in the interval
   * @param p50 median, in the log's unit (µs)
   * @param p99 99th percentile, same unit
   */
  public record Interval(double startS, double endS, long count, long p50, long p99) {}

  private IntervalLog(Map<String, List<Interval>> intervals, Map<String, Histogram> totals) {
    this.intervals = intervals;
    this.totals = totals;
  }

  /**
   * Reads a whole log.
   *
   * @param log an interval log file; lines without a tag count under the tag {@code ""}
   * @throws IllegalArgumentException naming the file when it cannot be read or parsed
   */
  public static IntervalLog read(Path log) {
    Map<String, List<Interval>> intervals = new LinkedHashMap<>();
    Map<String, Histogram> totals = new LinkedHashMap<>();
    try {
      HistogramLogReader reader = new HistogramLogReader(log.toFile());
      EncodableHistogram e;
      while ((e = reader.nextIntervalHistogram()) != null) {
        if (!(e instanceof Histogram h)) {
          continue;
        }
        String tag = h.getTag() == null ? "" : h.getTag();
        double start = reader.getStartTimeSec();
        intervals.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Interval(h.getStartTimeStamp() / 1000.0 - start,
            h.getEndTimeStamp() / 1000.0 - start, h.getTotalCount(), Percentiles.valueAt(h, 50), Percentiles.valueAt(h, 99)));
        totals.computeIfAbsent(tag, t -> new Histogram(1, LatencyRecorder.HIGHEST_US, LatencyRecorder.DIGITS)).add(h);
      }
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("cannot read the interval log " + log + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot parse the interval log " + log + ": " + e, e);
    }
    return new IntervalLog(intervals, totals);
  }

  /** The tags, in the order of their first interval. */
  public List<String> tags() {
    return List.copyOf(intervals.keySet());
  }

  /** A tag's intervals in log order; empty for an unknown tag. */
  public List<Interval> intervals(String tag) {
    return List.copyOf(intervals.getOrDefault(tag, List.of()));
  }

  /** The sum of a tag's intervals (a copy), empty for an unknown tag. */
  public Histogram total(String tag) {
    Histogram h = totals.get(tag);
    return h == null ? new Histogram(1, LatencyRecorder.HIGHEST_US, LatencyRecorder.DIGITS) : h.copy();
  }
}
