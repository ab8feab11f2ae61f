package io.sequela.seqorder;

import io.sequela.SequelaException;
import io.sequela.config.Plan;
import io.sequela.config.ScenarioSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.TestSpec;
import io.sequela.db.Dialect;
import io.sequela.db.Target;
import java.util.ArrayList;
import java.util.List;

/** The check that every node's database runs the modes its test asks for (AUTO_INCREMENT: MariaDB only). */
final class ModeSupport {

  private ModeSupport() {}

  /**
   * Refuses a mode a node's database cannot run, one line per test x mode, before any database work (the
   * dialect comes from the connection string alone). A URL naming no known database is left for the
   * connection to report.
   *
   * @throws SequelaException.InvalidInput e.g. {@code plan.json: tests[0].modes: AUTO_INCREMENT must run on a
   *     mariadb target ("galera" or jdbc:mariadb:), got postgresql for node 1}
   */
  static void check(Plan plan) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < plan.tests().size(); i++) {
      TestSpec t = plan.tests().get(i);
      for (SequenceMode mode : t.modes()) {
        for (ScenarioSpec s : t.scenarii()) {
          Dialect d;
          try {
            d = Target.of(s.target()).dialect();
          } catch (SequelaException.UnsupportedDialect e) {
            continue;
          }
          if (!d.supports(mode)) {
            problems.add(plan.source() + ": tests[" + i + "].modes: " + mode + " must run on a mariadb target "
                + "(\"galera\" or jdbc:mariadb:), got " + d.name() + " for node " + s.nodeNumber());
            break;
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SequelaException.InvalidInput(String.join(System.lineSeparator(), problems));
    }
  }
}
