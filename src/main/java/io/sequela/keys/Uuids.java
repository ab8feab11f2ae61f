package io.sequela.keys;

import com.fasterxml.uuid.Generators;
import io.sequela.SequelaException;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * UUID generators from java-uuid-generator (JUG 5.x); all thread-safe.
 *
 * <ul>
 *   <li>v1 ({@code Generators.timeBasedGenerator()}): 60-bit Gregorian 100 ns timestamp with
 *       time_low first, so consecutive values rise in the first 32 bits and wrap every ~429.5 s: inserts
 *       land in the middle of the index (RFC 9562 §5.1);
 *   <li>v4 ({@code randomBasedGenerator()}): 122 random bits, SecureRandom (RFC 9562 §5.4);
 *   <li>v7 ({@code timeBasedEpochGenerator()}): 48-bit Unix ms first, then counter/random bits,
 *       monotonic within one generator (RFC 9562 §5.7, §6.2): inserts land on the right-most leaf.
 * </ul>
 */
public final class Uuids {

  private Uuids() {}

  /**
   * A new generator of one UUID version.
   *
   * @param version 1, 4 or 7
   * @throws SequelaException.InvalidInput for any other version
   */
  public static Supplier<UUID> generator(int version) {
    return switch (version) {
      case 1 -> Generators.timeBasedGenerator()::generate;
      case 4 -> Generators.randomBasedGenerator()::generate;
      case 7 -> Generators.timeBasedEpochGenerator()::generate;
      default -> throw new SequelaException.InvalidInput("uuid version: must be 1, 4 or 7, got " + version);
    };
  }

  /** The 16 bytes of a UUID, most significant first: the value of an Oracle RAW(16) key. */
  public static byte[] toBytes(UUID u) {
    return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
  }

  /** The 32 lower-case hex digits of a UUID without dashes, which Oracle converts to RAW(16) implicitly. */
  public static String toHex(UUID u) {
    return u.toString().replace("-", "");
  }
}
