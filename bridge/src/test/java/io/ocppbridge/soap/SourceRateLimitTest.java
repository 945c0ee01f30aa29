package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-source log limit of refusals, on a clock the test moves. */
class SourceRateLimitTest {

  private final AtomicLong now = new AtomicLong();
  private final SourceRateLimit limit = new SourceRateLimit(Duration.ofSeconds(10), now::get);

  /** Verifies one line per source per interval, the next one telling how many were held back. */
  @Test
  void letsOneEventPerSourceAndIntervalThroughAndCountsTheRest() {
    // GIVEN a first event from a source: logged, nothing held back
    assertThat(limit.admit("10.0.0.1")).isZero();
    // WHEN it sends three more within the interval
    // THEN none is logged
    for (int i = 0; i < 3; i++) {
      assertThat(limit.admit("10.0.0.1")).isEqualTo(-1);
    }
    // AND another source is not held back by it
    assertThat(limit.admit("10.0.0.2")).isZero();
    // AND after the interval the next one is logged, saying three were not
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(limit.admit("10.0.0.1")).isEqualTo(3);
    assertThat(limit.admit("10.0.0.1")).isEqualTo(-1);
  }

  /** Verifies that the sources remembered stay bounded when many send at once. */
  @Test
  void remembersABoundedNumberOfSources() {
    // WHEN more distinct sources than the bound send within one interval
    for (int i = 0; i < SourceRateLimit.MAX_SOURCES + 10; i++) {
      limit.admit("src-" + i);
    }
    // THEN a new one is still logged (the table was emptied rather than grown)
    assertThat(limit.admit("late")).isZero();
  }
}
