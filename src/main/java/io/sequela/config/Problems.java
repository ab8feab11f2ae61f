package io.sequela.config;

import com.typesafe.config.ConfigValue;
import io.sequela.SequelaException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of an input file before failing, one line each:
 * {@code <file>:<line>: <path>: must <rule>, got <value>}.
 */
public final class Problems {

  private final String source;
  private final List<String> lines = new ArrayList<>();

  /** @param source the file or resource name that starts each line, or null for lines that start with the path */
  public Problems(String source) {
    this.source = source;
  }

  /** Records a problem at {@code path}; {@code at} gives the line (may be null when the key is missing). */
  public void add(ConfigValue at, String path, String problem) {
    int line = at == null || at.origin() == null ? -1 : at.origin().lineNumber();
    String where = source == null ? "" : source + (line > 0 ? ":" + line : "") + ": ";
    lines.add(where + path + ": " + problem);
  }

  /** True while no problem has been recorded. */
  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The problems so far, one line each. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Throws when any problem was recorded.
   *
   * @throws SequelaException.InvalidInput whose message is every problem, one per line
   */
  public void throwIfAny() {
    if (!lines.isEmpty()) {
      throw new SequelaException.InvalidInput(String.join(System.lineSeparator(), lines));
    }
  }
}
