package io.sequela;

/**
 * Root of sequela's unchecked exceptions. Each subclass names a kind of failure, so a command or a
 * simulation can print one line and choose an exit code without a stack trace.
 */
public class SequelaException extends RuntimeException {

  public SequelaException(String message) {
    super(message);
  }

  public SequelaException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A user's mistake in a plan, a model, a CSV file or an option: fix the input, not the code. */
  public static class InvalidInput extends SequelaException {
    public InvalidInput(String message) {
      super(message);
    }
  }

  /** The database refused or could not be reached; the message names the node or target, never a password. */
  public static class DatabaseFailure extends SequelaException {
    public DatabaseFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A target whose JDBC URL names no supported dialect. */
  public static class UnsupportedDialect extends SequelaException {
    public UnsupportedDialect(String message) {
      super(message);
    }
  }

  /**
   * The run was interrupted from outside: Ctrl-C (SIGINT), SIGTERM, or the process that started it (Maven) is gone;
   * the message says which.
   */
  public static class Interrupted extends SequelaException {
    public Interrupted(String message) {
      super(message);
    }
  }

  /** An injector of a several-injector run did not arrive at a stage in time; the message names it. */
  public static class InjectorMissing extends SequelaException {
    public InjectorMissing(String message) {
      super(message);
    }
  }
}
