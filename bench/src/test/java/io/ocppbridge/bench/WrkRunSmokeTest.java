package io.ocppbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import io.ocppbridge.core.ChargerId;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that scenario {@code wrk} measures the relay it claims to: Debian's wrk, driven by the
 * generated Lua script, gets its Heartbeats answered by the bridge under the identities the
 * script rotates through, and a request the bridge refuses is counted as a failure, not as
 * throughput. No timing is asserted.
 */
class WrkRunSmokeTest {

  @TempDir
  Path dir;

  @BeforeAll
  static void requireWrk() {
    if (!WrkRun.installed()) {
      String reason = "needs Debian's wrk package (.ci/run installs it)";
      if (System.getenv("CI") != null) {
        throw new AssertionError(reason + "; CI is set, so this fails instead of skipping");
      }
      Assumptions.abort(reason);
    }
  }

  /** Verifies that wrk's Heartbeats reach the bridge under rotating identities, all answered. */
  @Test
  void heartbeatsUnderRotatingIdentitiesAreAllAnswered() throws Exception {
    try (BridgeUnderTest under = BridgeUnderTest.withSimulator(Duration.ZERO,
        Duration.ofSeconds(10))) {
      // WHEN wrk posts for 2 s with 2 threads, 4 connections, 6 identities
      WrkRun.Result result = new WrkRun(dir, 2, 4, 6).run(under.soapUrl(),
          heartbeat(under.soapUrl().toString()), SoapEnvelopes.contentType(Operation.HEARTBEAT),
          Duration.ofSeconds(2));
      System.out.println("wrk smoke: " + result);
      // THEN requests were answered, none failed, and the CPU of this process was counted
      assertThat(result.requests()).isPositive();
      assertThat(result.failures()).isZero();
      assertThat(result.cpuNanos()).isPositive();
      // AND both threads' identities reached the central system through the bridge
      for (String id : new String[] {"WRK0-1", "WRK0-2", "WRK1-1", "WRK1-2"}) {
        assertThat(under.bridge().isConnected(new ChargerId(id))).as(id).isTrue();
      }
    }
  }

  /** Verifies that a refused request (a SOAP fault) counts as a failure. */
  @Test
  void aFaultIsAFailure() throws Exception {
    try (BridgeUnderTest under = BridgeUnderTest.withSimulator(Duration.ZERO,
        Duration.ofSeconds(10))) {
      // GIVEN a Heartbeat whose body element the central-system service does not know
      String wrong = heartbeat(under.soapUrl().toString())
          .replace("heartbeatRequest", "heartbeatRequestX");
      // WHEN wrk posts it for a second
      WrkRun.Result result = new WrkRun(dir, 1, 2, 2).run(under.soapUrl(), wrong,
          SoapEnvelopes.contentType(Operation.HEARTBEAT), Duration.ofSeconds(1));
      // THEN every answer is counted as not OK
      assertThat(result.requests()).isPositive();
      assertThat(result.notOk()).isEqualTo(result.requests());
    }
  }

  private static String heartbeat(String to) {
    return WrkScenario.envelope(to);
  }
}
