package io.sequela.querybench;

import io.sequela.SequelaException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the benchmark's query parameters: a CSV file with the header {@code hostname,start_time,end_time}
 * and one query per line, timestamps {@code yyyy-MM-dd HH:mm:ss} in UTC, e.g.
 * {@code host_000008,2017-01-01 08:59:22,2017-01-01 09:59:22}. No quoting; blank lines are skipped.
 *
 * <p>Every mistake is a {@link SequelaException.InvalidInput} with one line naming the file, the line
 * number and the column, thrown before anything runs, e.g.
 * {@code q.csv: line 3: start_time: unparsable timestamp '2017-1-1'; expected yyyy-MM-dd HH:mm:ss}.
 */
final class QueryParamsCsv {

  /** The required header. */
  public static final String HEADER = "hostname,start_time,end_time";

  private static final String[] COLUMNS = HEADER.split(",");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  private QueryParamsCsv() {}

  /**
   * Reads a file.
   *
   * @return the queries in file order, at least one
   * @throws SequelaException.InvalidInput on a missing file or any mistake (see the class comment)
   */
  public static List<QueryParams> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SequelaException.InvalidInput(file + ": no such file");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), in);
    } catch (IOException e) {
      throw new SequelaException.InvalidInput(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * Reads a classpath resource.
   *
   * @throws SequelaException when the resource is missing (a packaging bug)
   */
  public static List<QueryParams> readResource(String resource) {
    try (InputStream in = QueryParamsCsv.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new SequelaException("missing resource on the classpath: " + resource);
      }
      return read(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SequelaException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads CSV text.
   *
   * @param name the file name used in messages
   */
  public static List<QueryParams> read(String name, Reader reader) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    String header = in.readLine();
    if (header == null || header.isBlank()) {
      throw new SequelaException.InvalidInput(name + ": empty file; expected the header " + HEADER);
    }
    if (!header.strip().replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
      throw new SequelaException.InvalidInput(
          name + ": line 1: header must be " + HEADER + ", got '" + header.strip() + "'");
    }
    List<QueryParams> out = new ArrayList<>();
    int lineNo = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (!line.isBlank()) {
        out.add(parseLine(name, lineNo, line));
      }
    }
    if (out.isEmpty()) {
      throw new SequelaException.InvalidInput(name + ": no queries after the header " + HEADER);
    }
    return out;
  }

  private static QueryParams parseLine(String name, int lineNo, String line) {
    String[] f = line.split(",", -1);
    if (f.length < COLUMNS.length) {
      throw bad(name, lineNo, COLUMNS[f.length], "missing column (expected " + HEADER + ")");
    }
    if (f.length > COLUMNS.length) {
      throw bad(name, lineNo, "line", f.length + " columns, expected 3 (" + HEADER + ")");
    }
    String host = f[0].strip();
    if (host.isEmpty()) {
      throw bad(name, lineNo, COLUMNS[0], "empty host name");
    }
    LocalDateTime start = timestamp(name, lineNo, COLUMNS[1], f[1]);
    LocalDateTime end = timestamp(name, lineNo, COLUMNS[2], f[2]);
    if (end.isBefore(start)) {
      throw bad(name, lineNo, COLUMNS[2], f[2].strip() + " is before start_time " + f[1].strip());
    }
    return new QueryParams(lineNo, host, start, end);
  }

  private static LocalDateTime timestamp(String name, int lineNo, String column, String text) {
    try {
      return LocalDateTime.parse(text.strip(), TIMESTAMP);
    } catch (DateTimeParseException e) {
      throw bad(name, lineNo, column, "unparsable timestamp '" + text.strip() + "'; expected yyyy-MM-dd HH:mm:ss");
    }
  }

  private static SequelaException.InvalidInput bad(String name, int lineNo, String column, String problem) {
    return new SequelaException.InvalidInput(name + ": line " + lineNo + ": " + column + ": " + problem);
  }
}
