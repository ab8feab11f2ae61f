package io.sequela.db;

import io.sequela.SequelaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs the DDL scripts under {@code sql/<dialect>/} on the classpath.
 *
 * <p>Script format: statements end with {@code ;} at the end of a line; PostgreSQL bodies quoted with
 * {@code $$} may hold {@code ;}; Oracle PL/SQL units ({@code CREATE OR REPLACE FUNCTION|PROCEDURE|TRIGGER},
 * {@code BEGIN}, {@code DECLARE}) end with a line holding only {@code /}. Lines starting with {@code --}
 * are comments.
 */
public final class SqlScripts {

  private static final Pattern PLSQL_UNIT = Pattern.compile(
      "(?is)^\\s*(BEGIN|DECLARE|CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE|TRIGGER|PACKAGE|TYPE)).*");

  private SqlScripts() {}

  /**
   * Reads {@code sql/<dialect>/<name>} from the classpath and splits it into statements.
   *
   * @throws SequelaException when the script does not exist (a packaging bug)
   */
  public static List<String> load(Dialect dialect, String name) {
    String path = "sql/" + dialect.name() + "/" + name;
    try (InputStream in = SqlScripts.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new SequelaException("missing script on the classpath: " + path);
      }
      return split(new String(in.readAllBytes(), StandardCharsets.UTF_8), dialect.plsqlScripts());
    } catch (IOException e) {
      throw new SequelaException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Splits a script into statements (see the class doc), without their final {@code ;} or {@code /}.
   *
   * @param plsql true where PL/SQL units end at a {@code /} line ({@link Dialect#plsqlScripts()})
   */
  static List<String> split(String script, boolean plsql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inDollar = false;
    for (String line : script.split("\\R")) {
      String t = line.strip();
      if (cur.length() == 0 && (t.isEmpty() || t.startsWith("--"))) {
        continue;
      }
      boolean unit = plsql && PLSQL_UNIT.matcher(cur + line).matches();
      if (unit && t.equals("/")) {
        out.add(cur.toString().strip());
        cur.setLength(0);
        continue;
      }
      cur.append(line).append('\n');
      inDollar ^= (countOf(line, "$$") % 2) == 1;
      if (!inDollar && !unit && t.endsWith(";")) {
        String s = cur.toString().strip();
        out.add(s.substring(0, s.length() - 1).strip());
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  private static int countOf(String s, String token) {
    int n = 0;
    for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + token.length())) {
      n++;
    }
    return n;
  }

  /** True when {@code sql/<dialect>/<name>} is on the classpath: the database has that script. */
  public static boolean exists(Dialect dialect, String name) {
    return SqlScripts.class.getClassLoader().getResource("sql/" + dialect.name() + "/" + name) != null;
  }

  /**
   * Runs {@code sql/<dialect>/<name>} statement by statement on one connection.
   *
   * @throws SequelaException.DatabaseFailure naming the script and the failing statement's first line
   */
  public static void run(Connection c, Dialect dialect, String name) {
    for (String sql : load(dialect, name)) {
      try (Statement st = c.createStatement()) {
        st.execute(sql);
      } catch (SQLException e) {
        String first = sql.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        throw new SequelaException.DatabaseFailure(
            "sql/" + dialect.name() + "/" + name + ": '" + first + "' failed: " + e.getMessage(), e);
      }
    }
  }
}
