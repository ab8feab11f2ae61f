package io.sequela.config;

import io.sequela.SequelaException;
import java.util.Locale;

/**
 * When a virtual user commits its inserts (KeyGen's plan, SeqOrder's plan or test): after each row
 * (autocommit), every N rows, or once at the end of its inserts, as DMTN-099's scripts and sequela.py did.
 *
 * @param every rows per commit: 1 for {@code each}, N for {@code every N}, 0 for {@code end}
 */
public record CommitPolicy(int every) {

  /** Autocommit: each insert is its own transaction. */
  public static final CommitPolicy EACH = new CommitPolicy(1);
  /** One commit after the user's last insert. */
  public static final CommitPolicy END = new CommitPolicy(0);

  /**
   * Parses {@code each}, {@code end} or {@code every N} (N >= 2).
   *
   * @throws SequelaException.InvalidInput with the rule, to be prefixed by the field's path
   */
  public static CommitPolicy parse(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (t.equals("each")) {
      return EACH;
    }
    if (t.equals("end")) {
      return END;
    }
    if (t.matches("every \\d{1,9}") && Integer.parseInt(t.substring(6)) >= 2) {
      return new CommitPolicy(Integer.parseInt(t.substring(6)));
    }
    throw new SequelaException.InvalidInput("must be \"each\", \"end\" or \"every N\" with N >= 2, got \"" + s + "\"");
  }

  /** True when each insert commits on its own (the pool's autocommit). */
  public boolean autocommit() {
    return every == 1;
  }

  /** True when a COMMIT follows insert number {@code i} (0-based) of a user's {@code total} inserts. */
  public boolean commitsAfter(int i, int total) {
    return !autocommit() && (i == total - 1 || (every > 1 && (i + 1) % every == 0));
  }

  @Override
  public String toString() {
    return every == 1 ? "each" : every == 0 ? "end" : "every " + every;
  }
}
