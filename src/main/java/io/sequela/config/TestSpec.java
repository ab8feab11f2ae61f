package io.sequela.config;

import java.util.List;

/**
 * One test of a plan: its scenarios run at once, once per mode, modes one after another.
 *
 * @param name test_name, used in request names and as JOB_EXECUTION.TEST_NAME
 * @param description free text
 * @param scenarii the nodes' scenarios, at least one
 * @param modes the sequence modes to compare, the variants of the design, at least one: each mode once, or one mode
 *     twice (an A/A calibration: {@code NOORDER#1} against {@code NOORDER#2})
 * @param sequenceCache the CACHE size under NOORDER, at least 2
 * @param pacing how users space their inserts
 * @param assertions the limits checked after the run: the plan's, overridden by the test's own
 * @param commit when each user commits its inserts: each (autocommit), every N, or once at its end
 * @param design warm-up, blocks per mode and order seed ({@link DesignSpec})
 */
public record TestSpec(String name, String description, List<ScenarioSpec> scenarii, List<SequenceMode> modes,
    int sequenceCache, Pacing pacing, Limits assertions, CommitPolicy commit, DesignSpec design) {

  public TestSpec {
    scenarii = List.copyOf(scenarii);
    modes = List.copyOf(modes);
    assertions = assertions == null ? Limits.NONE : assertions;
    commit = commit == null ? CommitPolicy.EACH : commit;
    design = design == null ? DesignSpec.SINGLE : design;
  }

  /** A test of {@link DesignSpec#SINGLE}: each mode once, no warm-up. */
  public TestSpec(String name, String description, List<ScenarioSpec> scenarii, List<SequenceMode> modes,
      int sequenceCache, Pacing pacing, Limits assertions, CommitPolicy commit) {
    this(name, description, scenarii, modes, sequenceCache, pacing, assertions, commit, DesignSpec.SINGLE);
  }

  /** The distinct modes, in the order first listed (one for an A/A test). */
  public List<SequenceMode> distinctModes() {
    return modes.stream().distinct().toList();
  }

  /** True for an A/A calibration: one mode listed twice. */
  public boolean aa() {
    return modes.size() > 1 && distinctModes().size() == 1;
  }

  /** A test whose users commit each insert ({@link CommitPolicy#EACH}). */
  public TestSpec(String name, String description, List<ScenarioSpec> scenarii, List<SequenceMode> modes,
      int sequenceCache, Pacing pacing, Limits assertions) {
    this(name, description, scenarii, modes, sequenceCache, pacing, assertions, CommitPolicy.EACH);
  }

  /** A test without assertions whose users commit each insert. */
  public TestSpec(String name, String description, List<ScenarioSpec> scenarii, List<SequenceMode> modes,
      int sequenceCache, Pacing pacing) {
    this(name, description, scenarii, modes, sequenceCache, pacing, Limits.NONE, CommitPolicy.EACH);
  }

  /** The same test with other scenarios (another target, an injector's share), its settings kept. */
  public TestSpec withScenarii(List<ScenarioSpec> other) {
    return new TestSpec(name, description, other, modes, sequenceCache, pacing, assertions, commit, design);
  }
}
