package io.sequela.config;

import java.util.List;

/**
 * A validated sequela test plan (see {@link PlanLoader} for the JSON format). Immutable.
 *
 * @param source where the plan came from (file path or classpath resource), for messages
 * @param tests the tests, in run order, at least one
 * @param sharedBuffers the embedded PostgreSQL's shared_buffers the plan asks for (e.g. {@code 4MB}), or null for the
 *     server's default; only a plan whose every node is embedded has one
 * @param directIo the embedded PostgreSQL starts with {@code debug_io_direct = data}: no operating-system cache under
 *     its buffer pool, so {@code sharedBuffers} is the whole cache (docs/embedded.md); only with every node embedded
 */
public record Plan(String source, List<TestSpec> tests, String sharedBuffers, boolean directIo) {

  public Plan {
    tests = List.copyOf(tests);
  }

  /** A plan that leaves the embedded server's cache as the settings have it. */
  public Plan(String source, List<TestSpec> tests) {
    this(source, tests, null, false);
  }

  /** The same plan with every node's connection replaced by {@code target} ({@code -Dsequela.target}). */
  public Plan withTarget(TargetSpec target) {
    return new Plan(source, tests.stream()
        .map(t -> t.withScenarii(t.scenarii().stream().map(s -> s.withTarget(target)).toList()))
        .toList(), sharedBuffers, directIo);
  }
}
