package io.sequela.populate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.sequela.SequelaException;
import io.sequela.config.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects every problem of a model before failing, each one line {@code <path>: <what is wrong>},
 * and reads typed fields off a Config, turning wrong types into problems instead of exceptions.
 */
final class ModelProblems {

  /** The model's paths say where, so lines start with the path. */
  private final Problems lines = new Problems(null);

  void add(String path, String message) {
    lines.add(null, path, message);
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  /**
   * Throws all problems as one exception, one problem per line.
   *
   * @throws SequelaException.InvalidInput when there is any problem
   */
  void throwIfAny() {
    lines.throwIfAny();
  }

  /** Reports keys of {@code c} outside {@code allowed}. */
  void unknownKeys(Config c, String path, Set<String> allowed) {
    for (String key : new TreeSet<>(c.root().keySet())) {
      if (!allowed.contains(key)) {
        add(path + "." + key, "unknown key (expected one of " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  /** A required field: reports it missing and returns false. */
  boolean required(Config c, String key, String path) {
    if (!c.hasPath(key)) {
      add(path + "." + key, "is required");
      return false;
    }
    return true;
  }

  Long getLong(Config c, String key, String path, Long fallback) {
    if (!c.hasPath(key)) {
      return fallback;
    }
    ConfigValue v = c.getValue(key);
    if (v.valueType() == ConfigValueType.NUMBER && v.unwrapped() instanceof Number n
        && !(n instanceof Double || n instanceof Float)) {
      return n.longValue();
    }
    if (v.valueType() == ConfigValueType.NUMBER && ((Number) v.unwrapped()).doubleValue() % 1 == 0
        && Math.abs(((Number) v.unwrapped()).doubleValue()) < 1e15) {
      return ((Number) v.unwrapped()).longValue();
    }
    add(path + "." + key, "must be an integer, got " + v.render());
    return null;
  }

  Double getDouble(Config c, String key, String path, Double fallback) {
    if (!c.hasPath(key)) {
      return fallback;
    }
    ConfigValue v = c.getValue(key);
    if (v.valueType() == ConfigValueType.NUMBER) {
      return ((Number) v.unwrapped()).doubleValue();
    }
    add(path + "." + key, "must be a number, got " + v.render());
    return null;
  }

  String getString(Config c, String key, String path, String fallback) {
    if (!c.hasPath(key)) {
      return fallback;
    }
    ConfigValue v = c.getValue(key);
    if (v.valueType() == ConfigValueType.STRING || v.valueType() == ConfigValueType.NUMBER) {
      return String.valueOf(v.unwrapped());
    }
    add(path + "." + key, "must be a string, got " + v.render());
    return null;
  }

  Duration getDuration(Config c, String key, String path, Duration fallback) {
    if (!c.hasPath(key)) {
      return fallback;
    }
    try {
      return c.getDuration(key);
    } catch (ConfigException e) {
      add(path + "." + key, "must be a duration such as 10s or 1ms, got " + c.getValue(key).render());
      return null;
    }
  }

  List<Object> getList(Config c, String key, String path) {
    if (!c.hasPath(key)) {
      return null;
    }
    if (c.getValue(key).valueType() != ConfigValueType.LIST) {
      add(path + "." + key, "must be a list, got " + c.getValue(key).render());
      return null;
    }
    return c.getList(key).unwrapped();
  }
}
