package io.sequela.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.sequela.config.SequenceMode;
import io.sequela.gaps.GapAnalysisResult;
import io.sequela.gaps.Latencies;

/** For tests of other packages: one mode's object of sequence-gaps.json as {@link SequenceGapsJson} writes it. */
public final class SequenceGapsJsonAccess {

  private SequenceGapsJsonAccess() {}

  public static JsonNode mode(GapAnalysisResult r, Latencies latencies, String test, SequenceMode mode) {
    for (JsonNode t : SequenceGapsJson.of(r, latencies).get("tests")) {
      if (t.get("test_name").asText().equals(test)) {
        return t.get("modes").get(mode.name());
      }
    }
    throw new AssertionError("no test " + test);
  }
}
