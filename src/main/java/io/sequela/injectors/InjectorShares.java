package io.sequela.injectors;

import io.sequela.SequelaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What each injector of a several-injector run drives, in the table SEQUELA_SHARE (sql/&lt;dialect&gt;/setup.sql):
 * per stage and node of the plan, the inserts this injector planned and the plan's for the whole node. Recorded
 * by every injector once the first stage opens, read by the merge, which therefore needs only the injectors'
 * simulation.logs and the database (as the gatling-operator's reporter has them). Plain SQL every dialect runs.
 */
public final class InjectorShares {

  private static final String INSERT = "INSERT INTO sequela_share (run_id, injector, injectors, stage, test_name, seq_mode, node, "
      + "planned, planned_node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT injector, injectors, stage, test_name, seq_mode, node, planned, planned_node "
      + "FROM sequela_share WHERE run_id = ? ORDER BY stage, node, injector";

  private InjectorShares() {}

  /**
   * One node of one stage as one injector drives it.
   *
   * @param injector the injector, 1..injectors
   * @param injectors how many injectors drive the run
   * @param stage the stage's index in the run, from 0
   * @param test the test name
   * @param mode ORDER or NOORDER
   * @param node the node number
   * @param planned inserts this injector planned for the node (its users x iterations; 0 when it drives none)
   * @param plannedNode inserts the plan has for the node, all injectors together
   */
  public record Share(int injector, int injectors, int stage, String test, String mode, int node, long planned, long plannedNode) {}

  /**
   * Records one injector's shares in one transaction.
   *
   * @throws SequelaException.DatabaseFailure when they cannot be written
   */
  public static void record(DataSource db, String runId, List<Share> shares) {
    try (Connection c = db.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (Share s : shares) {
          ps.setString(1, runId);
          ps.setInt(2, s.injector());
          ps.setInt(3, s.injectors());
          ps.setInt(4, s.stage());
          ps.setString(5, s.test());
          ps.setString(6, s.mode());
          ps.setInt(7, s.node());
          ps.setLong(8, s.planned());
          ps.setLong(9, s.plannedNode());
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("run " + runId + ": recording this injector's share failed: " + e.getMessage(), e);
    }
  }

  /**
   * Every injector's shares of a run, by stage, node and injector.
   *
   * @return the shares; empty when no injector of the run recorded one
   * @throws SequelaException.DatabaseFailure when the table cannot be read
   */
  public static List<Share> of(DataSource db, String runId) {
    List<Share> out = new ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Share(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7),
              rs.getLong(8)));
        }
      }
    } catch (SQLException e) {
      throw new SequelaException.DatabaseFailure("run " + runId + ": reading SEQUELA_SHARE failed: " + e.getMessage(), e);
    }
    return out;
  }
}
