package io.sequela.record;

import io.sequela.SequelaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer of sequela's run record, {@value #FILE}: one entry per request as the request path settles it.
 * Thread-safe; a request costs one uncontended lock and 33 bytes put into a 64 KiB buffer, no allocation and no
 * formatting (an error code's first KO defines it once); the buffer goes to the file when full and at
 * {@link #close()}, on the thread that fills it (a JDBC worker, never Gatling's event loop).
 *
 * <p>Format, version {@value #VERSION} (big-endian, as {@link java.io.DataInputStream} reads it): a header
 * {@code int magic 0x53515245 ("SQRE"), short version, long originEpochMs, long originNanos} (the wall clock and
 * {@link System#nanoTime()} read together when the record opened), then entries, each a tag byte:
 * <ul>
 *   <li>{@code 1 KEY}: {@code int id, short length, UTF-8 bytes}: a request key (Gatling's request name, e.g.
 *       {@code 70_30_ratio ORDER node 1}, {@code insert uuid4}); ids from 0, defined before their first use;
 *   <li>{@code 2 CODE}: {@code int id, short length, UTF-8 bytes}: an error code (e.g. {@code 23505}); ids from
 *       {@value #FIRST_CODE}: 0 is OK, 1 a KO without a code;
 *   <li>{@code 3 REQUEST}: {@code int key, int code, long startNs, long endNs, long rows}: ns since originNanos.
 * </ul>
 * A reader stops at a cut-off last entry (a crash). A new field is a new version: {@link RequestRecords} reads
 * every version it knows and names the file and version of one it does not.
 */
public final class RequestRecord implements AutoCloseable {

  /** The record's file name in the run folder. */
  public static final String FILE = "sequela-requests.rec";
  /** The format's version. */
  public static final short VERSION = 1;
  static final int MAGIC = 0x53515245;
  static final byte KEY = 1;
  static final byte CODE = 2;
  static final byte REQUEST = 3;
  /** The code of an OK request. */
  static final int OK = 0;
  /** The code of a KO that carries none (the database was not reached). */
  static final int NO_CODE = 1;
  static final int FIRST_CODE = 2;
  static final int REQUEST_BYTES = 1 + 4 + 4 + 8 + 8 + 8;
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path file;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
  private final long originNanos;
  private final long originEpochMs;
  private final Map<String, Integer> keys = new HashMap<>();
  private final Map<String, Integer> codes = new HashMap<>();
  private boolean closed;

  private RequestRecord(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
    long epochMs = System.currentTimeMillis();
    this.originNanos = System.nanoTime();
    this.originEpochMs = epochMs;
    buffer.putInt(MAGIC).putShort(VERSION).putLong(epochMs).putLong(originNanos);
  }

  /**
   * Opens a new record (an existing file is replaced).
   *
   * @throws SequelaException when the file cannot be created
   */
  public static RequestRecord open(Path file) {
    try {
      return new RequestRecord(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING));
    } catch (IOException e) {
      throw new SequelaException("cannot create the run record " + file + ": " + e.getMessage(), e);
    }
  }

  /** The record's file. */
  public Path file() {
    return file;
  }

  /**
   * The id of a request key, defined in the record on its first use; call it once per request name when the
   * scenario is built, not per request.
   *
   * @param name the request key, at most 32767 UTF-8 bytes
   */
  public synchronized int key(String name) {
    Integer id = keys.get(name);
    if (id == null) {
      id = keys.size();
      keys.put(name, id);
      define(KEY, id, name);
    }
    return id;
  }

  /**
   * Records one request.
   *
   * @param key from {@link #key}
   * @param errorCode null for OK; for a KO its error code, or null when it has none
   * @param ok true for OK
   * @param startNanos start, {@link System#nanoTime()} ns
   * @param durationNanos the timed span, ns
   * @param rows rows written or read
   */
  public synchronized void write(int key, boolean ok, String errorCode, long startNanos, long durationNanos, long rows) {
    if (closed) {
      return;
    }
    int code = ok ? OK : errorCode == null ? NO_CODE : code(errorCode);
    room(REQUEST_BYTES);
    long start = startNanos - originNanos;
    buffer.put(REQUEST).putInt(key).putInt(code).putLong(start).putLong(start + durationNanos).putLong(rows);
  }

  /**
   * Records one request timed by someone else on the wall clock in whole ms (the JDBC plugin, read from Gatling's
   * log), on the record's ns clock.
   *
   * @param startMs start, ms since the epoch
   * @param endMs end, ms since the epoch
   */
  public void writeMillis(int key, boolean ok, String errorCode, long startMs, long endMs, long rows) {
    write(key, ok, errorCode, originNanos + (startMs - originEpochMs) * 1_000_000L, (endMs - startMs) * 1_000_000L, rows);
  }

  private int code(String errorCode) {
    Integer id = codes.get(errorCode);
    if (id == null) {
      id = FIRST_CODE + codes.size();
      codes.put(errorCode, id);
      define(CODE, id, errorCode);
    }
    return id;
  }

  private void define(byte tag, int id, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int length = Math.min(utf8.length, Short.MAX_VALUE);
    room(1 + 4 + 2 + length);
    buffer.put(tag).putInt(id).putShort((short) length).put(utf8, 0, length);
  }

  /** Makes room for {@code bytes} in the buffer, writing it to the file first when needed. */
  private void room(int bytes) {
    if (buffer.remaining() < bytes) {
      drain();
    }
  }

  private void drain() {
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new SequelaException("cannot write the run record " + file + ": " + e.getMessage(), e);
    } finally {
      buffer.clear();
    }
  }

  /** Writes what is buffered to the file (the record stays open). */
  public synchronized void flush() {
    if (!closed) {
      drain();
    }
  }

  /** Writes what is buffered and closes the file; later requests are not recorded. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      drain();
    } finally {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        throw new SequelaException("cannot close the run record " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
