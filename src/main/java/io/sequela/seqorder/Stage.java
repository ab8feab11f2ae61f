package io.sequela.seqorder;

import io.sequela.config.ScenarioSpec;
import io.sequela.config.TestSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.StageNode;
import io.sequela.design.Block;
import java.time.Duration;

/**
 * One stretch of a test in one sequence mode, all the test's scenarios at once: either a variant's untimed warm-up
 * or one measured block of the test's balanced block order ({@link SeqOrderDesign}). Each opens with the mode's
 * verified switch and fresh pools. Stages run one after another.
 *
 * @param index position in the run, from 0
 * @param test the test (this injector's share of it)
 * @param mode the sequence mode of this stage
 * @param variant the variant's index in the test's {@code modes} (two for an A/A test of one mode)
 * @param variantName the variant's name: the mode, {@code NOORDER#1} / {@code NOORDER#2} in an A/A test
 * @param block the planned block, null for a warm-up
 * @param rehearsal true for the second stage of a warm-up run as two ({@link SeqOrderDesign#stages}): the same
 *     variant's warm-up again after a whole stage switch (its users, pools and mode switch), so the switch into the
 *     first block runs code the JIT has already compiled with it
 */
public record Stage(int index, TestSpec test, SequenceMode mode, int variant, String variantName, Block block,
    boolean rehearsal) {

  /** A warm-up (block null) or a measured block, not a rehearsal. */
  public Stage(int index, TestSpec test, SequenceMode mode, int variant, String variantName, Block block) {
    this(index, test, mode, variant, variantName, block, false);
  }

  /** A stage of the whole mode, as before the design (one block, no warm-up): for tests and callers building one. */
  public Stage(int index, TestSpec test, SequenceMode mode) {
    this(index, test, mode, Math.max(0, test.modes().indexOf(mode)), mode.name(),
        new Block(Math.max(0, test.modes().indexOf(mode)), mode.name(), 0, 0, 0, 0));
  }

  /** True for a variant's untimed warm-up. */
  public boolean warmup() {
    return block == null;
  }

  /** The block's number within its test, 1-based in run order (JOB_EXECUTION.BLOCK_NO); 0 for a warm-up. */
  public int blockNo() {
    return warmup() ? 0 : block.position() + 1;
  }

  /** A node of this stage: its request names and histogram tags (with the block). */
  public StageNode node(ScenarioSpec node) {
    return new StageNode(test.name(), mode, node.nodeNumber(), blockNo());
  }

  /**
   * Gatling request name of a node's inserts in this stage, e.g. {@code 70_30_ratio ORDER node 1} (the same for every
   * block of the mode, so Gatling's report groups them); a warm-up's {@code ... node 1 warm-up}.
   */
  public String requestName(ScenarioSpec node) {
    return warmup() ? node(node).warmupRequestName() : node(node).requestName();
  }

  /**
   * The Gatling scenario of a node in this stage, unique in the run: e.g. {@code 70_30_ratio ORDER node 1 block 3},
   * {@code 70_30_ratio ORDER node 1 warm-up 1}, its rehearsal's {@code ... warm-up 1 rehearsal}.
   */
  public String scenarioName(ScenarioSpec node) {
    return warmup() ? node(node).warmupRequestName() + " " + (variant + 1) + (rehearsal ? " rehearsal" : "")
        : node(node).scenarioName();
  }

  /**
   * Gatling request name of a node's commits in this stage (commit policy other than each), e.g.
   * {@code 70_30_ratio ORDER node 1 commit}: timed apart from the inserts and not counted as one.
   */
  public String commitRequestName(ScenarioSpec node) {
    return node(node).commitRequestName();
  }

  /**
   * Iterations per user of a node in this block: the node's iterations divided over the test's blocks, the first
   * {@code iterations % blocks} blocks of the variant one more; 0 for a warm-up (it runs until its rule says done).
   */
  public int iterations(ScenarioSpec node) {
    return warmup() ? 0 : SeqOrderDesign.iterations(node.iterations(), test.design().blocks(), block.number());
  }

  /** Inserts planned for a node in this stage: users x {@link #iterations}. */
  public long plannedInserts(ScenarioSpec node) {
    return (long) node.users() * iterations(node);
  }

  /** Time allowed per insert on top of its interval when bounding a stage's duration (20 ms). */
  static final Duration INSERT_ALLOWANCE = Duration.ofMillis(20);

  /**
   * How long the stage should take: a block, its slowest node's iterations x (interval + {@link #INSERT_ALLOWANCE});
   * a warm-up, its rule's longest ({@link SeqOrderDesign#warmupBound}).
   */
  public Duration plannedDuration() {
    if (warmup()) {
      return SeqOrderDesign.warmupBound(test);
    }
    return test.scenarii().stream()
        .map(n -> n.interval().plus(INSERT_ALLOWANCE).multipliedBy(iterations(n)))
        .max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** Virtual users of all nodes in this stage. */
  public int users() {
    return test.scenarii().stream().mapToInt(ScenarioSpec::users).sum();
  }
}
