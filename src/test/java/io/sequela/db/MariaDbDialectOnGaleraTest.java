package io.sequela.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sequela.config.SequenceMode;
import io.sequela.testing.Slow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The mariadb dialect's SQL on the local 3-node Galera cluster ({@code mvn -B test -Pgalera}). */
@Tag("galera")
@Slow
class MariaDbDialectOnGaleraTest {

  private static final String SEQ = "seq_job_execution_id";
  private static final Dialect D = Dialect.MARIADB;
  private static Target node1;
  private static Target node2;

  @BeforeAll
  static void cluster() throws SQLException {
    node1 = Target.parse("galera", null, null).resolve(1);
    node2 = Target.parse("galera", null, null).resolve(2);
    for (Target t : List.of(node1, node2)) {
      try (Connection c = connect(t)) {
        SqlScripts.run(c, D, "setup.sql"); // twice, on two nodes: idempotent under replication
        SqlScripts.run(c, D, "sequence_block.sql");
      }
    }
  }

  @AfterAll
  static void stop() {
    GaleraCluster.stopIfStarted();
  }

  private static Connection connect(Target t) throws SQLException {
    return DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password());
  }

  private static void run(Connection c, List<String> sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private static long nextval(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(D.nextvalQuery(SEQ))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void noorderGivesEachNodeItsResidueClassAndOrderStepsByOne() throws SQLException {
    try (Connection c1 = connect(node1); Connection c2 = connect(node2)) {
      run(c1, D.switchSequence(SEQ, SequenceMode.NOORDER, 10));
      assertThat(D.idStep(c1, SequenceMode.NOORDER)).isEqualTo(3);
      List<Long> one = new ArrayList<>();
      List<Long> two = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        one.add(nextval(c1));
        two.add(nextval(c2));
      }
      assertThat(one.stream().map(v -> v % 3).distinct()).hasSize(1);
      assertThat(two.stream().map(v -> v % 3).distinct()).hasSize(1);
      assertThat(one.get(0) % 3).isNotEqualTo(two.get(0) % 3);

      run(c1, D.switchSequence(SEQ, SequenceMode.ORDER, 10));
      assertThat(D.idStep(c1, SequenceMode.ORDER)).isEqualTo(1);
      long a = nextval(c1);
      assertThat(nextval(c2)).isEqualTo(a + 1);
      assertThat(a).as("ORDER starts past NOORDER's values").isGreaterThan(two.get(2));
    }
  }

  @Test
  void aDuplicateKeyIsReportedWithMariadbsVendorCode() throws SQLException {
    try (Connection c = connect(node1); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS dup_probe (id BIGINT PRIMARY KEY) ENGINE=InnoDB");
      st.execute("DELETE FROM dup_probe");
      st.execute("INSERT INTO dup_probe VALUES (1)");
      assertThatThrownBy(() -> st.execute("INSERT INTO dup_probe VALUES (1)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(D.errorCode(e)).isEqualTo("1062"));
    }
  }

  @Test
  void aClientSideErrorCountsUnderItsSqlStateNotMinusOne() throws SQLException {
    try (Connection c = connect(node1); Statement st = c.createStatement()) {
      // the driver gives up on the socket: its own error, vendor code -1
      c.setNetworkTimeout(Runnable::run, 300);
      assertThatThrownBy(() -> st.execute("SELECT SLEEP(3)"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).as(e.toString()).isEqualTo(-1);
            assertThat(D.errorCode(e)).isEqualTo("08000");
          });
    }
  }

  @Test
  void aBlockIsReservedUnderTheRowLock() throws SQLException {
    try (Connection c = connect(node1); Statement st = c.createStatement()) {
      st.execute("DELETE FROM SEQUENCE_BLOCK WHERE SEQ_NAME = 'galera_probe'");
      st.execute("INSERT INTO SEQUENCE_BLOCK (SEQ_NAME, NEXT_VALUE) VALUES ('galera_probe', 1)");
      c.setAutoCommit(false);
      assertThat(D.reserveBlock(c, "galera_probe", 100)).isEqualTo(101L);
      assertThat(D.reserveBlock(c, "no_such_sequence", 100)).isNull();
      c.commit();
    }
  }

  @Test
  void autoIncrementIsAModeHereAndLeavesTheSequenceAlone() {
    assertThat(D.supports(SequenceMode.AUTO_INCREMENT)).isTrue();
    assertThat(Dialect.POSTGRESQL.supports(SequenceMode.AUTO_INCREMENT)).isFalse();
    assertThat(D.switchSequence(SEQ, SequenceMode.AUTO_INCREMENT, 10)).isEmpty();
  }
}
