package io.sequela.config;

import io.sequela.SequelaException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which earlier runs a run is compared with ({@code sequela.baseline}): {@code median:N} the last N passed
 * runs of the same plan hash and target (their median), {@code previous} the last such passed run, or one
 * run by its id (whatever its status). Runs of the same test only, since each test has its own history file.
 * The runs are picked by {@code history.Baselines}.
 *
 * @param kind which of the three
 * @param count N of {@code median:N}; 1 otherwise
 * @param runId the run id for {@link Kind#RUN}, else null
 */
public record BaselineSpec(Kind kind, int count, String runId) {

  /** The three kinds of baseline. */
  public enum Kind { MEDIAN, PREVIOUS, RUN }

  /** The default, {@code median:5}. */
  public static final BaselineSpec DEFAULT = new BaselineSpec(Kind.MEDIAN, 5, null);
  private static final Pattern MEDIAN = Pattern.compile("median:(\\d{1,3})");

  /**
   * Parses a setting value.
   *
   * @throws SequelaException.InvalidInput naming {@code sequela.baseline} when it is none of the three forms
   */
  public static BaselineSpec parse(String s) {
    String v = s == null ? "" : s.strip();
    Matcher m = MEDIAN.matcher(v);
    if (m.matches() && Integer.parseInt(m.group(1)) >= 1) {
      return new BaselineSpec(Kind.MEDIAN, Integer.parseInt(m.group(1)), null);
    }
    if (v.equals("previous")) {
      return new BaselineSpec(Kind.PREVIOUS, 1, null);
    }
    if (v.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}") && !v.startsWith("median")) {
      return new BaselineSpec(Kind.RUN, 1, v);
    }
    throw new SequelaException.InvalidInput(
        "sequela.baseline: must be median:N (N from 1 to 999), previous or a run id, got '" + v + "'");
  }

  @Override
  public String toString() {
    return switch (kind) {
      case MEDIAN -> "median:" + count;
      case PREVIOUS -> "previous";
      case RUN -> runId;
    };
  }
}
