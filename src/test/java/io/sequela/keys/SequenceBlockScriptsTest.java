package io.sequela.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.db.Dialect;
import io.sequela.db.SqlScripts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DDL scripts split into the statements each database must run (Oracle has no test database). */
class SequenceBlockScriptsTest {

  @Test
  void oracleScriptIsOneIdempotentPlsqlBlock() {
    List<String> statements = SqlScripts.load(Dialect.ORACLE, "sequence_block.sql");
    assertThat(statements).hasSize(1);
    assertThat(statements.get(0)).startsWith("DECLARE").contains("CREATE TABLE sequence_block", "-955").endsWith("END;");
  }

  @Test
  void postgresqlAndH2ScriptsAreOneCreateIfNotExists() {
    for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.H2)) {
      assertThat(SqlScripts.load(d, "sequence_block.sql")).singleElement().asString()
          .containsIgnoringCase("CREATE TABLE IF NOT EXISTS sequence_block");
    }
  }
}
