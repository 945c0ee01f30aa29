package io.ocppbridge.bench;

import java.util.List;

/** Handshake times (nanoTime, sorted) seen by the central system, as rates. */
record HandshakeRate(List<Long> times) {

  /** The most handshakes in any window of {@code windowNanos} (sliding, starting at each one). */
  int maxInWindow(long windowNanos) {
    int best = 0;
    int first = 0;
    for (int last = 0; last < times.size(); last++) {
      while (times.get(last) - times.get(first) >= windowNanos) {
        first++;
      }
      best = Math.max(best, last - first + 1);
    }
    return best;
  }

  /** Handshakes per second over {@code seconds}. */
  double mean(double seconds) {
    return times.size() / seconds;
  }
}
