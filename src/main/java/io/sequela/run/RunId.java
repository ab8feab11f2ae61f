package io.sequela.run;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids: one per simulation run, stored in every row (JOB_EXECUTION.RUN_ID), e.g. {@code 20261121-142501-3fa9}. */
public final class RunId {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunId() {}

  /** A new run id: local start time to the second plus 16 random bits, so two runs never collide. */
  public static String next() {
    return LocalDateTime.now().format(FORMAT) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
