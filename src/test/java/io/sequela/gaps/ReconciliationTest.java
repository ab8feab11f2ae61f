package io.sequela.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.db.Dialect;
import io.sequela.db.Pools;
import io.sequela.db.SqlScripts;
import io.sequela.db.Target;
import io.sequela.report.ReconciliationTable;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  @Test
  void rowCountsAreThisRunsOnlyAndAMismatchIsNamed() throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    try (HikariDataSource ds = Pools.open(pg, "reconciliation-test", 1)) {
      try (Connection c = ds.getConnection()) {
        SqlScripts.run(c, Dialect.POSTGRESQL, "setup.sql");
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO job_execution (py_date, node, test_name, run_id, seq_mode) VALUES (?, ?, 'rec', ?, 'ORDER')")) {
          for (Object[] row : new Object[][] {{1, "run-a"}, {1, "run-a"}, {2, "run-a"}, {1, "run-b"}}) {
            ps.setObject(1, LocalDateTime.now());
            ps.setInt(2, (Integer) row[0]);
            ps.setString(3, (String) row[1]);
            ps.executeUpdate();
          }
        }
      }
      Map<StageNode, Long> rows = Reconciliation.rowCounts(ds, "run-a");
      StageNode node1 = new StageNode("rec", SequenceMode.ORDER, 1);
      StageNode node2 = new StageNode("rec", SequenceMode.ORDER, 2);
      assertThat(rows).containsOnly(Map.entry(node1, 2L), Map.entry(node2, 1L));

      Reconciliation ok = new Reconciliation.Builder()
          .add(new Reconciliation.Line("rec", "ORDER", 1, 2, 2, 0, rows.get(node1)))
          .add(new Reconciliation.Line("rec", "ORDER", 2, 2, 1, 1, rows.get(node2)))
          .build();
      assertThat(ok.reconciles()).isTrue();
      assertThat(ReconciliationTable.render(ok)).endsWith("reconciliation: OK = rows on every node");

      Reconciliation lost = new Reconciliation.Builder()
          .add(new Reconciliation.Line("rec", "ORDER", 2, 2, 2, 0, rows.get(node2)))
          .build();
      assertThat(lost.reconciles()).isFalse();
      assertThat(ReconciliationTable.render(lost)).contains("MISMATCH: OK != rows").contains("reconciliation FAILED");
    }
  }

  @Test
  void aCutShortRunSaysSoAndRowsThatCouldNotBeCountedAreShownAsUnknown() {
    Reconciliation cut = new Reconciliation.Builder()
        .add(new Reconciliation.Line("rec", "ORDER", 1, 10, 4, 2, Reconciliation.UNKNOWN_ROWS))
        .cutShort("node 1 (127.0.0.1:5432): no successful insert for 5 s")
        .build();
    assertThat(cut.reconciles()).isFalse();
    assertThat(ReconciliationTable.render(cut))
        .contains("rows unknown: the database could not be reached")
        .endsWith("reconciliation: run CUT SHORT (node 1 (127.0.0.1:5432): no successful insert for 5 s)");
    assertThat(new Reconciliation(java.util.List.of()).cutShort()).isNull();
  }
}
