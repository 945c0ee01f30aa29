package io.ocppbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the accept-then-close soak measures something real at a tiny size: 30 chargers,
 * {@code csms.handshakeRate} 10, three seconds of a central system that closes every WebSocket
 * at once. The chaos must have happened (handshakes seen after the drop, connections counted as
 * unproven) and the cap must hold; no latency is asserted.
 */
class AcceptThenCloseSmokeTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void handshakesAfterTheDropStayWithinTheCap() throws Exception {
    // GIVEN 30 chargers booted through the bridge, capped at 10 handshakes a second
    // WHEN the central system closes every WebSocket right after accepting it, for 3 s
    AcceptThenCloseScenario.Result result =
        AcceptThenCloseScenario.measure(30, Duration.ofSeconds(3), 10);
    System.out.println("accept-close smoke: boot " + result.boot().times().size()
        + ", after the drop " + result.flapping().times().size() + " handshakes, max in 1 s "
        + result.flapping().maxInWindow(SECOND));
    // THEN every charger booted over its own WebSocket, and reconnections were attempted
    assertThat(result.boot().times()).hasSize(30);
    assertThat(result.flapping().times()).isNotEmpty();
    assertThat(result.unproven()).isPositive();
    // AND no more than a full bucket plus three seconds' refill reached the central system
    assertThat(result.flapping().times().size()).isLessThanOrEqualTo(40);
    assertThat(result.met()).isTrue();
  }

  @Test
  void maxInWindowCountsTheBusiestSlidingWindow() {
    // GIVEN handshakes at 0, 0.1, 0.5, 0.9, 1.05, 1.2 and 3 s
    HandshakeRate rate = new HandshakeRate(List.of(0L, SECOND / 10, SECOND / 2,
        9 * SECOND / 10, SECOND + SECOND / 20, SECOND + SECOND / 5, 3 * SECOND));
    // THEN the busiest second holds four, never five (0.1 to 1.2 is longer than a second),
    // and the mean over 3.5 s is 2 a second
    assertThat(rate.maxInWindow(SECOND)).isEqualTo(4);
    assertThat(rate.mean(3.5)).isEqualTo(2.0);
  }
}
