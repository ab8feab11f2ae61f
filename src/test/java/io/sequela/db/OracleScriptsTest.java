package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.testing.OracleGrammar;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * sql/oracle/*.sql split as the runner splits them ({@link SqlScripts#load}) on the real files: PL/SQL units end
 * at a {@code /} line and keep their inner semicolons and final {@code END;}; each unit is one PL/SQL unit of
 * Oracle's grammar ({@link OracleGrammar}), and the DDL run by EXECUTE IMMEDIATE is Oracle SQL.
 */
class OracleScriptsTest {

  @Test
  void setupSplitsIntoItsSixPlsqlUnitsWithoutCommentsOrSlashes() {
    List<String> units = SqlScripts.load(Dialect.ORACLE, "setup.sql");
    assertThat(units).hasSize(6);
    assertThat(units.get(0)).startsWith("DECLARE").contains("CREATE SEQUENCE seq_job_execution_id", "-955");
    assertThat(units.get(1)).startsWith("CREATE OR REPLACE FUNCTION get_execution_id");
    assertThat(units.get(2)).startsWith("DECLARE").contains("CREATE TABLE job_execution", "CREATE INDEX job_execution_run");
    assertThat(units.get(3)).startsWith("CREATE OR REPLACE TRIGGER job_execution_bi");
    assertThat(units.get(4)).startsWith("DECLARE").contains("CREATE TABLE sequela_share", "-955");
    assertThat(units.get(5)).startsWith("DECLARE").contains("CREATE TABLE sequela_stage", "-955");
    for (String u : units) {
      assertThat(u).endsWith("END;").doesNotContain("\n/").doesNotContain("-- ");
    }
  }

  @Test
  void everySetupUnitIsOracleGrammarAndItsDdlTooAndTheTriggerFillsIdAndClock() {
    List<String> units = SqlScripts.load(Dialect.ORACLE, "setup.sql");
    List<String> ddl = new java.util.ArrayList<>();
    units.forEach(u -> ddl.addAll(OracleGrammar.plsql(u)));
    assertThat(ddl).hasSize(5); // the sequence, the table and its index, the two tables of several injectors
    assertThat(ddl.get(0)).contains("CACHE 100 NOORDER");
    assertThat(units.get(3)).contains(":new.job_execution_id := get_execution_id(", ":new.sql_date := SYSTIMESTAMP");
  }

  @Test
  void sequenceBlockScriptIsOneIdempotentUnitCreatingTheTable() {
    List<String> units = SqlScripts.load(Dialect.ORACLE, "sequence_block.sql");
    assertThat(units).hasSize(1);
    assertThat(OracleGrammar.plsql(units.get(0))).singleElement().asString()
        .contains("CREATE TABLE sequence_block", "next_value NUMBER(19) NOT NULL");
    assertThat(units.get(0)).contains("PRAGMA EXCEPTION_INIT(e_exists, -955)");
  }

  @Test
  void aPlainStatementAfterAUnitEndsAtItsSemicolonAndAUnitKeepsItsInnerOnes() {
    String script = """
        -- a comment
        BEGIN
          EXECUTE IMMEDIATE 'CREATE TABLE a (x NUMBER(19))';
          NULL;
        END;
        /
        CREATE INDEX a_x ON a (x);
        """;
    List<String> out = SqlScripts.split(script, Dialect.ORACLE.plsqlScripts());
    assertThat(out).containsExactly("BEGIN\n  EXECUTE IMMEDIATE 'CREATE TABLE a (x NUMBER(19))';\n  NULL;\nEND;",
        "CREATE INDEX a_x ON a (x)");
    OracleGrammar.plsql(out.get(0));
    OracleGrammar.sql(out.get(1));
  }
}
