package io.sequela.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects {@link QuerySample}s from concurrent workers: {@link #record} is lock-free and cheap, for the
 * timed path; read the samples once the run is over.
 */
public final class QueryRecorder {

  private final ConcurrentLinkedQueue<QuerySample> samples = new ConcurrentLinkedQueue<>();

  /** Adds one sample; safe from any thread. */
  public void record(QuerySample sample) {
    samples.add(sample);
  }

  /** A copy of the samples recorded so far, ordered by start time. */
  public List<QuerySample> samples() {
    List<QuerySample> out = new ArrayList<>(samples);
    out.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
    return out;
  }
}
