package io.ocppbridge.ws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: exponential from a floor to a ceiling, with jitter (each delay drawn between
 * half and all of its step), so that a central system coming back is not hit by every charger in
 * the same instant.
 */
record Backoff(Duration floor, Duration ceiling) {

  /** The delay before attempt number {@code failures + 1}, after {@code failures} failures. */
  Duration delay(int failures) {
    long floorMillis = Math.max(1, floor.toMillis());
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    long step = Math.min(ceiling.toMillis(), floorMillis << doublings);
    long half = step / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
  }
}
