package io.sequela.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.SQLUtils;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.ast.statement.SQLBlockStatement;
import com.alibaba.druid.sql.ast.statement.SQLCreateFunctionStatement;
import com.alibaba.druid.sql.ast.statement.SQLCreateTriggerStatement;
import com.alibaba.druid.sql.ast.statement.SQLExprStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * Checks the Oracle statements H2 cannot run against Oracle grammars, since there is no Oracle here: plain SQL
 * with JSqlParser (com.github.jsqlparser:jsqlparser, strict: an unknown token fails; Druid where JSqlParser lacks
 * an Oracle form), PL/SQL units (anonymous
 * blocks, CREATE FUNCTION, CREATE TRIGGER) with Druid's Oracle parser (com.alibaba:druid, DbType.oracle), which
 * reads PL/SQL but tolerates trailing words, so a unit must parse to exactly one statement of the expected kind;
 * the SQL inside {@code EXECUTE IMMEDIATE '...'} is checked with JSqlParser again. Neither parser knows 18c's
 * {@code SCALE NOEXTEND}; callers check that clause as text.
 */
public final class OracleGrammar {

  private static final Pattern EXECUTE_IMMEDIATE = Pattern.compile("(?is)EXECUTE\\s+IMMEDIATE\\s+'((?:[^']|'')*)'");

  private OracleGrammar() {}

  /**
   * Asserts that {@code sql} is one SQL statement of Oracle's grammar: JSqlParser reads it fully, or, for the
   * Oracle-only syntax JSqlParser lacks (RAW(16), DROP ... PURGE, MODIFY (c DEFAULT s.NEXTVAL)), Druid's Oracle
   * parser reads it as exactly one statement that is not a stray expression.
   */
  public static void sql(String sql) {
    String jsql;
    try {
      Statement st = CCJSqlParserUtil.parse(sql, p -> p.withTimeOut(10_000));
      if (!(st instanceof UnsupportedStatement)) {
        return;
      }
      jsql = "skipped as unsupported";
    } catch (JSQLParserException e) {
      jsql = e.getMessage().lines().findFirst().orElse("");
    }
    List<SQLStatement> parsed;
    try {
      parsed = SQLUtils.parseStatements(sql, DbType.oracle);
    } catch (RuntimeException e) {
      fail("not Oracle SQL: " + sql + "\nJSqlParser: " + jsql + "\nDruid: " + e.getMessage());
      return;
    }
    assertThat(parsed.size() == 1 && !(parsed.get(0) instanceof SQLExprStatement))
        .as("not Oracle SQL: %s%nJSqlParser: %s%nDruid: %s", sql, jsql,
            parsed.stream().map(x -> x.getClass().getSimpleName()).toList())
        .isTrue();
  }

  /**
   * Asserts that {@code unit} is one PL/SQL unit by Druid's Oracle parser (a block, a function or a trigger), and
   * that each {@code EXECUTE IMMEDIATE} literal in it is one SQL statement; returns those literals.
   */
  public static List<String> plsql(String unit) {
    List<SQLStatement> parsed;
    try {
      parsed = SQLUtils.parseStatements(unit, DbType.oracle);
    } catch (RuntimeException e) {
      return fail("not PL/SQL by Druid's Oracle parser: " + unit + "\n" + e.getMessage());
    }
    assertThat(parsed).as("one unit, nothing left over: %s", unit).hasSize(1);
    assertThat(parsed.get(0)).as(unit).isInstanceOfAny(SQLBlockStatement.class, SQLCreateFunctionStatement.class,
        SQLCreateTriggerStatement.class);
    List<String> inner = new ArrayList<>();
    Matcher m = EXECUTE_IMMEDIATE.matcher(unit);
    while (m.find()) {
      String ddl = m.group(1).replace("''", "'");
      sql(ddl);
      inner.add(ddl);
    }
    return inner;
  }

}
