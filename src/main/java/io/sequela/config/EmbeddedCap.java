package io.sequela.config;

/**
 * What a plan's users on the embedded server must fit in, checked when the plan is loaded (before any database
 * work): the server's connections less those reserved ({@link EmbeddedSettings#maxUsers()}).
 *
 * @param maxUsers most virtual users of one test on the embedded server at once
 * @param reason why, for the message: {@code the embedded server's max_connections 200 minus 10 reserved}
 * @param override {@code sequela.target}, which replaces every node's connection, or null
 */
record EmbeddedCap(int maxUsers, String reason, TargetSpec override) {

  /** The cap of these settings. */
  static EmbeddedCap of(EmbeddedSettings embedded, TargetSpec override) {
    return new EmbeddedCap(embedded.maxUsers(), embedded.maxUsersReason(), override);
  }

  /** True when a node planned on {@code target} runs on the embedded server. */
  boolean embedded(TargetSpec target) {
    return override != null ? override.embedded() : target.embedded();
  }

  /** The users of a test's nodes that run on the embedded server, all at once. */
  long embeddedUsers(TestSpec test) {
    return test.scenarii().stream().filter(s -> embedded(s.target())).mapToLong(ScenarioSpec::users).sum();
  }

  /** The same cap with no users limit (the target override kept): a sweep names a swept value's excess itself. */
  EmbeddedCap withoutUsersLimit() {
    return new EmbeddedCap(Integer.MAX_VALUE, reason, override);
  }
}
