package io.sequela.cli;

import io.sequela.SequelaException;
import io.sequela.db.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sequela embedded}: the embedded PostgreSQL as a server of its own, for several JVMs at once (the
 * injectors of scripts/injectors-local.sh reach it by URL, as injectors on other machines reach a database).
 */
@Command(name = "embedded", mixinStandardHelpOptions = true, header = "Run the embedded PostgreSQL until stopped.",
    description = "Starts the embedded PostgreSQL 16 (data in -Dsequela.embedded.dir, default target/embedded-pg; any "
        + "-Dsequela.embedded.<setting> is a server setting), prints its JDBC URL (user postgres, no password) and keeps "
        + "it running until this process is stopped (Ctrl-C or SIGTERM stop the server cleanly).")
final class EmbeddedCommand implements Callable<Integer> {

  @Option(names = "--url-file", paramLabel = "<path>",
      description = "Also write the JDBC URL into this file once the server accepts connections (replaced atomically).")
  Path urlFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedPostgres pg = EmbeddedPostgres.get();
    PrintWriter out = spec.commandLine().getOut();
    out.println(pg.jdbcUrl());
    out.flush();
    if (urlFile != null) {
      try {
        Path tmp = Files.writeString(urlFile.resolveSibling(urlFile.getFileName() + ".tmp"), pg.jdbcUrl() + System.lineSeparator());
        Files.move(tmp, urlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new SequelaException.InvalidInput("--url-file: cannot write " + urlFile + ": " + e.getMessage());
      }
    }
    new CountDownLatch(1).await(); // until the JVM is stopped; its shutdown hook stops the server
    return 0;
  }
}
