package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Unit tests of {@link HandshakePacer}'s reservations on a hand-driven clock. */
class HandshakePacerTest {

  private static final long MS = 1_000_000L;

  /** Verifies one second's worth at once, then one slot per interval, then refilling. */
  @Test
  void burstThenOneSlotPerInterval() {
    AtomicLong now = new AtomicLong(1_000 * MS);
    HandshakePacer pacer = new HandshakePacer(5, null, now::get);

    for (int i = 0; i < 5; i++) {
      assertThat(pacer.reserve()).isZero();
    }
    assertThat(pacer.reserve()).isEqualTo(200 * MS);
    assertThat(pacer.reserve()).isEqualTo(400 * MS);

    // after a quiet while the bucket is full again
    now.addAndGet(10_000 * MS);
    for (int i = 0; i < 5; i++) {
      assertThat(pacer.reserve()).isZero();
    }
    assertThat(pacer.reserve()).isPositive();
  }

  /** Verifies that a rate below one a second spaces every handshake after the first. */
  @Test
  void slowRateSpacesEveryHandshake() {
    AtomicLong now = new AtomicLong(0);
    HandshakePacer pacer = new HandshakePacer(0.5, null, now::get);
    assertThat(pacer.reserve()).isZero();
    assertThat(pacer.reserve()).isEqualTo(2_000 * MS);
  }
}
