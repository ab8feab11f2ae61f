package io.sequela.config;

import io.sequela.SequelaException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which share of a run this JVM drives: injector {@code number} of {@code count} ({@code -Dsequela.injector=<i>/<n>}).
 * A test's virtual users, numbered across its nodes in plan order (node 1's users, then node 2's, ...), are dealt
 * round-robin: user u goes to injector {@code u mod n + 1}. A node with fewer users than injectors is therefore
 * driven from fewer injectors, and the shares of all injectors add up to the plan. Immutable.
 *
 * @param number this injector, 1..count
 * @param count how many injectors drive the run, at least 1
 */
public record Injector(int number, int count) {

  /** A run driven by this JVM alone. */
  public static final Injector SINGLE = new Injector(1, 1);

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

  /**
   * Parses {@code <i>/<n>}.
   *
   * @throws SequelaException.InvalidInput naming {@code sequela.injector} when the text is not {@code i/n}
   *     with 1 &lt;= i &lt;= n
   */
  public static Injector parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      int n = Integer.parseInt(m.group(2));
      if (i >= 1 && i <= n) {
        return new Injector(i, n);
      }
    }
    throw new SequelaException.InvalidInput("sequela.injector: must be <i>/<n> with 1 <= i <= n, e.g. 2/3, got '" + text + "'");
  }

  /** True when this JVM drives the whole run. */
  public boolean single() {
    return count == 1;
  }

  /** True for injector 1, which switches the sequence modes and opens the stages. */
  public boolean coordinates() {
    return number == 1;
  }

  /**
   * This injector's share of a test: each node with the users dealt to this injector, nodes it drives no user
   * of left out (the list may be empty).
   */
  public TestSpec share(TestSpec test) {
    if (single()) {
      return test;
    }
    List<ScenarioSpec> mine = new ArrayList<>();
    long before = 0;
    for (ScenarioSpec s : test.scenarii()) {
      int users = (int) (dealt(before + s.users()) - dealt(before));
      if (users > 0) {
        mine.add(new ScenarioSpec(s.nodeNumber(), s.iterations(), s.interval(), users, s.target()));
      }
      before += s.users();
    }
    return test.withScenarii(mine);
  }

  /** How many of the users 0..u-1 go to this injector. */
  private long dealt(long u) {
    return u / count + (u % count >= number ? 1 : 0);
  }

  /** "injector 2/3", for log lines. */
  @Override
  public String toString() {
    return "injector " + number + "/" + count;
  }
}
