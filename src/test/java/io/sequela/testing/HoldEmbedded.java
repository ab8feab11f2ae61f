package io.sequela.testing;

import io.sequela.db.Target;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Starts this JVM's embedded PostgreSQL as sequela does ({@code -Dsequela.embedded.*}), creates table
 * {@code held(x int)} with one row, prints {@code ready} and holds the server until its stdin closes or it is
 * killed: a live run for tests of what a second run on the same data directory does.
 */
public final class HoldEmbedded {

  private HoldEmbedded() {}

  public static void main(String[] args) throws Exception {
    Target pg = Target.parse("embedded", null, null).resolve();
    try (Connection c = EmbeddedDb.connect(pg); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS held (x int)");
      st.execute("INSERT INTO held VALUES (1)");
    }
    System.out.println("ready");
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the test closes stdin
    }
  }
}
