package io.sequela.testing;

import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Starts this JVM's embedded PostgreSQL as sequela does ({@code embedded} resolved, settings from
 * {@code -Dsequela.embedded.*}) and prints {@code <name>=<value>} of one server setting: run in a forked JVM by
 * tests that check what reaches the server.
 */
public final class ShowServerSetting {

  private ShowServerSetting() {}

  /** @param args the setting's name, e.g. {@code shared_buffers} */
  public static void main(String[] args) throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW " + args[0].replaceAll("[^a-z_.]", ""))) {
      rs.next();
      System.out.println(args[0] + "=" + rs.getString(1));
    }
  }
}
