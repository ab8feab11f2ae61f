package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dialect.ALL is the one list a database joins: lookups by URL and name, messages and scripts follow it. */
class DialectRegistryTest {

  @Test
  void everyRegisteredDialectIsFoundByItsUrlPrefixAndName() {
    for (Dialect d : Dialect.ALL) {
      assertThat(Dialect.fromJdbcUrl(d.jdbcUrlPrefix().toUpperCase() + "//db.example/x")).as(d.name()).isSameAs(d);
      assertThat(Dialect.named(d.name().toUpperCase())).isSameAs(d);
      assertThat(SqlScripts.exists(d, "setup.sql")).as("sql/" + d.name() + "/setup.sql").isTrue();
    }
    assertThat(Dialect.ALL.stream().map(Dialect::name).distinct()).hasSameSizeAs(Dialect.ALL);
    assertThat(Dialect.ALL).contains(Dialect.POSTGRESQL, Dialect.ORACLE, Dialect.H2, Dialect.MARIADB);
  }

  @Test
  void unknownNamesAndUrlsListEveryRegisteredDialect() {
    String names = Dialect.enumerate(Dialect.ALL.stream().map(Dialect::name).toList(), "or");
    assertThat(names).isEqualTo("postgresql, oracle, h2 or mariadb");
    assertThatThrownBy(() -> Dialect.named("db2"))
        .isInstanceOf(SequelaException.UnsupportedDialect.class)
        .hasMessage("unknown dialect 'db2': expected " + names);
    assertThatThrownBy(() -> Dialect.fromJdbcUrl("jdbc:db2://db/x:password=Tiger;"))
        .isInstanceOf(SequelaException.UnsupportedDialect.class)
        .hasMessageEndingWith("expected jdbc:postgresql:, jdbc:oracle:, jdbc:h2: or jdbc:mariadb:")
        .hasMessageNotContaining("Tiger");
    assertThat(Dialect.enumerate(List.of("a"), "or")).isEqualTo("a");
    assertThat(Dialect.enumerate(List.of("a", "b"), "and")).isEqualTo("a and b");
  }

  @Test
  void driverPropertiesCarryEachDriversTimeoutAndApplicationName() {
    Duration t = Duration.ofSeconds(10);
    assertThat(Dialect.POSTGRESQL.driverProperties("sequela node-1", t))
        .containsEntry("connectTimeout", "10").containsEntry("ApplicationName", "sequela node-1").hasSize(2);
    assertThat(Dialect.ORACLE.driverProperties("sequela node-1", t)).containsEntry("oracle.net.CONNECT_TIMEOUT", "10000").hasSize(1);
    assertThat(Dialect.H2.driverProperties("sequela node-1", t)).isEmpty();
    assertThat(Dialect.MARIADB.driverProperties("sequela node-1", t)).containsEntry("connectTimeout", "10000").hasSize(1);
  }

  @Test
  void onlyOraclesScriptsEndPlsqlUnitsWithASlash() {
    assertThat(Dialect.ALL.stream().filter(Dialect::plsqlScripts)).containsExactly(Dialect.ORACLE);
    assertThat(SqlScripts.load(Dialect.ORACLE, "setup.sql")).noneMatch(s -> s.strip().equals("/"));
  }
}
