package io.sequela.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.sequela.SequelaException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** -Dsequela.injector, -Dsequela.run-id and -Dsequela.injector-timeout; users dealt round-robin over injectors. */
class InjectorTest {

  private static final TargetSpec EMBEDDED = TargetSpec.parse("embedded", null, null);

  private static TestSpec test(int... usersPerNode) {
    List<ScenarioSpec> nodes = IntStream.range(0, usersPerNode.length)
        .mapToObj(i -> new ScenarioSpec(i + 1, 10 * (i + 1), Duration.ZERO, usersPerNode[i], EMBEDDED)).toList();
    return new TestSpec("t", "", nodes, List.of(SequenceMode.ORDER, SequenceMode.NOORDER), 20, Pacing.DELAY);
  }

  /** Users per node number over all injectors' shares, and each share's planned inserts per node. */
  private static Map<Integer, Integer> usersOverAllShares(TestSpec t, int injectors) {
    Map<Integer, Integer> users = new HashMap<>();
    for (int i = 1; i <= injectors; i++) {
      for (ScenarioSpec s : new Injector(i, injectors).share(t).scenarii()) {
        users.merge(s.nodeNumber(), s.users(), Integer::sum);
        assertThat(s.iterations()).isEqualTo(10 * s.nodeNumber());
      }
    }
    return users;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void sharesOfAllInjectorsAddUpToThePlan(int injectors) {
    TestSpec t = test(2, 3, 1, 7);
    assertThat(usersOverAllShares(t, injectors)).isEqualTo(Map.of(1, 2, 2, 3, 3, 1, 4, 7));
    long planned = t.scenarii().stream().mapToLong(ScenarioSpec::plannedInserts).sum();
    long shared = IntStream.rangeClosed(1, injectors)
        .mapToLong(i -> new Injector(i, injectors).share(t).scenarii().stream().mapToLong(ScenarioSpec::plannedInserts).sum()).sum();
    assertThat(shared).isEqualTo(planned);
  }

  @Test
  void usersAreDealtRoundRobinAcrossNodesSoASmallNodeIsDrivenFromFewerInjectors() {
    TestSpec t = test(2, 2, 1); // users 0,1 on node 1, 2,3 on node 2, 4 on node 3
    assertThat(new Injector(1, 3).share(t).scenarii()).extracting(ScenarioSpec::nodeNumber, ScenarioSpec::users)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 1));
    assertThat(new Injector(2, 3).share(t).scenarii()).extracting(ScenarioSpec::nodeNumber, ScenarioSpec::users)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(3, 1));
    assertThat(new Injector(3, 3).share(t).scenarii()).extracting(ScenarioSpec::nodeNumber, ScenarioSpec::users)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1));
    assertThat(Injector.SINGLE.share(t)).isSameAs(t);
    TestSpec limited = new TestSpec("l", "", t.scenarii(), t.modes(), 20, Pacing.DELAY, new Limits(java.util.Map.of(Limit.KO_MAX, 0.0)));
    assertThat(new Injector(2, 3).share(limited).assertions()).as("a share keeps the test's assertions").isEqualTo(limited.assertions());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0/2", "3/2", "2", "1/0", "a/b", "-1/2", "1 / 2"})
  void aBadInjectorIsOneLineNamingTheSetting(String text) {
    assertThatThrownBy(() -> Injector.parse(text)).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.injector: must be <i>/<n> with 1 <= i <= n, e.g. 2/3, got '" + text + "'");
  }

  private static SeqOrderSettings settings(String overrides) {
    return SeqOrderSettings.from(ConfigFactory.parseString(overrides).withFallback(Settings.referenceDefaults()).resolve()
        .getConfig(Settings.ROOT));
  }

  @Test
  void oneInjectorNeedsNoRunIdAndSeveralShareOne() {
    SeqOrderSettings one = settings("");
    assertThat(one.injector()).isEqualTo(Injector.SINGLE);
    assertThat(one.runId()).isEmpty();
    assertThat(one.injectorTimeout()).isEqualTo(Duration.ofMinutes(5));
    SeqOrderSettings two = settings("sequela { injector = \"2/2\", run-id = nightly-42, injector-timeout = 30s, "
        + "target = \"jdbc:postgresql://db:5432/app\" }");
    assertThat(two.injector()).isEqualTo(new Injector(2, 2));
    assertThat(two.runId()).isEqualTo("nightly-42");
    assertThat(two.injectorTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void badInjectorSettingsAreOneLineEach() {
    assertThatThrownBy(() -> settings("sequela.injector = \"2/3\"")).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.run-id: must be set when sequela.injector is 2/3 (give every injector of the run the same id)");
    assertThatThrownBy(() -> settings("sequela.run-id = \"a b\"")).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.run-id: must be 1 to 64 letters, digits, '.', '_' or '-', got 'a b'");
    assertThatThrownBy(() -> settings("sequela { injector = \"1/2\", run-id = r }")).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessageStartingWith("sequela.target: several injectors need one database they all reach");
    assertThatThrownBy(() -> settings("sequela { injector = \"1/2\", run-id = r, injector-timeout = 0s }"))
        .isInstanceOf(SequelaException.InvalidInput.class).hasMessage("sequela.injector-timeout: must be positive, got 0s");
    // plans/default.json: 2 + 2 users per test, so a fifth injector would drive nobody
    assertThatThrownBy(() -> settings("sequela { injector = \"5/5\", run-id = r, target = \"jdbc:h2:mem:x\" }")).isInstanceOf(SequelaException.InvalidInput.class)
        .hasMessage("sequela.injector: injector 5/5 drives no virtual user: no test of default.json has more than 4 users");
  }
}
