package io.sequela.gaps;

import io.sequela.config.SequenceMode;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one test of a run, per mode that has rows.
 *
 * @param testName the test's {@code test_name}
 * @param modes figures by mode; a mode with no rows is absent
 */
public record TestFigures(String testName, Map<SequenceMode, ModeFigures> modes) {

  public TestFigures {
    modes = Map.copyOf(modes);
  }

  /** The figures of one mode, empty when the mode has no rows. */
  public Optional<ModeFigures> mode(SequenceMode mode) {
    return Optional.ofNullable(modes.get(mode));
  }
}
