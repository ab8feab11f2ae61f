import com.zaxxer.hikari.HikariConfig;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.sequela.SequelaException;
import io.sequela.config.RequestPath;
import io.sequela.record.RequestRecord;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The org.galaxio JDBC plugin's requests, for {@code -Dsequela.request-path=plugin}. The plugin (0.14.1) is built
 * against Gatling 3.11.5, so its implementation, {@value #IMPLEMENTATION} in simulations-jdbc-plugin/, compiles only
 * on the Maven profile {@code -Pjdbc-plugin} (which pins Gatling 3.11.5) and is loaded by name: the thin simulations
 * compile on the current Gatling without it.
 */
interface PluginRequests {

  /** The implementation's class name (default package). */
  String IMPLEMENTATION = "JdbcPluginRequests";

  /** The population with the plugin's protocol over a HikariCP pool of {@code pool}. */
  PopulationBuilder withPool(PopulationBuilder population, HikariConfig pool);

  /** An insert of one row, {@code values} per column (Gatling EL such as {@code #{attr}} keeps a session value's type). */
  ChainBuilder insert(String request, String table, List<String> columns, Map<String, Object> values);

  /** A statement run as is. */
  ChainBuilder rawSql(String request, String sql);

  /** A query with named parameters ({@code :name}), every row read. */
  ChainBuilder query(String request, String namedSql, Map<String, Object> params);

  /**
   * Copies the plugin's requests from Gatling 3.11's text simulation.log into the run record (whole ms), once the
   * run is over and before the runner reads the record: the plugin's outcomes never reach sequela otherwise.
   */
  void recordFromTextLog(Path simulationLog, RequestRecord record);

  /**
   * The implementation when the settings ask for the plugin ({@code sequela.request-path=plugin}), else null;
   * read before any database work.
   *
   * @throws SequelaException.InvalidInput naming the profile to add when the build has not the plugin (exit 64)
   */
  static PluginRequests ifAsked() {
    return RequestPath.load() == RequestPath.PLUGIN ? load() : null;
  }

  /**
   * The implementation, when this build has it.
   *
   * @throws SequelaException.InvalidInput naming the profile to add when the build has not (exit 64)
   */
  static PluginRequests load() {
    try {
      return (PluginRequests) Class.forName(IMPLEMENTATION).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new SequelaException.InvalidInput("sequela.request-path=plugin: the JDBC plugin is on a Maven profile of its "
          + "own (it pins Gatling 3.11.5): add -Pjdbc-plugin to the mvn command");
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
      throw new SequelaException("cannot load " + IMPLEMENTATION + ": " + cause, cause);
    }
  }
}
