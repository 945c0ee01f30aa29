package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarnEveryTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final WarnEvery warnings = new WarnEvery(Duration.ofMinutes(1), now::get);

  /** Verifies that a key is said the first time, then once per interval with the count unsaid. */
  @Test
  void firstOccurrenceThenOncePerIntervalWithTheCountInBetween() {
    assertThat(warnings.occurred("untrusted")).isZero();
    assertThat(warnings.occurred("untrusted")).isEqualTo(-1);
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(warnings.occurred("untrusted")).isEqualTo(-1);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(warnings.occurred("untrusted")).isEqualTo(2);
    assertThat(warnings.occurred("untrusted")).isEqualTo(-1);
  }

  /** Verifies that each cause has its own interval. */
  @Test
  void keysAreIndependent() {
    assertThat(warnings.occurred("expired")).isZero();
    assertThat(warnings.occurred("untrusted")).isZero();
    assertThat(warnings.occurred("expired")).isEqualTo(-1);
  }

  /** Verifies that many distinct keys do not grow the state without bound. */
  @Test
  void distinctKeysAreBounded() {
    for (int i = 0; i < WarnEvery.MAX_KEYS * 3; i++) {
      assertThat(warnings.occurred("cause " + i)).isZero();
    }
    assertThat(warnings.occurred("cause " + (WarnEvery.MAX_KEYS * 3 - 1))).isEqualTo(-1);
  }
}
