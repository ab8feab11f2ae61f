package io.sequela.cli;

import io.sequela.SequelaException;
import io.sequela.db.Target;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** {@code --target}, {@code --user}, {@code --password}: where to connect. The password is never printed. */
final class TargetOptions {

  @Option(names = "--target", paramLabel = "embedded|<jdbc url>", defaultValue = "embedded", showDefaultValue = Visibility.ALWAYS,
      description = "'embedded' (the persistent embedded PostgreSQL in target/embedded-pg, -Dsequela.embedded.dir), "
          + "or a JDBC URL (jdbc:postgresql:, jdbc:h2:, jdbc:oracle:).")
  String target;

  @Option(names = "--user", paramLabel = "<name>", description = "User for a JDBC URL.")
  String user;

  @Option(names = "--password", paramLabel = "<password>", arity = "0..1", interactive = true,
      description = "Password for a JDBC URL; give the option alone to be asked for it.")
  String password;


  /** The parsed target. */
  Target target() {
    try {
      return Target.parse(target, user, password);
    } catch (SequelaException.InvalidInput e) {
      throw new SequelaException.InvalidInput("--target: " + e.getMessage());
    }
  }
}
