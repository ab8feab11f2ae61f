package io.sequela.seqorder;

import io.sequela.load.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spots a dead database: a node whose inserts fail and that has had no successful insert for
 * {@code sequela.abort-after} (counted from its last success, or from when it was first watched). A node whose
 * inserts succeed again, even after many failures (a session killed by the DBA, then a reconnect), is alive.
 * Times are {@link System#nanoTime()} values given by the caller, so the rule is tested without waiting.
 * Thread-safe: outcomes arrive on the worker threads, {@link #check} runs on a timer.
 */
final class DeadNodeWatch {

  private final long abortAfterNanos;
  private final String abortAfterText;
  private final Map<String, Node> nodes = new ConcurrentHashMap<>();

  /** @param abortAfter how long a failing node may go without a successful insert, more than 0 */
  DeadNodeWatch(Duration abortAfter) {
    this.abortAfterNanos = abortAfter.toNanos();
    this.abortAfterText = abortAfter.toMillis() % 1000 == 0 ? abortAfter.toSeconds() + " s" : abortAfter.toMillis() + " ms";
  }

  private static final class Node {
    final String host;
    long lastSuccessNanos;
    boolean failing;
    String lastError;

    Node(String host, long nowNanos) {
      this.host = host;
      this.lastSuccessNanos = nowNanos;
    }
  }

  /**
   * Starts watching a node (its stage has opened), as if it had just succeeded.
   *
   * @param node e.g. {@code node 1}
   * @param host where it connects, for the message (never a password)
   */
  void watch(String node, String host, long nowNanos) {
    nodes.put(node, new Node(host, nowNanos));
  }

  /** Stops watching a node (its stage has finished). */
  void forget(String node) {
    nodes.remove(node);
  }

  /** Records the outcome of one of a watched node's inserts; ignored for a node not watched. */
  void outcome(String node, Outcome o, long nowNanos) {
    Node n = nodes.get(node);
    if (n == null) {
      return;
    }
    synchronized (n) {
      if (o.ok()) {
        n.lastSuccessNanos = nowNanos;
        n.failing = false;
      } else {
        n.failing = true;
        n.lastError = o.error();
      }
    }
  }

  /**
   * The first node found dead, as one line naming it, its host and its last error, e.g.
   * {@code node 1 (127.0.0.1:5432): no successful insert for 30 s while its inserts fail; last error: ...}.
   */
  Optional<String> check(long nowNanos) {
    for (Map.Entry<String, Node> e : nodes.entrySet()) {
      Node n = e.getValue();
      synchronized (n) {
        if (n.failing && nowNanos - n.lastSuccessNanos >= abortAfterNanos) {
          return Optional.of(e.getKey() + " (" + n.host + "): no successful insert for " + abortAfterText
              + " while its inserts fail; last error: " + n.lastError.replaceAll("\\s*\\R\\s*", " "));
        }
      }
    }
    return Optional.empty();
  }
}
