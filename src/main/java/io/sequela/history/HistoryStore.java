package io.sequela.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The history of runs: one CSV per simulation and test, {@code <dir>/<simulation>/<test>.csv}, comma-separated,
 * no quoting (values never hold a comma, quote or line break: they are replaced by '_'), a header of
 * {@link RunRecord#META} then the metric columns, one row per run, as Apache Otava's CSV importer reads it (every
 * metric cell a float; a figure the run did not measure is {@code nan}, which Otava's float() accepts).
 *
 * <p>A file whose header is not the one this run writes (not sequela's, or sequela's for another shape of
 * plan) is never changed: the row goes to the first of {@code <test>-2.csv}, {@code <test>-3.csv}, ... whose
 * header matches or that does not exist yet, and a note says so. Appends hold an exclusive lock on
 * {@code <dir>/<simulation>/.lock} (and a JVM-wide monitor), so runs finishing at once never interleave rows.
 */
public final class HistoryStore {

  /** Most files tried beside a file with another header. */
  private static final int MAX_ALTERNATIVES = 100;
  private static final Object JVM_LOCK = new Object();
  /** The cell of a figure a run did not measure. */
  static final String NOT_MEASURED = "nan";

  private final Path dir;

  /** @param dir the history folder ({@code sequela.history.dir}); created on the first append */
  public HistoryStore(Path dir) {
    this.dir = dir;
  }

  /** The history folder. */
  public Path dir() {
    return dir;
  }

  /** The header of a file holding these metric columns. */
  public static String header(List<String> metricColumns) {
    List<String> all = new ArrayList<>(RunRecord.META);
    all.addAll(metricColumns);
    return String.join(",", all);
  }

  /**
   * The file runs of this simulation, test and header go to, and the notes about files skipped on the way.
   *
   * @param notes receives one line per file passed over for its header
   */
  public Path fileFor(String simulation, String test, String header, Consumer<String> notes) throws IOException {
    Path folder = dir.resolve(simulation);
    Path first = folder.resolve(test + ".csv");
    for (int i = 1; i <= MAX_ALTERNATIVES; i++) {
      Path f = i == 1 ? first : folder.resolve(test + "-" + i + ".csv");
      Optional<String> h = firstLine(f);
      if (h.isEmpty() || h.get().equals(header)) {
        return f;
      }
      notes.accept("history: " + f + " has another header (not this run's columns), left as it is; this run's row goes "
          + "to the next file beside it");
    }
    throw new IOException("no file with this run's header among " + MAX_ALTERNATIVES + " files beside " + first);
  }

  /**
   * The runs in a history file, in file order; rows it cannot read are left out without a word (see
   * {@link #read(Path, Consumer)} for the reader that says so).
   *
   * @return empty when the file does not exist
   * @throws IOException when it cannot be read
   */
  public static List<RunRecord> read(Path file) throws IOException {
    return read(file, note -> { });
  }

  /**
   * The runs in a history file, in file order. A row that does not fit the header (a line cut short by a crash or
   * a full disk, a cell that is no number) is left out and named: one line per row,
   * {@code history: <file>:<line>: row not read (<why>); not in the baseline or the trends}.
   *
   * @param notes receives one line per row left out
   * @return empty when the file does not exist
   * @throws IOException when it cannot be read
   */
  public static List<RunRecord> read(Path file, Consumer<String> notes) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return List.of();
    }
    String[] header = lines.get(0).split(",", -1);
    List<RunRecord> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      String why = null;
      if (header.length < RunRecord.META.size()) {
        why = "the header has " + header.length + " columns, fewer than sequela's " + RunRecord.META.size();
      } else if (f.length != header.length) {
        why = f.length + " cells, the header has " + header.length;
      } else {
        try {
          Map<String, Double> metrics = new LinkedHashMap<>();
          for (int i = RunRecord.META.size(); i < f.length; i++) {
            metrics.put(header[i], cell(header[i], f[i]));
          }
          out.add(new RunRecord(Instant.parse(f[0]), f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], metrics));
        } catch (DateTimeParseException e) {
          why = "time '" + f[0] + "' is not an ISO instant";
        } catch (IllegalArgumentException e) {
          why = e.getMessage();
        } catch (RuntimeException e) {
          why = e.toString();
        }
      }
      if (why != null) {
        notes.accept("history: " + file + ":" + (n + 1) + ": row not read (" + why + "); not in the baseline or the trends");
      }
    }
    return out;
  }

  private static Double cell(String column, String value) {
    if (value.isEmpty() || value.equals(NOT_MEASURED)) {
      return null;
    }
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + value + "' is not a number");
    }
  }

  /**
   * Appends one run under an exclusive lock, writing the header first into a new file.
   *
   * @param file from {@link #fileFor}
   * @param header from {@link #header}, the header {@code file} has or will get
   * @throws IOException when the folder or file cannot be written
   */
  public void append(Path file, String header, RunRecord run) throws IOException {
    Files.createDirectories(file.getParent());
    String row = row(run) + "\n";
    synchronized (JVM_LOCK) {
      try (FileChannel lockFile = FileChannel.open(file.getParent().resolve(".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        Optional<String> existing = firstLine(file);
        if (existing.isPresent() && !existing.get().equals(header)) {
          throw new IOException(file + " got another header while this run was finishing");
        }
        // a file whose last line lost its newline (a crash or a full disk mid-append) gets one first, so this
        // run's row is a line of its own and the broken row stays alone on its line
        String text = existing.isEmpty() ? header + "\n" + row : (endsWithNewline(file) ? "" : "\n") + row;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
          ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
          while (b.hasRemaining()) {
            out.write(b);
          }
          out.force(false);
        }
      }
    }
  }

  /** A row of a run: meta values then metrics, in the run's column order. */
  static String row(RunRecord r) {
    List<String> cells = new ArrayList<>(List.of(r.time().truncatedTo(ChronoUnit.SECONDS).toString(), r.runId(),
        r.status(), r.plan(), r.planHash(), r.target(), r.serverVersion(), r.commit(), r.design()));
    cells.replaceAll(HistoryStore::clean);
    r.metrics().values().forEach(v -> cells.add(v == null || v.isNaN() ? NOT_MEASURED : number(v)));
    return String.join(",", cells);
  }

  private static String clean(String s) {
    return s == null ? "" : s.replaceAll("[,\"'\\r\\n]", "_");
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static boolean endsWithNewline(Path f) throws IOException {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      if (ch.size() == 0) {
        return true;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.read(last, ch.size() - 1);
      return last.get(0) == '\n';
    }
  }

  private static Optional<String> firstLine(Path f) throws IOException {
    if (!Files.isRegularFile(f) || Files.size(f) == 0) {
      return Optional.empty();
    }
    try (var r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
      return Optional.ofNullable(r.readLine());
    }
  }
}
