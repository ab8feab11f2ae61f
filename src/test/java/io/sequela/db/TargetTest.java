package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.SequelaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void ezConnectBecomesOracleThinUrlWithCredentials() {
    Target t = Target.parse("scott/tiger@rac-scan:1521/orclpdb1", null, null);
    assertThat(t.jdbcUrl()).isEqualTo("jdbc:oracle:thin:@//rac-scan:1521/orclpdb1");
    assertThat(t.user()).isEqualTo("scott");
    assertThat(t.password()).isEqualTo("tiger");
    assertThat(t.dialect()).isEqualTo(Dialect.ORACLE);
    assertThat(t.host()).isEqualTo("rac-scan:1521");
  }

  @Test
  void ezConnectWithoutPortDefaultsTo1521() {
    assertThat(Target.parse("u/p@db/svc", null, null).jdbcUrl()).isEqualTo("jdbc:oracle:thin:@//db:1521/svc");
  }

  @Test
  void jdbcUrlKeepsCredentialsGivenBeside() {
    Target t = Target.parse("jdbc:postgresql://db:5432/app", "app", "s3cret");
    assertThat(t.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(t.user()).isEqualTo("app");
    assertThat(t.password()).isEqualTo("s3cret");
    assertThat(Target.parse("jdbc:h2:mem:x", null, null).dialect()).isEqualTo(Dialect.H2);
  }

  @Test
  void toStringMasksThePassword() {
    assertThat(Target.parse("scott/tiger@db:1521/svc", null, null).toString()).doesNotContain("tiger").contains("***");
    assertThat(Target.parse("jdbc:postgresql://db/app?user=a&password=s3cret", null, null).toString())
        .doesNotContain("s3cret").contains("password=***");
    assertThat(Target.parse("jdbc:postgresql://db/app", "a", "s3cret").toString()).doesNotContain("s3cret");
  }

  @Test
  void maskHandlesEveryForm() {
    assertThat(Target.mask("scott/tiger@db:1521/svc")).isEqualTo("scott/***@db:1521/svc");
    assertThat(Target.mask("jdbc:oracle:thin:scott/tiger@//db:1521/svc")).doesNotContain("tiger");
    assertThat(Target.mask("jdbc:mysql://root:pw@db/x")).isEqualTo("jdbc:mysql://root:***@db/x");
  }

  @Test
  void garbageIsRejectedWithoutEchoingAPassword() {
    assertThatThrownBy(() -> Target.parse("mysql://root:pw@db/x", null, null))
        .isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageNotContaining(":pw@");
  }

  @Test
  void galeraIsTheLocalClusterOnMariadbAndNeedsNoServerToBeParsed() {
    Target t = Target.parse("Galera", null, null);
    assertThat(t.isGalera()).isTrue();
    assertThat(t.dialect()).isEqualTo(Dialect.MARIADB);
    assertThat(t.host()).isEqualTo("local Galera cluster");
    assertThat(Target.parse("jdbc:mariadb://db:3306/app", "u", "p").dialect()).isEqualTo(Dialect.MARIADB);
  }

  @Test
  void planNodesMapOntoTheThreeClusterNodesInTurn() {
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(GaleraCluster::clusterNode).toList())
        .containsExactly(1, 2, 3, 1, 2, 3, 1);
    assertThat(GaleraCluster.jdbcUrl(3)).startsWith("jdbc:mariadb://127.0.0.1:3309/sequela");
  }

  @Test
  void unsupportedJdbcUrlNamesTheDialects() {
    assertThatThrownBy(() -> Target.parse("jdbc:mysql://db/x", null, null).dialect())
        .isInstanceOf(SequelaException.UnsupportedDialect.class)
        .hasMessageContaining("jdbc:postgresql:, jdbc:oracle:, jdbc:h2: or jdbc:mariadb:");
  }
}
