package io.ocppbridge.core;

import java.time.Duration;

/** Durations as operators read them in messages: "30 s", "500 ms", "1.5 s". */
public final class Durations {

  private Durations() {}

  /** The time passed since {@code startNanos}, a reading of {@link System#nanoTime()}. */
  public static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  public static String text(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 == 0) {
      return (millis / 1000) + " s";
    }
    return millis < 1000 ? millis + " ms" : (millis / 1000.0) + " s";
  }
}
