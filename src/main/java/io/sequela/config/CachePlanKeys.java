package io.sequela.config;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * The two plan keys that size the embedded PostgreSQL's cache, in KeyGen and SeqOrder plans alike:
 * {@code shared_buffers} (a PostgreSQL size such as {@code 4MB}) and {@code direct_io} ({@code true}: the server starts
 * with {@code debug_io_direct = data}, so no operating-system cache lies under its buffer pool and {@code shared_buffers}
 * is the whole cache, as an Oracle SGA is; docs/embedded.md). Read once here, checked in one form, and laid under the
 * {@code -Dsequela.embedded.*} settings, which win.
 */
final class CachePlanKeys {

  /** The keys' names. */
  static final String SHARED_BUFFERS = "shared_buffers";
  static final String DIRECT_IO = "direct_io";

  private CachePlanKeys() {}

  /**
   * {@code shared_buffers}: a PostgreSQL size ({@link KeyGenPlanLoader#PG_SIZE}), or null when left out.
   *
   * @param v the value as written, or null
   */
  static String sharedBuffers(Problems p, ConfigValue v) {
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      return null;
    }
    String s = v.valueType() == ConfigValueType.STRING ? ((String) v.unwrapped()).strip()
        : v.valueType() == ConfigValueType.NUMBER ? render(v) : null;
    if (s == null || !s.matches(KeyGenPlanLoader.PG_SIZE)) {
      p.add(v, SHARED_BUFFERS, "must be a PostgreSQL size such as 4MB, got " + render(v));
      return null;
    }
    return s;
  }

  /**
   * {@code direct_io}: true or false, false when left out.
   *
   * @param v the value as written, or null
   */
  static boolean directIo(Problems p, ConfigValue v) {
    if (v != null && v.valueType() == ConfigValueType.BOOLEAN) {
      return (Boolean) v.unwrapped();
    }
    if (v != null && v.valueType() != ConfigValueType.NULL) {
      p.add(v, DIRECT_IO, "must be true or false, got " + render(v));
    }
    return false;
  }

  /**
   * The embedded server's settings with the plan's two keys under them: an explicit
   * {@code -Dsequela.embedded.shared_buffers} or {@code -Dsequela.embedded.debug_io_direct} wins.
   *
   * @param sharedBuffers the plan's size, or null for the server's default
   */
  static EmbeddedSettings applied(EmbeddedSettings embedded, String sharedBuffers, boolean directIo) {
    return embedded.withServerDefault(SHARED_BUFFERS, sharedBuffers)
        .withServerDefault("debug_io_direct", directIo ? "data" : null);
  }

  private static String render(ConfigValue v) {
    return v.render(ConfigRenderOptions.concise());
  }
}
