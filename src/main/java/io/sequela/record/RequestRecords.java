package io.sequela.record;

import io.sequela.SequelaException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one reader of sequela's run record ({@link RequestRecord}, the format): streams its requests, counts OK and
 * KO per request key. Memory is independent of the record's size. A cut-off last entry (a crash mid-write) ends
 * the stream without an error.
 *
 * @param file the record
 */
public record RequestRecords(Path file) {

  /**
   * One request of the record.
   *
   * @param key the request key (Gatling's request name)
   * @param startNanos start, ns since the record's origin
   * @param endNanos end, ns since the record's origin (same clock)
   * @param ok true for OK
   * @param errorCode a KO's error code, {@link #NO_CODE} when it has none; null for OK
   * @param rows rows written or read
   * @param startMs start on the wall clock, ms since the epoch (the origin's wall clock plus the ns since it)
   */
  public record Request(String key, long startNanos, long endNanos, boolean ok, String errorCode, long rows, long startMs) {
    /** The timed span, ns. */
    public long durationNanos() {
      return endNanos - startNanos;
    }
  }

  /** A KO's error code when the request failed before it reached the database. */
  public static final String NO_CODE = "unknown";

  /** OK and KO counts of one request key. */
  public record Outcomes(long ok, long ko) {}

  /** The record in a run folder. */
  public static RequestRecords in(Path runFolder) {
    return new RequestRecords(runFolder.resolve(RequestRecord.FILE));
  }

  /** True when the record's file exists. */
  public boolean exists() {
    return Files.isRegularFile(file);
  }

  /**
   * Streams every request to {@code sink} in file order.
   *
   * @throws SequelaException when the file cannot be read, is not a run record, or has a version this reader
   *     does not know
   */
  public void forEach(Consumer<Request> sink) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int magic = in.readInt();
      short version = in.readShort();
      if (magic != RequestRecord.MAGIC) {
        throw new SequelaException(file + ": not a sequela run record");
      }
      if (version != RequestRecord.VERSION) {
        throw new SequelaException(file + ": run record version " + version + ", this sequela reads version "
            + RequestRecord.VERSION);
      }
      long originEpochMs = in.readLong();
      in.readLong(); // originNanos: the writer's nanoTime, only differences count
      List<String> keys = new ArrayList<>();
      Map<Integer, String> codes = new HashMap<>();
      codes.put(RequestRecord.NO_CODE, NO_CODE);
      readEntries(in, keys, codes, originEpochMs, sink);
    } catch (EOFException e) {
      throw new SequelaException(file + ": the run record has no header (empty or cut off)");
    } catch (IOException e) {
      throw new SequelaException("cannot read the run record " + file + ": " + e.getMessage(), e);
    }
  }

  private void readEntries(DataInputStream in, List<String> keys, Map<Integer, String> codes, long originEpochMs,
      Consumer<Request> sink) throws IOException {
    while (true) {
      int tag = in.read();
      if (tag < 0) {
        return;
      }
      try {
        switch (tag) {
          case RequestRecord.KEY -> {
            int id = in.readInt();
            String name = text(in);
            while (keys.size() <= id) {
              keys.add(null);
            }
            keys.set(id, name);
          }
          case RequestRecord.CODE -> {
            int id = in.readInt();
            codes.put(id, text(in));
          }
          case RequestRecord.REQUEST -> {
            int key = in.readInt();
            int code = in.readInt();
            long start = in.readLong();
            long end = in.readLong();
            long rows = in.readLong();
            boolean ok = code == RequestRecord.OK;
            sink.accept(new Request(keys.get(key), start, end, ok, ok ? null : codes.getOrDefault(code, NO_CODE), rows,
                originEpochMs + Math.floorDiv(start, 1_000_000L)));
          }
          default -> throw new SequelaException(file + ": unknown entry " + tag + " in a version " + RequestRecord.VERSION
              + " run record");
        }
      } catch (EOFException cutOff) {
        return;
      }
    }
  }

  private static String text(DataInputStream in) throws IOException {
    int length = in.readUnsignedShort();
    byte[] b = in.readNBytes(length);
    if (b.length < length) {
      throw new EOFException();
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * OK and KO counts per request key, streaming, handing every request to {@code alsoTo} in the same pass.
   *
   * @return request key to outcomes, in first-seen order; empty when the record holds no request
   */
  public Map<String, Outcomes> outcomesByRequest(Consumer<Request> alsoTo) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    forEach(q -> {
      counts.computeIfAbsent(q.key(), k -> new long[2])[q.ok() ? 0 : 1]++;
      alsoTo.accept(q);
    });
    Map<String, Outcomes> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k, new Outcomes(v[0], v[1])));
    return out;
  }

  /** As {@link #outcomesByRequest(Consumer)}, without a second consumer. */
  public Map<String, Outcomes> outcomesByRequest() {
    return outcomesByRequest(q -> { });
  }

}
