package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Reconnect delays: exponential, jittered, capped. */
class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  /** Verifies that each delay lies between half and all of its doubling step. */
  @RepeatedTest(20)
  void delaysDoubleWithJitter() {
    assertThat(backoff.delay(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(backoff.delay(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(backoff.delay(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  /** Verifies that the ceiling caps every delay, however many failures. */
  @Test
  void ceilingCapsTheDelay() {
    for (int failures = 1; failures < 100; failures++) {
      assertThat(backoff.delay(failures)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }
    assertThat(backoff.delay(99)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }

  /** Verifies that jitter actually spreads the delays of many chargers. */
  @Test
  void jitterSpreadsDelays() {
    long distinct = java.util.stream.IntStream.range(0, 50)
        .mapToObj(i -> backoff.delay(6)).distinct().count();
    assertThat(distinct).isGreaterThan(10);
  }
}
