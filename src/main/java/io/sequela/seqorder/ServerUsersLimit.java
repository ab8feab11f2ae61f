package io.sequela.seqorder;

import io.sequela.SequelaException;
import io.sequela.config.EmbeddedSettings;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SeqOrderSettings;
import io.sequela.config.TestSpec;
import io.sequela.db.ConnectionLimit;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of a test's nodes on one external server, each on a connection of its own and all at once, checked
 * against the server's own limit read when the run connects ({@link ConnectionLimit}), before any load: more is bad
 * input (exit 64), one line naming the field, instead of "too many clients" mid-run. The embedded server is checked
 * when the plan is loaded (config); a server whose limit cannot be read (Oracle's v$ views without a grant) is not.
 */
final class ServerUsersLimit {

  private static final Logger LOG = LoggerFactory.getLogger(ServerUsersLimit.class);

  private ServerUsersLimit() {}

  /**
   * @param resolved every node's target
   * @param admin the admin pool per distinct JDBC URL (open: its connection is among those in use)
   * @throws SequelaException.InvalidInput one line per field whose users the server cannot take
   */
  static void check(SeqOrderSettings settings, Map<ScenarioSpec, Target> resolved, Map<String, StageSteps.Admin> admin) {
    Map<String, Optional<ConnectionLimit>> limits = new HashMap<>();
    List<String> problems = new ArrayList<>();
    int own = EmbeddedSettings.OWN_CONNECTIONS;
    List<TestSpec> tests = settings.plan().tests();
    for (int i = 0; i < tests.size(); i++) {
      Map<String, List<Integer>> nodesByUrl = new LinkedHashMap<>();
      List<ScenarioSpec> scenarii = tests.get(i).scenarii();
      for (int j = 0; j < scenarii.size(); j++) {
        Target t = resolved.get(scenarii.get(j));
        if (t != null && !t.embedded() && admin.containsKey(t.jdbcUrl())) {
          nodesByUrl.computeIfAbsent(t.jdbcUrl(), u -> new ArrayList<>()).add(j);
        }
      }
      for (Map.Entry<String, List<Integer>> e : nodesByUrl.entrySet()) {
        StageSteps.Admin a = admin.get(e.getKey());
        Optional<ConnectionLimit> limit = limits.computeIfAbsent(e.getKey(), u -> read(a, resolved.get(scenarii.get(e.getValue().get(0)))));
        if (limit.isEmpty()) {
          continue;
        }
        long free = limit.get().free(own);
        String where = " on node " + a.node() + " (" + a.host() + ")";
        String field = settings.plan().source() + ": ";
        long total = 0;
        boolean named = false;
        for (int j : e.getValue()) {
          int users = scenarii.get(j).users();
          total += users;
          if (users > free) {
            problems.add(field + "tests[" + i + "].scenarii[" + j + "].users"
                + ": must be at most " + free + " (" + limit.get().reason(own) + where + "), got " + users);
            named = true;
          }
        }
        if (!named && total > free) {
          problems.add(field + "tests[" + i + "].scenarii"
              + ": users of the nodes on one server must add up to at most " + free + " (" + limit.get().reason(own) + where
              + "), got " + total);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SequelaException.InvalidInput(String.join(System.lineSeparator(), problems));
    }
  }

  private static Optional<ConnectionLimit> read(StageSteps.Admin a, Target target) {
    Dialect dialect = target.dialect();
    try (Connection c = a.pool().getConnection()) {
      Optional<ConnectionLimit> limit = ConnectionLimit.read(c, dialect);
      if (limit.isEmpty() && dialect.connectionLimitQuery().isPresent()) {
        LOG.info("node {} ({}): the server's {} could not be read; users not checked against it", a.node(), a.host(),
            dialect.connectionLimitSetting());
      }
      return limit;
    } catch (SQLException e) {
      return Optional.empty(); // the schema set-up that follows names an unreachable node
    }
  }
}
