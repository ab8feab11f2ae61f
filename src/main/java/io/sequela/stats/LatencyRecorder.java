package io.sequela.stats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latencies timed on the load generator's workers, recorded per tag in µs into HdrHistogram (1 µs to 1 h,
 * {@value #DIGITS} significant digits: exact up to 2,047 µs, within 0.1 % above): one {@link Recorder} per tag
 * (wait-free, any number of recording threads), sampled every interval (1 s in a run) by a daemon thread that
 * writes each tag's interval histogram to an HdrHistogram interval log ({@link HistogramLogWriter}, format 1.3,
 * {@code Tag=<tag>} on every line, empty intervals left out) and adds it to the tag's total.
 *
 * <p>The log's values are µs; its {@code Interval_Max} column is ms (max value unit ratio 1,000). HdrHistogram's own
 * tools read it, e.g. {@code HistogramLogProcessor -i latency.hlog -tag <tag> -outputValueUnitRatio 1000} for
 * percentiles in ms. Tags hold no whitespace or comma, which the log format cannot carry. Thread-safe.
 *
 * <p>Time is the wall clock in ms ({@link System#currentTimeMillis()}, as the log's StartTime): an interval runs
 * from the previous sample (or the tag's first use) to this one. Tests hand in their own clock and take the
 * samples themselves.
 */
public final class LatencyRecorder implements AutoCloseable {

  /** The highest latency recorded, µs (1 h); longer ones are recorded as this. */
  public static final long HIGHEST_US = 3_600_000_000L;
  /** Significant digits of every histogram. */
  public static final int DIGITS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(LatencyRecorder.class);
  private static final Pattern TAG = Pattern.compile("[^\\s,]+");

  private final Path log;
  private final PrintStream out;
  private final HistogramLogWriter writer;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final LongSupplier clockMs;
  private volatile ScheduledExecutorService ticker;
  private final long startMs;
  private boolean closed;

  /**
   * Starts the log at {@code clockMs}'s now; no sampling thread: intervals are taken by {@link #tick} (tests call it
   * after moving their clock, {@link #start} schedules it).
   *
   * @param clockMs the wall clock in ms
   */
  LatencyRecorder(Path log, LongSupplier clockMs) throws IOException {
    this.log = log;
    this.clockMs = clockMs;
    this.out = new PrintStream(Files.newOutputStream(log), false, "UTF-8");
    this.writer = new HistogramLogWriter(out);
    long now = clockMs.getAsLong();
    this.startMs = now;
    writer.outputComment("sequela latencies in us (microseconds; Interval_Max in ms), tags <test>/<MODE>/node-<n>[/commit]");
    writer.outputLogFormatVersion();
    writer.outputStartTime(now);
    writer.setBaseTime(now);
    writer.outputLegend();
    out.flush();
  }

  private void sampleEvery(Duration interval) {
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sequela-latency-log");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(1, interval.toMillis());
    ticker.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts recording; the log is written from now on.
   *
   * @param log the interval log's file, created or replaced
   * @param interval length of one interval histogram, e.g. 1 s
   * @throws IOException when the log cannot be created
   */
  public static LatencyRecorder start(Path log, Duration interval) throws IOException {
    LatencyRecorder r = new LatencyRecorder(log, System::currentTimeMillis);
    r.sampleEvery(interval);
    return r;
  }

  /**
   * The channel of a tag, created on first use; record through it from any thread.
   *
   * @param tag e.g. {@code 70_30_ratio/ORDER/node-1}: no whitespace, no comma
   * @throws IllegalArgumentException for a tag the log format cannot carry
   */
  public Channel channel(String tag) {
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("a latency tag holds no whitespace or comma, got '" + tag + "'");
    }
    return channels.computeIfAbsent(tag, t -> new Channel(t, clockMs.getAsLong()));
  }

  /**
   * A channel outside the log and the totals: what it records is never written nor read. For work that must run
   * the timed path's own code without adding to its figures (a warm-up, so the JIT compiles that path first).
   */
  public Channel unlogged(String tag) {
    return new Channel(tag, clockMs.getAsLong());
  }

  /** The interval log's file. */
  public Path log() {
    return log;
  }

  /** Every tag's latencies recorded up to the last interval written (all of them once closed), copies, by tag. */
  public synchronized Map<String, Histogram> totals() {
    Map<String, Histogram> out = new LinkedHashMap<>();
    channels.values().stream().sorted((a, b) -> a.tag.compareTo(b.tag)).forEach(c -> out.put(c.tag, c.total.copy()));
    return out;
  }

  /** Writes the last interval, stops sampling and closes the log; recording afterwards is ignored. Idempotent. */
  @Override
  public void close() {
    ScheduledExecutorService t = ticker;
    if (t != null) {
      t.shutdownNow();
      try {
        t.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      tick();
      closed = true;
      out.close();
      if (out.checkError()) {
        LOG.warn("writing the latency log {} failed; it may be incomplete", log);
      }
    }
  }

  /**
   * Takes every tag's interval histogram (from its previous sample to now), adds it to the tag's total and writes
   * it when it holds values.
   */
  synchronized void tick() {
    if (closed) {
      return;
    }
    long now = clockMs.getAsLong();
    channels.values().forEach(c -> {
      Histogram interval = c.recorder.getIntervalHistogram(c.recycled);
      c.recycled = interval;
      interval.setStartTimeStamp(c.sampledMs);
      interval.setEndTimeStamp(now);
      c.sampledMs = now;
      if (interval.getTotalCount() > 0) {
        c.total.add(interval);
        interval.setTag(c.tag);
        writer.outputIntervalHistogram((interval.getStartTimeStamp() - startMs) / 1000.0,
            (interval.getEndTimeStamp() - startMs) / 1000.0, interval, 1000.0);
      }
    });
    out.flush();
  }

  /** One tag's recorder. */
  public static final class Channel {
    private final String tag;
    private final Recorder recorder = new Recorder(1, HIGHEST_US, DIGITS);
    private final Histogram total = new Histogram(1, HIGHEST_US, DIGITS);
    private Histogram recycled;
    private long sampledMs;

    private Channel(String tag, long nowMs) {
      this.tag = tag;
      this.sampledMs = nowMs;
    }

    /** The channel's tag. */
    public String tag() {
      return tag;
    }

    /**
     * Records one latency; wait-free, for the timed path.
     *
     * @param nanos the latency in ns, rounded to the µs; negative counts as 0, above 1 h as 1 h
     */
    public void recordNanos(long nanos) {
      recorder.recordValue(Math.min(HIGHEST_US, Math.max(0, (nanos + 500) / 1000)));
    }
  }
}
