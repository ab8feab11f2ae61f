package io.sequela.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.sequela.config.CliSettings;
import java.util.function.BooleanSupplier;

/**
 * Logback set-up of {@code sequela.jar}, in code: warnings and errors to stderr, one line each
 * ({@code 14:03:07.123 WARN  c.z.h.pool.HikariPool - ...}), their stack traces only with {@code -Dsequela.trace=true}. Parsing a {@code logback.xml} costs about 0.1 s
 * of every command's start-up. Registered as a {@link Configurator} service; it stands aside, so logback's
 * usual XML lookup runs, when {@code -Dlogback.configurationFile} is given or a {@code logback-test.xml} is on
 * the class path (the tests and the Gatling simulations have one).
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
  /** Without {@code -Dsequela.trace=true}: one line per event, never a stack trace (a dying database's pool). */
  static final String ONE_LINE = PATTERN + "%nopex";

  private final BooleanSupplier xmlConfigured;
  private final BooleanSupplier trace;

  /** As loaded by logback's ServiceLoader. */
  public ConsoleLogging() {
    this(() -> System.getProperty("logback.configurationFile") != null
        || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null, ConsoleLogging::traceSetting);
  }

  ConsoleLogging(BooleanSupplier xmlConfigured) {
    this(xmlConfigured, () -> false);
  }

  ConsoleLogging(BooleanSupplier xmlConfigured, BooleanSupplier trace) {
    this.xmlConfigured = xmlConfigured;
    this.trace = trace;
  }

  /** {@code sequela.trace}; a bad or unknown setting is the command's to report (OneLineErrors), so false here. */
  private static boolean traceSetting() {
    try {
      return CliSettings.load().trace();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (xmlConfigured.getAsBoolean()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(trace.getAsBoolean() ? PATTERN : ONE_LINE);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
