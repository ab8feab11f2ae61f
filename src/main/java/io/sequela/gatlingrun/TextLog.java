package io.sequela.gatlingrun;

import io.sequela.SequelaException;
import io.sequela.record.RequestRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Gatling 3.11's text simulation.log, read on the JDBC plugin's profile only ({@code -Pjdbc-plugin}), where the
 * plugin times the requests and sequela never sees their outcomes: {@link #copyInto} turns its REQUEST records
 * (tab-separated {@code REQUEST <groups> <name> <startMs> <endMs> <OK|KO> <message>}) into sequela's run record,
 * which is all the runners read. Gatling 3.13 made the log binary and readable only by the same version, and its
 * FAQ says never to parse it: nothing on the default path calls this class (PackageArrowsTest).
 */
public final class TextLog {

  private TextLog() {}

  /**
   * One REQUEST record.
   *
   * @param name the request name
   * @param startMs start, ms since the epoch
   * @param endMs end, ms since the epoch
   * @param ok true for OK
   * @param message the KO message (the driver's error text), empty for OK
   */
  public record Request(String name, long startMs, long endMs, boolean ok, String message) {}

  /**
   * Streams the REQUEST records of a Gatling 3.11 text log to {@code sink} in file order; malformed lines are skipped.
   *
   * @throws SequelaException when the log cannot be read
   */
  static void forEachRequest(Path log, Consumer<Request> sink) {
    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("REQUEST\t")) {
          String[] f = line.split("\t", -1);
          if (f.length >= 7) {
            try {
              sink.accept(new Request(f[2], Long.parseLong(f[3].trim()), Long.parseLong(f[4].trim()), f[5].equals("OK"), f[6]));
            } catch (NumberFormatException e) {
              // not a request record of this format: skip it
            }
          }
        }
      }
    } catch (IOException e) {
      throw new SequelaException("cannot read " + log + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes every REQUEST record of the log into the run record: its ms span on the record's clock, a KO's code as
   * its message carries it ({@link KoCodes#codeOf}), {@link DuplicateKeys#CODE} for a message that only says it is
   * a duplicate key; rows unknown (0).
   *
   * @throws SequelaException when the log cannot be read or the record written
   */
  public static void copyInto(Path log, RequestRecord record) {
    forEachRequest(log, q -> {
      String code = null;
      if (!q.ok()) {
        code = KoCodes.codeOf(q.message());
        if (code.equals(KoCodes.UNKNOWN)) {
          code = DuplicateKeys.isDuplicate(q.message()) ? DuplicateKeys.CODE : null;
        }
      }
      record.writeMillis(record.key(q.name()), q.ok(), code, q.startMs(), q.endMs(), 0);
    });
  }
}
