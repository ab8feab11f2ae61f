package io.sequela.config;

/** How a user spaces its inserts. */
public enum Pacing {
  /** Pause {@code interval} after each insert, as the original sequela did: period = latency + interval. */
  DELAY,
  /** One insert every {@code interval} whatever the latency (Gatling's pace); a late insert starts at once. */
  RATE
}
