package io.ocppbridge.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the WebSockets open at once per charger identity at a simulated central system, and how
 * long an identity had more than one: what a central system sees when two bridge nodes hold one
 * charger.
 */
public final class SocketsPerIdentity {

  private final Map<String, Integer> open = new HashMap<>();
  private final Map<String, Integer> most = new HashMap<>();
  private final Map<String, Long> duplicateSince = new HashMap<>();
  private long longestDuplicateNanos;

  synchronized void opened(String identity) {
    int now = open.merge(identity, 1, Integer::sum);
    most.merge(identity, now, Math::max);
    if (now == 2) {
      duplicateSince.put(identity, System.nanoTime());
    }
  }

  synchronized void closed(String identity) {
    int now = open.merge(identity, -1, Integer::sum);
    if (now <= 1) {
      Long since = duplicateSince.remove(identity);
      if (since != null) {
        longestDuplicateNanos = Math.max(longestDuplicateNanos, System.nanoTime() - since);
      }
    }
    if (now <= 0) {
      open.remove(identity);
    }
  }

  /** WebSockets open now for {@code identity}. */
  public synchronized int open(String identity) {
    return open.getOrDefault(identity, 0);
  }

  /** The most WebSockets ever open at once for {@code identity}. */
  public synchronized int most(String identity) {
    return most.getOrDefault(identity, 0);
  }

  /**
   * The longest time any identity had two or more WebSockets open, counting one that still
   * has.
   */
  public synchronized Duration longestDuplicate() {
    long now = System.nanoTime();
    long longest = longestDuplicateNanos;
    for (long since : duplicateSince.values()) {
      longest = Math.max(longest, now - since);
    }
    return Duration.ofNanos(longest);
  }

  /** Identities with two or more WebSockets open now. */
  public synchronized int duplicatedNow() {
    return (int) open.values().stream().filter(n -> n > 1).count();
  }
}
