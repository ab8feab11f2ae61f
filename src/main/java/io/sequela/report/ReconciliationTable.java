package io.sequela.report;

import io.sequela.gaps.Reconciliation;

/** The reconciliation of a SeqOrder run as a plain-text table for the console. */
public final class ReconciliationTable {


  private ReconciliationTable() {}

  /**
   * A fixed-width table, one line per test x mode x node with a status column, and a closing verdict line
   * (no line break after it) that says when the run was cut short.
   *
   * @param reconciliation the run's reconciliation ({@code Reconciliation} lines in run order)
   */
  public static String render(Reconciliation reconciliation) {
    int modeWidth = Math.max(8, reconciliation.lines().stream().mapToInt(l -> l.mode().length()).max().orElse(8));
    String row = "%-24s %-" + modeWidth + "s %5s %9s %9s %7s %9s  %s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(row, "test", "mode", "node", "planned", "OK", "KO", "rows", "status"));
    for (Reconciliation.Line l : reconciliation.lines()) {
      String rows = l.rows() == Reconciliation.UNKNOWN_ROWS ? "?" : Long.toString(l.rows());
      sb.append(String.format(row, l.test(), l.mode(), l.node(), l.planned(), l.ok(), l.ko(), rows, status(l)));
    }
    if (reconciliation.cutShort() != null) {
      sb.append("reconciliation: run CUT SHORT (").append(reconciliation.cutShort()).append(')');
    } else {
      sb.append(reconciliation.reconciles() ? "reconciliation: OK = rows on every node"
          : "reconciliation FAILED: see MISMATCH lines above");
    }
    return sb.toString();
  }

  private static String status(Reconciliation.Line l) {
    if (l.reconciles()) {
      return "ok";
    }
    if (l.rows() == Reconciliation.UNKNOWN_ROWS) {
      return "rows unknown: the database could not be reached";
    }
    return l.ok() != l.rows() ? "MISMATCH: OK != rows" : "MISMATCH: OK + KO != planned";
  }
}
