package io.sequela.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One node's inserts in one test x sequence mode: SeqOrderSimulation's unit of counting, timing and checking. The one
 * place the triple is spelled and parsed back; as a record it is also the key of every map over the triple. Its
 * spellings, e.g. for test {@code 70_30_ratio}, mode ORDER, node 1:
 * <ul>
 *   <li>{@link #requestName()} {@code "70_30_ratio ORDER node 1"}: the Gatling request (and scenario) name of the
 *       node's inserts, also the scope of its nightly checks and history rows;</li>
 *   <li>{@link #commitRequestName()} {@code "70_30_ratio ORDER node 1 commit"}: the request name of its commits timed
 *       on their own (a commit policy other than autocommit);</li>
 *   <li>{@link #tag()} {@code "70_30_ratio/ORDER/node-1"}: the histogram tag of its inserts in latency.hlog;</li>
 *   <li>{@link #commitTag()} {@code "70_30_ratio/ORDER/node-1/commit"}: the histogram tag of its commits.</li>
 * </ul>
 * In a measured block (issue 23: the modes run in interleaved blocks), {@link #block} is the block's number within
 * its test, 1-based in run order, as JOB_EXECUTION.BLOCK_NO holds it; the request names stay per test x mode x node
 * (Gatling's report groups them), the tags carry the block ({@code "70_30_ratio/ORDER/node-1/block-3"}, its commits
 * {@code ".../block-3/commit"}) so each block has its own histogram, and the Gatling scenario is
 * {@link #scenarioName()} {@code "70_30_ratio ORDER node 1 block 3"}. Block 0 is the node's whole test x mode. A
 * warm-up's requests are {@link #warmupRequestName()}, which {@link #ofRequestName} does not take, so they count in
 * no figure.
 * Parsed back by {@link #ofRequestName}, {@link #ofTag} and {@link #ofCommitTag}; the test name is everything before
 * the mode, so it may hold spaces (plans allow {@code [A-Za-z0-9_.-]{1,64}}).
 *
 * @param test the test's name, not empty
 * @param mode the sequence mode
 * @param node the node's number (a scenario's {@code node_number})
 * @param block the measured block's number within the test, 1-based; 0 for the whole test x mode x node
 */
public record StageNode(String test, SequenceMode mode, int node, int block) {

  private static final String MODES = Arrays.stream(SequenceMode.values()).map(SequenceMode::name)
      .collect(Collectors.joining("|", "(", ")"));
  private static final Pattern REQUEST_NAME = Pattern.compile("^(.+) " + MODES + " node (\\d{1,9})$");
  private static final Pattern TAG = Pattern.compile("^(.+)/" + MODES + "/node-(\\d{1,9})(?:/block-(\\d{1,9}))?$");
  private static final String COMMIT_REQUEST = " commit";
  private static final String COMMIT_TAG = "/commit";
  private static final String WARMUP_REQUEST = " warm-up";

  public StageNode {
    if (test == null || test.isEmpty() || mode == null || block < 0) {
      throw new IllegalArgumentException("a stage node needs a test name, a mode and a block >= 0, got " + test + ", "
          + mode + ", " + block);
    }
  }

  /** The node's whole test x mode (block 0). */
  public StageNode(String test, SequenceMode mode, int node) {
    this(test, mode, node, 0);
  }

  /** The same node in block {@code b} (1-based; 0: the whole test x mode). */
  public StageNode inBlock(int b) {
    return new StageNode(test, mode, node, b);
  }

  /** The same node's whole test x mode, without its block. */
  public StageNode withoutBlock() {
    return block == 0 ? this : new StageNode(test, mode, node, 0);
  }

  /**
   * The Gatling scenario of the node in its block, unique in a run: {@link #requestName()}, plus
   * {@code " block <b>"} in a block.
   */
  public String scenarioName() {
    return block == 0 ? requestName() : requestName() + " block " + block;
  }

  /** Gatling request (and scenario) name of the node's untimed warm-up inserts: {@link #requestName()} + {@code " warm-up"}. */
  public String warmupRequestName() {
    return requestName() + WARMUP_REQUEST;
  }

  /** Gatling request name of the node's inserts, e.g. {@code 70_30_ratio ORDER node 1}. */
  public String requestName() {
    return test + " " + mode.name() + " node " + node;
  }

  /** Gatling request name of the node's commits timed on their own, {@link #requestName()} + {@code " commit"}. */
  public String commitRequestName() {
    return requestName() + COMMIT_REQUEST;
  }

  /** Histogram tag of the node's inserts, e.g. {@code 70_30_ratio/ORDER/node-1}, in a block {@code .../node-1/block-3}. */
  public String tag() {
    return test + "/" + mode.name() + "/node-" + node + (block == 0 ? "" : "/block-" + block);
  }

  /** Histogram tag of the node's commits timed on their own, {@link #tag()} + {@code /commit}. */
  public String commitTag() {
    return tag() + COMMIT_TAG;
  }

  /** The stage node an insert request is named for ({@link #requestName()}); empty for any other name. */
  public static Optional<StageNode> ofRequestName(String requestName) {
    return parse(REQUEST_NAME, requestName);
  }

  /** The stage node an insert histogram is tagged for ({@link #tag()}); empty for any other tag, commits' too. */
  public static Optional<StageNode> ofTag(String tag) {
    return parse(TAG, tag);
  }

  /** The stage node a commit histogram is tagged for ({@link #commitTag()}); empty for any other tag. */
  public static Optional<StageNode> ofCommitTag(String tag) {
    return tag != null && tag.endsWith(COMMIT_TAG)
        ? parse(TAG, tag.substring(0, tag.length() - COMMIT_TAG.length()))
        : Optional.empty();
  }

  private static Optional<StageNode> parse(Pattern p, String s) {
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = p.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    int block = m.groupCount() >= 4 && m.group(4) != null ? Integer.parseInt(m.group(4)) : 0;
    return Optional.of(new StageNode(m.group(1), SequenceMode.valueOf(m.group(2)), Integer.parseInt(m.group(3)), block));
  }
}
