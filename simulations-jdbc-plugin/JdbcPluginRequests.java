import static org.galaxio.gatling.javaapi.JdbcDsl.DB;
import static org.galaxio.gatling.javaapi.JdbcDsl.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.sequela.gatlingrun.TextLog;
import io.sequela.record.RequestRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link PluginRequests} over the org.galaxio JDBC plugin 0.14.1 (Gatling 3.11.5): compiled only on the Maven
 * profile {@code -Pjdbc-plugin}, loaded by name by the thin simulations. The plugin's timings are its own, in whole
 * ms, read back from Gatling 3.11's text simulation.log ({@link TextLog}).
 */
public final class JdbcPluginRequests implements PluginRequests {

  @Override
  public PopulationBuilder withPool(PopulationBuilder population, HikariConfig pool) {
    return population.protocols(DB().hikariConfig(pool));
  }

  @Override
  public ChainBuilder insert(String request, String table, List<String> columns, Map<String, Object> values) {
    return CoreDsl.exec(jdbc(request).insertInto(table, columns.toArray(String[]::new)).values(values));
  }

  @Override
  public ChainBuilder rawSql(String request, String sql) {
    return CoreDsl.exec(jdbc(request).rawSql(sql));
  }

  @Override
  public ChainBuilder query(String request, String namedSql, Map<String, Object> params) {
    return CoreDsl.exec(jdbc(request).queryP(namedSql).params(params));
  }

  @Override
  public void recordFromTextLog(Path simulationLog, RequestRecord record) {
    TextLog.copyInto(simulationLog, record);
  }
}
