package io.sequela.querybench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The three host assignments: affinity, order independence, and balance where promised. */
class AssignmentTest {

  /** 200 queries over host_000000..host_000009, 20 each, interleaved: the shape of the task's own CSV. */
  private static List<QueryParams> tenHosts() {
    List<QueryParams> q = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      q.add(new QueryParams(i + 2, String.format("host_%06d", (i * 7) % 10), null, null));
    }
    return q;
  }

  private static final List<QueryParams> SKEWED = QueryParamsCsv.readResource("querybench/query_params_skewed.csv");

  @Test
  void fiveWorkersOnTenHosts_balancedGivesEachTwo_rendezvousKeepsTodaysThreeThreeThreeOneZero() {
    Map<Integer, List<String>> balanced = WorkerQueues.split(tenHosts(), 5, Assignment.BALANCED).hosts();
    assertThat(balanced.values()).hasSize(5).allSatisfy(h -> assertThat(h).hasSize(2));

    Map<Integer, List<String>> rendezvous = WorkerQueues.split(tenHosts(), 5, Assignment.RENDEZVOUS).hosts();
    assertThat(rendezvous).isEqualTo(Map.of(
        1, List.of("host_000001", "host_000006", "host_000008"),
        2, List.of("host_000003", "host_000005", "host_000009"),
        3, List.of("host_000000", "host_000004", "host_000007"),
        4, List.of("host_000002"),
        5, List.of()));
    assertThat(rendezvous).isEqualTo(new RendezvousHash(5).assign(hostsOf(tenHosts())));
  }

  @Test
  void pinnedAssignmentsAreTheSameOnEveryRun() {
    // a change of the weights, the host order or the tie rule would move hosts between runs; the values were
    // computed independently (Python hashlib, the same greedy rule)
    assertThat(WorkerQueues.split(tenHosts(), 5, Assignment.BALANCED).hosts()).isEqualTo(Map.of(
        1, List.of("host_000001", "host_000006"),
        2, List.of("host_000003", "host_000005"),
        3, List.of("host_000000", "host_000007"),
        4, List.of("host_000002", "host_000009"),
        5, List.of("host_000004", "host_000008")));
    assertThat(queriesPerWorker(WorkerQueues.split(SKEWED, 5, Assignment.BALANCED_QUERIES)))
        .containsExactly(38L, 50L, 34L, 40L, 38L);
  }

  @Test
  void everyAssignmentKeepsOneWorkerPerHostAndIgnoresCsvOrder() {
    for (List<QueryParams> queries : List.of(tenHosts(), SKEWED)) {
      List<QueryParams> shuffled = new ArrayList<>(queries);
      Collections.shuffle(shuffled, new Random(7));
      for (Assignment a : Assignment.values()) {
        for (int workers : new int[] {1, 3, 5, 16}) {
          WorkerQueues q = WorkerQueues.split(queries, workers, a);
          assertThat(WorkerQueues.split(shuffled, workers, a).hosts()).as("%s, %d workers", a, workers).isEqualTo(q.hosts());
          assertThat(q.assignment()).isEqualTo(a);
          assertThat(q.hosts()).hasSize(workers);
          List<String> all = q.hosts().values().stream().flatMap(List::stream).toList();
          assertThat(all).doesNotHaveDuplicates().hasSameElementsAs(hostsOf(queries));
          for (int w = 1; w <= workers; w++) {
            int worker = w;
            assertThat(q.queue(w)).allMatch(p -> q.workerFor(p.hostname()) == worker)
                .isSortedAccordingTo((x, y) -> Integer.compare(x.line(), y.line()));
            assertThat(q.hosts().get(w)).isSorted()
                .isEqualTo(q.queue(w).stream().map(QueryParams::hostname).distinct().sorted().toList());
          }
          assertThat(q.queues().values().stream().mapToInt(List::size).sum()).isEqualTo(queries.size());
        }
      }
    }
  }

  @Test
  void balancedHostCountsDifferByAtMostOneAndNoWorkerIsIdleWhenHostsSuffice() {
    for (int hosts = 1; hosts <= 40; hosts++) {
      List<QueryParams> queries = new ArrayList<>();
      for (int h = 0; h < hosts; h++) {
        queries.add(new QueryParams(h + 2, "h" + h, null, null));
      }
      for (int workers = 1; workers <= 12; workers++) {
        List<Integer> counts = WorkerQueues.split(queries, workers, Assignment.BALANCED).hosts().values().stream()
            .map(List::size).toList();
        String as = hosts + " hosts, " + workers + " workers";
        assertThat(Collections.max(counts) - Collections.min(counts)).as(as).isLessThanOrEqualTo(1);
        assertThat(counts.stream().filter(c -> c > 0).count()).as(as).isEqualTo(Math.min(hosts, workers));
      }
    }
  }

  @Test
  void balancedQueriesSpreadsTheHeavyHostsAndBoundsTheSpreadByTheLargestHost() {
    for (int workers = 2; workers <= 8; workers++) {
      WorkerQueues q = WorkerQueues.split(SKEWED, workers, Assignment.BALANCED_QUERIES);
      Set<Integer> heavyOwners = new HashSet<>();
      for (String heavy : List.of("host_000003", "host_000011", "host_000016")) {
        heavyOwners.add(q.workerFor(heavy));
      }
      assertThat(heavyOwners).as("%d workers", workers).hasSize(Math.min(3, workers));
      List<Long> load = queriesPerWorker(q);
      // list scheduling: a worker took its last host while it was the least loaded, so max - min <= the largest host
      assertThat(Collections.max(load) - Collections.min(load)).as("%d workers", workers).isLessThanOrEqualTo(50);
      assertThat(load).allMatch(n -> n > 0);
    }
    // on the skewed CSV it beats hashing, which piles up queries on some workers
    assertThat(Collections.max(queriesPerWorker(WorkerQueues.split(SKEWED, 5, Assignment.RENDEZVOUS))))
        .isGreaterThan(Collections.max(queriesPerWorker(WorkerQueues.split(SKEWED, 5, Assignment.BALANCED_QUERIES))));
  }

  @Test
  void workerForAnUnknownHostIsAnError() {
    WorkerQueues q = WorkerQueues.split(tenHosts(), 5, Assignment.BALANCED);
    assertThatThrownBy(() -> q.workerFor("host_x")).hasMessage("no query names host 'host_x'");
  }

  @Test
  void settingValuesParseAndAnUnknownOneNamesTheChoices() {
    assertThat(Assignment.parse("rendezvous")).isEqualTo(Assignment.RENDEZVOUS);
    assertThat(Assignment.parse(" Balanced ")).isEqualTo(Assignment.BALANCED);
    assertThat(Assignment.parse("balanced-queries")).isEqualTo(Assignment.BALANCED_QUERIES);
    assertThat(Assignment.BALANCED_QUERIES.id()).isEqualTo("balanced-queries");
    assertThatThrownBy(() -> Assignment.parse("even"))
        .hasMessage("must be rendezvous, balanced or balanced-queries, got 'even'");
  }

  private static List<String> hostsOf(List<QueryParams> queries) {
    return queries.stream().map(QueryParams::hostname).distinct().toList();
  }

  private static List<Long> queriesPerWorker(WorkerQueues q) {
    return q.queues().values().stream().map(l -> (long) l.size()).collect(Collectors.toList());
  }
}
