package io.sequela.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.sequela.config.KeyGenPlan;
import io.sequela.config.KeyGenPlanLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The stages of a KeyGen run: the warm-up, then rounds whose strategy order is rotated as a Latin square. */
class KeyGenScheduleTest {

  private static final List<String> SEVEN = List.of("seq", "site_seq", "uuid1", "uuid4", "uuid7", "seq_block", "snowflake");

  private static KeyGenPlan plan(String hocon) {
    return KeyGenPlanLoader.parse("plan.conf", ConfigFactory.parseString(hocon).root(), null);
  }

  @Test
  void asManyRoundsAsStrategiesPutEveryStrategyInEveryPositionOnce() {
    for (int n = 1; n <= 8; n++) {
      List<List<Integer>> orders = KeyGenSchedule.orders(n, n);
      for (int p = 0; p < n; p++) {
        int position = p;
        Set<Integer> there = new HashSet<>();
        orders.forEach(o -> there.add(o.get(position)));
        assertThat(there).as(n + " strategies, position " + p).hasSize(n);
      }
      orders.forEach(o -> assertThat(new HashSet<>(o)).hasSize(o.size()));
    }
  }

  @Test
  void fewerRoundsNeverRepeatAPositionAndSpreadEachStrategy() {
    List<List<Integer>> orders = KeyGenSchedule.orders(7, 3);
    assertThat(orders.get(0)).as("round 1 in plan order").containsExactly(0, 1, 2, 3, 4, 5, 6);
    for (int s = 0; s < 7; s++) {
      int strategy = s;
      List<Integer> positions = orders.stream().map(o -> o.indexOf(strategy)).toList();
      assertThat(new HashSet<>(positions)).as("strategy " + s + " at " + positions).hasSize(3);
    }
    assertThat(orders.stream().map(o -> o.get(0)).toList()).as("a different strategy goes first each round").doesNotHaveDuplicates();
    List<List<Integer>> two = KeyGenSchedule.orders(2, 3);
    assertThat(two).containsExactly(List.of(0, 1), List.of(1, 0), List.of(0, 1));
  }

  @Test
  void theWarmupComesFirstThenTheRounds() {
    KeyGenSchedule s = new KeyGenSchedule(plan("users = 3, inserts_per_user = 10, rounds = 2, warmup_inserts = 8"), SEVEN);
    assertThat(s.stages()).isEqualTo(7 * 3);
    assertThat(s.firstMeasuredStage()).isEqualTo(7);
    assertThat(s.phases().subList(0, 7)).allMatch(KeyGenSchedule.Phase::warmup);
    assertThat(IntStream.rangeClosed(1, 3).map(u -> s.insertsOf(0, u)).boxed().toList()).as("8 split over 3 users").containsExactly(3, 3, 2);
    assertThat(s.insertsOf(7, 2)).isEqualTo(10);
    assertThat(s.name(0)).isEqualTo("seq warm-up");
    assertThat(s.group(0)).isEqualTo("seq");
    assertThat(s.insertRequest(0)).isEqualTo("warm-up insert seq");
    assertThat(s.name(7)).isEqualTo("seq round 1");
    assertThat(s.group(7)).isEqualTo("seq");
    assertThat(s.insertRequest(7)).isEqualTo("insert seq");
    assertThat(s.order(2)).as("rotated by 7 / 2 = 3").containsExactly("uuid4", "uuid7", "seq_block", "snowflake", "seq",
        "site_seq", "uuid1");
    assertThat(s.name(14)).isEqualTo("uuid4 round 2");
    KeyGenSchedule none = new KeyGenSchedule(plan("rounds = 1, warmup_inserts = 0"), SEVEN);
    assertThat(none.stages()).isEqualTo(7);
    assertThat(none.firstMeasuredStage()).isZero();
  }

  @Test
  void theAutomaticWarmupIsATenthOfARoundAndAtLeast500() {
    assertThat(plan("users = 8, inserts_per_user = 500").warmupInserts()).isEqualTo(500);
    assertThat(plan("users = 30, inserts_per_user = 10000").warmupInserts()).isEqualTo(30_000);
    assertThat(plan("users = 8, inserts_per_user = 500, warmup_inserts = 0").warmupInserts()).isZero();
    assertThat(plan("").rounds()).isEqualTo(3);
  }
}
