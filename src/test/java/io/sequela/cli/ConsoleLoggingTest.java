package io.sequela.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

  @Test
  void withoutXmlOnlyWarningsReachStderrAndTheXmlChainIsSkipped() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      ExecutionStatus status = new ConsoleLogging(() -> false).configure(context);
      Logger log = context.getLogger("com.zaxxer.hikari.pool.HikariPool");
      log.info("pool started");
      log.warn("connection leak");
      assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, status);
    } finally {
      System.setErr(saved);
      context.stop();
    }
    String out = err.toString(StandardCharsets.UTF_8);
    assertTrue(out.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  c\\.z\\.h\\.p\\.HikariPool - connection leak\\R"), out);
    assertFalse(out.contains("pool started"), out);
  }

  @Test
  void aStackTraceReachesStderrOnlyWithTrace() {
    for (boolean trace : new boolean[] {false, true}) {
      LoggerContext context = new LoggerContext();
      context.setMDCAdapter(new LogbackMDCAdapter());
      PrintStream saved = System.err;
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        new ConsoleLogging(() -> false, () -> trace).configure(context);
        context.getLogger("com.zaxxer.hikari.pool.ProxyConnection").warn("node 1 - connection marked as broken",
            new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
      } finally {
        System.setErr(saved);
        context.stop();
      }
      String out = err.toString(StandardCharsets.UTF_8);
      assertTrue(out.contains("connection marked as broken"), out);
      assertEquals(trace, out.contains("\tat "), out);
      assertEquals(trace ? 1 : 1, out.lines().filter(l -> l.contains("broken")).count(), out);
      if (!trace) {
        assertEquals(1, out.lines().count(), out);
      }
    }
  }

  @Test
  void standsAsideWhenAnXmlConfigurationIsPresent() {
    LoggerContext context = new LoggerContext();
    assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new ConsoleLogging(() -> true).configure(context));
    assertTrue(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel() == Level.DEBUG, "root level untouched");
    assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(), "no appender added");
  }

  @Test
  void theTestClassPathKeepsItsXml() {
    // tests and simulations have logback-test.xml: the service must leave it in charge
    assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new ConsoleLogging().configure(new LoggerContext()));
  }
}
