package io.sequela.config;

import java.util.List;

/**
 * What a SeqOrderSimulation plan gets for the keys it leaves out, from {@code sequela.plan-defaults} in
 * reference.conf ({@code -Dsequela.plan-defaults.<key>} overrides). Immutable.
 *
 * @param modes the sequence modes of each test, in order
 * @param sequenceCache the CACHE size under NOORDER, at least 2
 * @param pacing how users space their inserts
 * @param commit when each user commits its inserts
 * @param users virtual users per scenario, at least 1
 * @param design warm-up, blocks per mode and order seed
 */
record PlanDefaults(List<SequenceMode> modes, int sequenceCache, Pacing pacing, CommitPolicy commit, int users,
    DesignSpec design) {

  /** The setting holding the defaults. */
  static final String SETTING = "sequela.plan-defaults";

  PlanDefaults {
    modes = List.copyOf(modes);
  }
}
