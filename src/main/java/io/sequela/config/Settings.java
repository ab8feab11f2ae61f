package io.sequela.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import io.sequela.SequelaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The one place sequela reads its settings: {@code reference.conf} (every default, under {@code sequela { }})
 * with the {@code -Dsequela.*} system properties over it. Each part of sequela gets an immutable record read
 * once, before any database work: {@link SeqOrderSettings}, {@link KeyGenSettings}, {@link QueryBenchSettings},
 * {@link EmbeddedSettings}, {@link CliSettings}. Code outside {@code config} never reads a system property
 * of its own.
 *
 * <p>Every read starts with {@link #checkSystemProperties()}: a {@code -Dsequela.*} key that reference.conf
 * does not name stops the run with one line naming it and the nearest known key. Only
 * {@code sequela.embedded.<name>} is open-ended (any PostgreSQL server setting, see {@link EmbeddedSettings}).
 *
 * <p>Adding a setting: its default and a comment in reference.conf, and one field in the record of the part
 * that uses it, read in that record's {@code from(Config)}. Nothing else: the new key is known at once.
 */
final class Settings {

  /** The root of every setting. */
  public static final String ROOT = "sequela";
  /**
   * Keys under these prefixes are not checked here: each embedded one names a PostgreSQL setting of the embedded
   * server; QueryBench's assertion keys are checked by {@link NightlySettings} with the plan's rules.
   */
  static final List<String> OPEN_ENDED = List.of("sequela.embedded.", "sequela.querybench.assertions.");

  private Settings() {}

  /**
   * reference.conf with the system properties over it, after checking every {@code -Dsequela.*} key.
   *
   * @throws SequelaException.InvalidInput naming each unknown key, one per line
   */
  static Config load() {
    checkSystemProperties();
    ConfigFactory.invalidateCaches();
    return ConfigFactory.load();
  }

  /**
   * Refuses {@code -Dsequela.*} system properties that reference.conf does not name (for the CLI, which reads
   * no other setting before its command runs).
   *
   * @throws SequelaException.InvalidInput one line per unknown key, e.g.
   *     {@code -Dsequela.embeded.fresh: unknown setting; did you mean sequela.embedded.fresh?}
   */
  public static void checkSystemProperties() {
    List<String> problems = unknownKeys(System.getProperties(), knownKeys());
    if (!problems.isEmpty()) {
      throw new SequelaException.InvalidInput(String.join(System.lineSeparator(), problems));
    }
  }

  /** One line per {@code sequela.*} key of {@code props} that is neither known nor open-ended, sorted by key. */
  static List<String> unknownKeys(Properties props, TreeSet<String> known) {
    List<String> out = new ArrayList<>();
    for (String key : new TreeSet<>(props.stringPropertyNames())) {
      if (key.startsWith(ROOT + ".") && !isKnown(key, known)) {
        out.add("-D" + key + ": unknown setting; did you mean " + nearest(key, known) + "?");
      }
    }
    return out;
  }

  private static boolean isKnown(String key, TreeSet<String> known) {
    if (known.contains(key) || OPEN_ENDED.stream().anyMatch(key::startsWith)) {
      return true;
    }
    // an element of a list setting: -Dsequela.plan-defaults.modes.0=ORDER
    int dot = key.lastIndexOf('.');
    return known.contains(key.substring(0, dot) + "[]") && key.substring(dot + 1).matches("\\d+");
  }

  /** The known key with the fewest single-character edits from {@code key} (Levenshtein); the first in order on a tie. */
  static String nearest(String key, TreeSet<String> known) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      String name = k.endsWith("[]") ? k.substring(0, k.length() - 2) : k;
      int d = distance.apply(key, name);
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * Every setting reference.conf names, as a {@code sequela.a.b} path (a list setting as {@code path[]}),
   * read from reference.conf alone so that no system property can make itself known.
   */
  static TreeSet<String> knownKeys() {
    TreeSet<String> out = new TreeSet<>();
    ConfigValue root = reference().root().get(ROOT);
    if (root instanceof ConfigObject o) {
      collect(ROOT, o, out);
    }
    return out;
  }

  private static void collect(String path, ConfigObject o, TreeSet<String> out) {
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>(o).entrySet()) {
      String p = path + "." + e.getKey();
      if (e.getValue() instanceof ConfigObject child) {
        collect(p, child, out);
      } else {
        out.add(e.getValue() instanceof ConfigList ? p + "[]" : p);
      }
    }
  }

  /** reference.conf as shipped (every reference.conf on the class path, unresolved, no system property). */
  static Config reference() {
    return ConfigFactory.parseResources(Settings.class.getClassLoader(), "reference.conf");
  }

  /** reference.conf's own defaults, resolved, without any system property: for loaders called without settings. */
  static Config referenceDefaults() {
    return reference().resolve();
  }
}
