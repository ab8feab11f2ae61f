package io.sequela.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Oracle's wait profile of a phase from {@code gv$active_session_history} (all RAC instances), by module:
 * samples per event, {@code CPU} for samples on CPU. Needs SELECT on the view and the Diagnostics Pack
 * licence; when the view cannot be read the profile is empty and {@link #unavailable} says why.
 */
public final class OracleAsh {

  /** The module the load's sessions set (DBMS_APPLICATION_INFO.SET_MODULE), DMTN-099's way of telling jobs apart. */
  public static final String MODULE = "sequela keygen";

  private OracleAsh() {}

  /**
   * Samples per event of the module's sessions between two instants.
   *
   * @param fromMs phase start, ms since the epoch
   * @param toMs phase end, ms since the epoch
   * @return events, most frequent first; empty when the view is not accessible
   */
  public static Optional<Map<String, Long>> waitEvents(Connection c, long fromMs, long toMs) {
    String sql = "SELECT NVL(event, 'CPU'), COUNT(*) FROM gv$active_session_history WHERE module = ? "
        + "AND sample_time BETWEEN ? AND ? GROUP BY NVL(event, 'CPU') ORDER BY 2 DESC, 1";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, MODULE);
      ps.setTimestamp(2, new Timestamp(fromMs));
      ps.setTimestamp(3, new Timestamp(toMs));
      Map<String, Long> out = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return Optional.of(out);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** The report line when {@link #waitEvents} found the view inaccessible. */
  public static String unavailable() {
    return "Oracle wait events not available: gv$active_session_history is not readable by this user "
        + "(needs SELECT on it and the Diagnostics Pack)";
  }

  /** The PL/SQL that tags a session with {@link #MODULE} (a pool's connection-init SQL). */
  public static String setModuleSql() {
    return "BEGIN DBMS_APPLICATION_INFO.SET_MODULE('" + MODULE + "', NULL); END;";
  }
}
