package io.sequela.populate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable byte buffer for COPY data in network byte order (big-endian), so the hot loop allocates
 * nothing per row. It grows only when a single row does not fit, so its size is bounded by the flush
 * threshold plus the widest row, whatever the row count. Not thread-safe: one per loading thread.
 */
final class CopyBuffer {

  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] bytes;
  private int size;
  private char[] scratch = new char[256];

  /** @param capacity initial capacity in bytes */
  CopyBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  byte[] bytes() {
    return bytes;
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  void putBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  void putShort(int v) {
    ensure(2);
    SHORT.set(bytes, size, (short) v);
    size += 2;
  }

  void putInt(int v) {
    ensure(4);
    INT.set(bytes, size, v);
    size += 4;
  }

  void putLong(long v) {
    ensure(8);
    LONG.set(bytes, size, v);
    size += 8;
  }

  /** The UTF-8 bytes of {@code s}. */
  void putUtf8(CharSequence s) {
    int n = s.length();
    if (scratch.length < n) {
      scratch = new char[Math.max(n, scratch.length * 2)];
    }
    if (s instanceof String str) {
      str.getChars(0, n, scratch, 0);
    } else if (s instanceof StringBuilder sb) {
      sb.getChars(0, n, scratch, 0);
    } else {
      for (int i = 0; i < n; i++) {
        scratch[i] = s.charAt(i);
      }
    }
    putUtf8(scratch, n);
  }

  /** The UTF-8 bytes of {@code chars[0..n)}; ASCII is copied without an encoder. */
  void putUtf8(char[] chars, int n) {
    ensure(n);
    for (int i = 0; i < n; i++) {
      char ch = chars[i];
      if (ch >= 0x80) {
        putBytes(new String(chars, i, n - i).getBytes(StandardCharsets.UTF_8));
        return;
      }
      bytes[size++] = (byte) ch;
    }
  }

  /** Starts a binary COPY field of unknown length: reserves its int32 byte count; returns where, for {@link #endField}. */
  int startField() {
    putInt(0);
    return size;
  }

  /** Ends the field started at {@code start}: writes its byte count. */
  void endField(int start) {
    INT.set(bytes, start - 4, size - start);
  }
}
