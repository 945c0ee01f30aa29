package io.ocppbridge.ws;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Decides when a warning shared by many chargers is worth a log line: the first time a key (one
 * cause, such as an untrusted certificate) is seen, then at most once per interval, saying how
 * often it happened in between. A misconfiguration that hits every charger at every reconnect
 * then costs one line a minute instead of one per attempt. Keys are bounded: beyond
 * {@link #MAX_KEYS} distinct keys the oldest state is dropped and a key counts as new again.
 */
final class WarnEvery {

  static final int MAX_KEYS = 256;

  private final long intervalNanos;
  private final LongSupplier clock;
  private final ConcurrentHashMap<String, State> keys = new ConcurrentHashMap<>();

  WarnEvery(Duration interval) {
    this(interval, System::nanoTime);
  }

  WarnEvery(Duration interval, LongSupplier clock) {
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
  }

  /**
   * Returns -1 when this occurrence of {@code key} should not be logged; otherwise the number of
   * occurrences not logged since the last line (0 for the first one).
   */
  long occurred(String key) {
    if (keys.size() >= MAX_KEYS && !keys.containsKey(key)) {
      keys.clear();
    }
    long now = clock.getAsLong();
    State state = keys.computeIfAbsent(key, k -> new State(now - intervalNanos));
    synchronized (state) {
      if (now - state.lastLogged < intervalNanos) {
        state.suppressed++;
        return -1;
      }
      state.lastLogged = now;
      long unsaid = state.suppressed;
      state.suppressed = 0;
      return unsaid;
    }
  }

  /** Guarded by itself. */
  private static final class State {
    long lastLogged;
    long suppressed;

    State(long lastLogged) {
      this.lastLogged = lastLogged;
    }
  }
}
