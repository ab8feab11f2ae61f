package io.sequela.seqorder;

import io.sequela.config.ScenarioSpec;
import io.sequela.config.SequenceMode;
import io.sequela.config.TestSpec;
import io.sequela.config.WarmupSpec;
import io.sequela.design.Block;
import io.sequela.design.BlockOrder;
import io.sequela.design.BlockSize;
import io.sequela.design.DesignStamp;
import io.sequela.design.WarmupRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A SeqOrder test's experiment design (docs/experiment-design.md) from its plan keys: the variants are its modes
 * (two entries of one mode are an A/A pair), each warms up untimed by its {@link WarmupRule}, then the measured
 * blocks run in {@link BlockOrder#balanced}'s order; a block is a number of inserts, each user's iterations divided
 * over the blocks. Pure functions of the test.
 */
final class SeqOrderDesign {

  /** A warm-up stops here at the latest whatever its rule says (inserts that keep failing, the JDBC plugin). */
  static final Duration WARMUP_CAP = Duration.ofSeconds(60);

  private SeqOrderDesign() {}

  /** The balanced order of the test's blocks; variants are its modes in the listed order. */
  public static BlockOrder order(TestSpec t) {
    return BlockOrder.balanced(t.modes().stream().map(SequenceMode::name).toList(), t.design().blocks(),
        t.design().orderSeed());
  }

  /** The warm-up rule of the test's {@code warmup} key. */
  public static WarmupRule warmupRule(TestSpec t) {
    WarmupSpec w = t.design().warmup();
    return switch (w.kind()) {
      case AUTO -> WarmupRule.auto();
      case DURATION -> WarmupRule.of(w.duration());
      case INSERTS -> WarmupRule.inserts(w.inserts());
      case NONE -> WarmupRule.none();
    };
  }

  /**
   * The stamp of the test's design: warm-up, blocks per mode, inserts of a variant's first block (all nodes and users),
   * order seed.
   */
  public static DesignStamp stamp(TestSpec t) {
    long inserts = 0;
    for (ScenarioSpec n : t.scenarii()) {
      inserts += (long) n.users() * iterations(n.iterations(), t.design().blocks(), 0);
    }
    return new DesignStamp(warmupRule(t), t.design().blocks(), BlockSize.inserts(Math.max(1, inserts)),
        t.design().orderSeed());
  }

  /**
   * Iterations per user in a variant's block {@code number}: {@code iterations / blocks}, the first
   * {@code iterations % blocks} blocks one more, so the blocks add up to the node's iterations.
   */
  static int iterations(int iterations, int blocks, int number) {
    return iterations / blocks + (number < iterations % blocks ? 1 : 0);
  }

  /** The longest a warm-up of the test may run: its rule's bound, at most {@link #WARMUP_CAP}. */
  static Duration warmupBound(TestSpec t) {
    WarmupSpec w = t.design().warmup();
    Duration d = switch (w.kind()) {
      case AUTO -> WarmupRule.AUTO_MAX_DURATION;
      case DURATION -> w.duration();
      case INSERTS, NONE -> WARMUP_CAP;
    };
    return d.compareTo(WARMUP_CAP) > 0 ? WARMUP_CAP : d;
  }

  /**
   * The test's stages from index {@code first}: each variant's warm-up (unless the test has none), in the order the
   * variants first appear in the block order, then the blocks. The run's first test ({@code first == 0}) with a single
   * variant warms it up in two stages, the second a {@link Stage#rehearsal}: every stage opens with its own users,
   * pools and mode switch, and code first run at such a switch after the JIT compiled the request path is compiled
   * again in the stage after it (15-20 µs of client CPU per insert for its first seconds,
   * docs/insert-path-profile.md); with two variants the second variant's warm-up is that switch already.
   *
   * @param share this injector's share of the test (the whole test for one injector)
   */
  static List<Stage> stages(TestSpec share, int first) {
    BlockOrder order = order(share);
    List<Stage> out = new ArrayList<>();
    if (share.design().warmup().kind() != WarmupSpec.Kind.NONE) {
      List<Integer> seen = new ArrayList<>();
      for (Block b : order.blocks()) {
        if (!seen.contains(b.variant())) {
          seen.add(b.variant());
          out.add(new Stage(first + out.size(), share, share.modes().get(b.variant()), b.variant(), b.name(), null));
        }
      }
      if (first == 0 && out.size() == 1) {
        Stage w = out.get(0);
        out.add(new Stage(first + 1, share, w.mode(), w.variant(), w.variantName(), null, true));
      }
    }
    for (Block b : order.blocks()) {
      out.add(new Stage(first + out.size(), share, share.modes().get(b.variant()), b.variant(), b.name(), b));
    }
    return out;
  }
}
