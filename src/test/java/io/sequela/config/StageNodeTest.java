package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StageNodeTest {

  @Test
  void everySpellingRoundTripsForEveryMode() {
    for (SequenceMode mode : SequenceMode.values()) {
      StageNode k = new StageNode("70_30_ratio", mode, 12);
      assertThat(StageNode.ofRequestName(k.requestName())).contains(k);
      assertThat(StageNode.ofTag(k.tag())).contains(k);
      assertThat(StageNode.ofCommitTag(k.commitTag())).contains(k);
    }
  }

  @Test
  void spellingsAreTheDocumentedOnes() {
    StageNode k = new StageNode("70_30_ratio", SequenceMode.ORDER, 1);
    assertThat(k.requestName()).isEqualTo("70_30_ratio ORDER node 1");
    assertThat(k.commitRequestName()).isEqualTo("70_30_ratio ORDER node 1 commit");
    assertThat(k.tag()).isEqualTo("70_30_ratio/ORDER/node-1");
    assertThat(k.commitTag()).isEqualTo("70_30_ratio/ORDER/node-1/commit");
  }

  @Test
  void theTestNameIsEverythingBeforeTheMode() {
    assertThat(StageNode.ofRequestName("a b.c-d ORDER node 3"))
        .contains(new StageNode("a b.c-d", SequenceMode.ORDER, 3));
    assertThat(StageNode.ofRequestName("NOORDER ORDER node 2")).contains(new StageNode("NOORDER", SequenceMode.ORDER, 2));
    assertThat(StageNode.ofRequestName("x NOORDER node 2")).contains(new StageNode("x", SequenceMode.NOORDER, 2));
    assertThat(StageNode.ofTag("a b/AUTO_INCREMENT/node-7")).contains(new StageNode("a b", SequenceMode.AUTO_INCREMENT, 7));
  }

  @Test
  void anUnknownSpellingIsRejected() {
    assertThat(StageNode.ofRequestName("t SOMETIMES node 1")).isEmpty();
    assertThat(StageNode.ofRequestName("t order node 1")).isEmpty();
    assertThat(StageNode.ofRequestName(" ORDER node 1")).isEmpty();
    assertThat(StageNode.ofRequestName("t ORDER node x")).isEmpty();
    assertThat(StageNode.ofRequestName("t ORDER node 1 commit")).as("a commit request is not an insert").isEmpty();
    assertThat(StageNode.ofRequestName("t/ORDER/node-1")).isEmpty();
    assertThat(StageNode.ofRequestName(null)).isEmpty();
    assertThat(StageNode.ofTag("t/ORDER/node-1/commit")).as("a commit tag is not an insert tag").isEmpty();
    assertThat(StageNode.ofTag("t ORDER node 1")).isEmpty();
    assertThat(StageNode.ofTag("something/else")).isEmpty();
    assertThat(StageNode.ofCommitTag("t/ORDER/node-1")).isEmpty();
    assertThat(StageNode.ofCommitTag("t/MAYBE/node-1/commit")).isEmpty();
    assertThatThrownBy(() -> new StageNode("", SequenceMode.ORDER, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
