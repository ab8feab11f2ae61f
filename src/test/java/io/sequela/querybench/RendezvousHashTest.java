package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousHashTest {

  private static final List<String> HOSTS =
      IntStream.range(0, 10_000).mapToObj(i -> String.format("host_%06d", i)).toList();

  @Test
  void sameHostGetsTheSameWorkerOnEveryRun() {
    // pinned values: a change of the hash input or byte order would move every host between runs
    RendezvousHash h = new RendezvousHash(4);
    assertThat(List.of(h.workerFor("host_000000"), h.workerFor("host_000008"), h.workerFor("host_000019")))
        .containsExactly(3, 1, 1);
    assertThat(new RendezvousHash(4).workerFor("host_000008")).isEqualTo(h.workerFor("host_000008"));
  }

  @Test
  void assignmentDoesNotDependOnInputOrder() {
    List<String> shuffled = new ArrayList<>(HOSTS);
    Collections.shuffle(shuffled, new Random(42));
    RendezvousHash h = new RendezvousHash(7);
    assertThat(h.assign(shuffled)).isEqualTo(h.assign(HOSTS));
    assertThat(h.assign(HOSTS).values().stream().mapToInt(List::size).sum()).isEqualTo(HOSTS.size());
  }

  @Test
  void tenThousandHostsSpreadWithinFivePercentOfEven() {
    for (int workers : new int[] {2, 4, 8}) {
      Map<Integer, List<String>> a = new RendezvousHash(workers).assign(HOSTS);
      double even = HOSTS.size() / (double) workers;
      assertThat(a).hasSize(workers);
      a.values().forEach(hosts -> assertThat(Math.abs(hosts.size() - even) / even).as("workers=%d", workers).isLessThan(0.05));
    }
  }

  @Test
  void addingAWorkerMovesOnlyHostsTheNewWorkerWins() {
    RendezvousHash four = new RendezvousHash(4);
    RendezvousHash five = new RendezvousHash(5);
    long moved = 0;
    for (String host : HOSTS) {
      int before = four.workerFor(host);
      int after = five.workerFor(host);
      if (before != after) {
        assertThat(after).as(host).isEqualTo(5);
        moved++;
      }
    }
    // the new worker takes about 1/5 of the hosts, all of them from the others
    assertThat(moved / (double) HOSTS.size()).isBetween(0.19, 0.21);
  }

  @Test
  void workerQueuesKeepFileOrderAndHostAffinity() {
    List<QueryParams> queries = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      queries.add(new QueryParams(i + 2, "host_" + (i % 7), null, null));
    }
    WorkerQueues q = WorkerQueues.split(queries, 3);
    RendezvousHash h = new RendezvousHash(3);
    assertThat(q.workers()).isEqualTo(3);
    for (int w = 1; w <= 3; w++) {
      List<QueryParams> queue = q.queue(w);
      int worker = w;
      assertThat(queue).allMatch(p -> h.workerFor(p.hostname()) == worker);
      assertThat(queue).isSortedAccordingTo((a, b) -> Integer.compare(a.line(), b.line()));
      assertThat(q.hosts().get(w)).isEqualTo(queue.stream().map(QueryParams::hostname).distinct().sorted().toList());
    }
    assertThat(q.queues().values().stream().mapToInt(List::size).sum()).isEqualTo(60);
  }

  @Test
  void sixteenWorkersOnTenHostsLeaveIdleWorkersListed() {
    List<String> ten = HOSTS.subList(0, 10);
    Map<Integer, List<String>> a = new RendezvousHash(16).assign(ten);
    assertThat(a).hasSize(16);
    assertThat(a.values()).anyMatch(List::isEmpty);
  }

  @Test
  void rejectsZeroWorkers() {
    assertThatThrownBy(() -> new RendezvousHash(0)).hasMessage("workers must be >= 1, got 0");
  }
}
