package io.sequela.populate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import io.sequela.SequelaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a model from HOCON or JSON (Typesafe Config) and validates all of it before any database work.
 *
 * <pre>
 * seed = 42
 * tables {
 *   cpu_usage {
 *     rows = 345600
 *     indexes = [[host, ts]]
 *     columns = [
 *       { name = ts,    type = timestamptz,        gen = timestamp, start = "2017-01-01 00:00:00", step = 10s, groups = 20 }
 *       { name = host,  type = text,               gen = sequence, start = 0, cycle = 20, format = "host_%06d" }
 *       { name = usage, type = "double precision", gen = uniform, min = 0, max = 100 }
 *     ]
 *   }
 * }
 * </pre>
 *
 * Every problem is one line naming its model path, e.g. {@code tables.cpu_usage.columns.usage.max: must be >= min}.
 */
public final class ModelLoader {

  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";
  private static final Set<String> ROOT_KEYS = Set.of("seed", "tables");
  private static final Set<String> TABLE_KEYS = Set.of("rows", "columns", "primary-key", "indexes", "setup-script");

  private ModelLoader() {}

  /**
   * Loads a model file, or a classpath resource (e.g. {@code models/cpu_usage.conf}) when no such file exists.
   *
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static Model load(String fileOrResource) {
    Config c;
    try {
      Path p = Path.of(fileOrResource);
      if (Files.isRegularFile(p)) {
        c = ConfigFactory.parseFile(p.toFile());
      } else if (ModelLoader.class.getClassLoader().getResource(fileOrResource) != null) {
        c = ConfigFactory.parseResources(fileOrResource);
      } else {
        throw new SequelaException.InvalidInput(fileOrResource + ": no such model file or classpath resource");
      }
      return parse(c.resolve());
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput(fileOrResource + ": " + e.getMessage());
    }
  }

  /** Parses model text (HOCON or JSON). */
  public static Model parseString(String hocon) {
    try {
      return parse(ConfigFactory.parseString(hocon).resolve());
    } catch (ConfigException e) {
      throw new SequelaException.InvalidInput("model: " + e.getMessage());
    }
  }

  /**
   * Validates and converts a parsed model.
   *
   * @throws SequelaException.InvalidInput listing every problem, one per line
   */
  public static Model parse(Config c) {
    ModelProblems problems = new ModelProblems();
    problems.unknownKeys(c, "model", ROOT_KEYS);
    Long seed = problems.getLong(c, "seed", "model", 0L);
    Map<String, Table> tables = new LinkedHashMap<>();
    if (problems.required(c, "tables", "model") && c.getValue("tables").valueType() == ConfigValueType.OBJECT) {
      for (String name : new TreeSet<>(c.getObject("tables").keySet())) {
        Table t = table(c.getConfig("tables").getConfig(quote(name)), "tables." + name, name, problems);
        if (t != null) {
          tables.put(name, t);
        }
      }
    } else if (c.hasPath("tables")) {
      problems.add("tables", "must be an object of tables");
    }
    List<Table> resolved = new References(tables, problems).resolveAndOrder();
    problems.throwIfAny();
    return new Model(seed, resolved);
  }

  private static String quote(String key) {
    return "\"" + key + "\"";
  }

  private static Table table(Config c, String path, String name, ModelProblems problems) {
    problems.unknownKeys(c, path, TABLE_KEYS);
    if (!name.matches(IDENTIFIER)) {
      problems.add(path, "table name must be a plain SQL identifier (letters, digits, _)");
      return null;
    }
    Long rows = problems.getLong(c, "rows", path, null);
    if (!problems.required(c, "rows", path) || rows == null) {
      return null;
    }
    if (rows < 0) {
      problems.add(path + ".rows", "must be >= 0, got " + rows);
      return null;
    }
    List<Column> columns = columns(c, path, rows, problems);
    List<String> pk = names(problems.getList(c, "primary-key", path), path + ".primary-key", columns, problems);
    List<List<String>> indexes = new ArrayList<>();
    List<Object> rawIndexes = problems.getList(c, "indexes", path);
    for (int i = 0; rawIndexes != null && i < rawIndexes.size(); i++) {
      Object ix = rawIndexes.get(i);
      if (ix instanceof List<?> l && !l.isEmpty()) {
        indexes.add(names(new ArrayList<>(l), path + ".indexes[" + i + "]", columns, problems));
      } else {
        problems.add(path + ".indexes[" + i + "]", "must be a non-empty list of column names");
      }
    }
    String script = problems.getString(c, "setup-script", path, null);
    return columns == null ? null : new Table(name, rows, columns, pk, indexes, script);
  }

  private static List<Column> columns(Config c, String path, long rows, ModelProblems problems) {
    if (!problems.required(c, "columns", path)) {
      return null;
    }
    if (c.getValue("columns").valueType() != ConfigValueType.LIST || c.getList("columns").isEmpty()) {
      problems.add(path + ".columns", "must be a non-empty list of columns");
      return null;
    }
    List<Column> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<? extends Config> list;
    try {
      list = c.getConfigList("columns");
    } catch (ConfigException.WrongType e) {
      problems.add(path + ".columns", "every column must be an object { name, type, gen, ... }");
      return null;
    }
    GeneratorParser generators = new GeneratorParser(problems);
    for (int i = 0; i < list.size(); i++) {
      Config col = list.get(i);
      String name = problems.getString(col, "name", path + ".columns[" + i + "]", null);
      if (name == null) {
        problems.required(col, "name", path + ".columns[" + i + "]");
        continue;
      }
      String cpath = path + ".columns." + name;
      if (!name.matches(IDENTIFIER)) {
        problems.add(cpath, "column name must be a plain SQL identifier (letters, digits, _)");
        continue;
      }
      if (seen.put(name, i) != null) {
        problems.add(cpath, "defined twice");
        continue;
      }
      String typeName = problems.getString(col, "type", cpath, null);
      SqlType type = typeName == null ? null : SqlType.parse(typeName);
      if (type == null) {
        problems.add(cpath + ".type", typeName == null ? "is required" : "unknown type '" + typeName
            + "' (expected smallint, integer, bigint, double precision, text, varchar(n), char(n), timestamp, timestamptz or uuid)");
        continue;
      }
      Generator g = generators.parse(col, cpath, type, rows);
      if (g != null && !(g instanceof Generator.Ref) && g.kind() != type.kind()) {
        problems.add(cpath + ".type", "generator '" + g.name() + "' makes " + g.kind().name().toLowerCase()
            + " values, which do not fit " + type);
      } else if (g != null) {
        out.add(new Column(name, type, g));
      }
    }
    return out;
  }

  private static List<String> names(List<Object> raw, String path, List<Column> columns, ModelProblems problems) {
    List<String> out = new ArrayList<>();
    for (Object o : raw == null ? List.of() : raw) {
      String n = String.valueOf(o);
      if (columns != null && columns.stream().noneMatch(col -> col.name().equals(n))) {
        problems.add(path, "no column '" + n + "' in this table");
      }
      out.add(n);
    }
    return out;
  }
}
