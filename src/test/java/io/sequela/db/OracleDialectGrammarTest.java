package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.SequenceMode;
import io.sequela.keys.KeyStrategy;
import io.sequela.keys.KeyTables;
import io.sequela.testing.OracleGrammar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every string the Oracle dialect builds that H2 in Oracle mode rejects (ORDER/NOORDER, PL/SQL, ALTER SYSTEM,
 * STANDARD_HASH, GV$ views as such), read by Oracle grammars ({@link OracleGrammar}: JSqlParser for SQL, Druid's
 * Oracle parser for PL/SQL). {@link OracleSqlOnH2Test} runs the ones H2 accepts.
 */
class OracleDialectGrammarTest {

  private static final Dialect ORACLE = Dialect.ORACLE;

  @Test
  void modeSwitchKeepsTheCacheAndSetsOrderOrNoorder() {
    assertThat(ORACLE.supports(SequenceMode.AUTO_INCREMENT)).isFalse();
    for (SequenceMode mode : List.of(SequenceMode.ORDER, SequenceMode.NOORDER)) {
      assertThat(ORACLE.supports(mode)).isTrue();
      List<String> sql = ORACLE.switchSequence("seq_job_execution_id", mode, 100);
      assertThat(sql).singleElement().asString().isEqualTo("ALTER SEQUENCE seq_job_execution_id CACHE 100 " + mode);
      OracleGrammar.sql(sql.get(0));
    }
  }

  @Test
  void sequencesAreCreatedWithCacheNocacheOrScaleAndDroppedIgnoringOnlyOra02289() {
    OracleGrammar.sql(ORACLE.createSequence("s", 5, 10, false));
    assertThat(ORACLE.createSequence("s", 5, 1, false)).isEqualTo("CREATE SEQUENCE s START WITH 5 NOCACHE");
    OracleGrammar.sql(ORACLE.createSequence("s", 5, 1, false));
    // no parser here knows 18c's SCALE clause: the rest is checked, the clause as text
    String scale = ORACLE.createSequence("s", 5, 10, true);
    assertThat(scale).endsWith(" CACHE 10 SCALE NOEXTEND");
    OracleGrammar.sql(scale.substring(0, scale.length() - " SCALE NOEXTEND".length()));
    String drop = ORACLE.dropSequenceIfExists("s");
    assertThat(OracleGrammar.plsql(drop)).containsExactly("DROP SEQUENCE s");
    assertThat(drop).contains("IF SQLCODE != -2289 THEN RAISE;");
  }

  @Test
  void tableDropIgnoresOnlyOra00942AndColumnDefaultIsModify() {
    String drop = ORACLE.dropTableIfExists("t");
    assertThat(OracleGrammar.plsql(drop)).containsExactly("DROP TABLE t PURGE");
    assertThat(drop).contains("IF SQLCODE != -942 THEN RAISE;");
    OracleGrammar.sql(ORACLE.setColumnDefault("t", "c", "s.NEXTVAL"));
    OracleGrammar.sql(ORACLE.setColumnDefault("t", "c", "9999"));
  }

  @Test
  void theSessionColumnsOfAnOldJobExecutionAreAddedInOracleSql() {
    List<String> sql = SessionColumns.addStatements(ORACLE, List.of(SessionColumns.SESSION, SessionColumns.INSTANCE));
    assertThat(sql).hasSize(4);
    sql.forEach(OracleGrammar::sql);
  }

  @Test
  void keyTablesOfEveryStrategyIncludingScaleAreOracleSql() {
    List<String> all = new ArrayList<>();
    for (KeyStrategy s : KeyStrategy.all(ORACLE)) {
      all.add(KeyTables.create(ORACLE, s));
      all.addAll(KeyTables.finish(ORACLE, s, 1, 10));
    }
    for (String sql : all) {
      if (sql.endsWith(" SCALE NOEXTEND")) {
        OracleGrammar.sql(sql.substring(0, sql.length() - " SCALE NOEXTEND".length()));
      } else {
        OracleGrammar.sql(sql);
      }
    }
    assertThat(all).anyMatch(s -> s.contains("RAW(16)")).anyMatch(s -> s.contains("NUMBER(28)"));
  }

  @Test
  void blockReservationAndSessionModuleArePlsqlBlocks() {
    OracleGrammar.plsql(OracleDialect.RESERVE_BLOCK);
    assertThat(OracleDialect.RESERVE_BLOCK).contains("RETURNING NEXT_VALUE INTO ?", "? := SQL%ROWCOUNT");
    String module = ORACLE.sessionModuleSql("sequela's keygen").orElseThrow();
    OracleGrammar.plsql(module);
    assertThat(module).contains("SET_MODULE('sequela''s keygen', NULL)");
  }

  @Test
  void probeQueriesReadAshByUtcAndEveryListedWaitEventOfEveryInstance() {
    OracleGrammar.sql(ORACLE.checkpointSql());
    OracleGrammar.sql(OracleDialect.INDEX_BYTES);
    String ash = ORACLE.waitEventHistoryQuery().orElseThrow();
    OracleGrammar.sql(ash);
    assertThat(ash).contains("gv$active_session_history", "sample_time_utc BETWEEN ? AND ?")
        .doesNotContainPattern("sample_time\\s+BETWEEN");
    OracleGrammar.sql(OracleDialect.INSTANCE_WAITS_QUERY);
    assertThat(OracleDialect.INSTANCE_WAITS_QUERY).contains("gv$system_event", "time_waited_micro");
    OracleDialect.SEQUENCE_WAIT_EVENTS.forEach(e -> assertThat(OracleDialect.INSTANCE_WAITS_QUERY).contains("'" + e + "'"));
    assertThat(OracleDialect.SEQUENCE_WAIT_EVENTS).contains("enq: SV - contention", "DFS lock handle", "row cache lock",
        "enq: SQ - contention", "gc current block busy", "gc cr block busy", "gc buffer busy acquire",
        "enq: TX - index contention", "buffer busy waits");
    OracleGrammar.sql(ORACLE.nextvalQuery("s"));
    OracleGrammar.sql("SELECT " + ORACLE.statementClock() + " FROM dual");
  }

  @Test
  void verifyProjectionsOfEveryKindAreOracleSql() {
    List<String> p = List.of(ORACLE.bigintProjection("n"), ORACLE.microsProjection("d"),
        ORACLE.epochMicrosProjection("ts", false), ORACLE.epochMicrosProjection("tz", true),
        ORACLE.md5Bigint("RTRIM(s)").orElseThrow(), ORACLE.md5Bigint(ORACLE.uuidTextProjection("u")).orElseThrow());
    for (String e : p) {
      OracleGrammar.sql("SELECT COUNT(*), COUNT(c), MIN(" + e + "), MAX(" + e + "), SUM(" + e + ") FROM t");
    }
    assertThat(p.get(4)).contains("STANDARD_HASH(RTRIM(s), 'MD5')", "'XXXXXXXXXXXXXXXX'", "18446744073709551616");
    assertThat(p.get(3)).contains("AT TIME ZONE '+00:00'");
  }
}
