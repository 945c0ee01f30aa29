package io.ocppbridge.soap;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lets one log line per source through per interval and counts the rest, so that a flood from
 * one address leaves one line per interval instead of one per request. At most
 * {@link #MAX_SOURCES} sources are remembered; when more are seen within an interval, the
 * oldest are forgotten (they may then log once more, which only costs a line). Thread-safe.
 */
final class SourceRateLimit {

  static final int MAX_SOURCES = 4096;

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Window> windows = new HashMap<>();

  SourceRateLimit(Duration interval, LongSupplier nanoClock) {
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  SourceRateLimit(Duration interval) {
    this(interval, System::nanoTime);
  }

  /**
   * Returns -1 when this event must not be logged (counted as suppressed), else how many events
   * of the source were suppressed since its last logged one.
   */
  synchronized long admit(String source) {
    long now = nanoClock.getAsLong();
    Window w = windows.get(source);
    if (w != null && now - w.start < intervalNanos) {
      w.suppressed++;
      return -1;
    }
    long suppressed = w == null ? 0 : w.suppressed;
    if (w == null && windows.size() >= MAX_SOURCES) {
      windows.values().removeIf(old -> now - old.start >= intervalNanos);
      if (windows.size() >= MAX_SOURCES) {
        windows.clear();
      }
    }
    windows.put(source, new Window(now));
    return suppressed;
  }

  private static final class Window {
    final long start;
    long suppressed;

    Window(long start) {
      this.start = start;
    }
  }
}
