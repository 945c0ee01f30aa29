package io.ocppbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import io.ocppbridge.core.ChargerId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  /**
   * Verifies {@code wrk --own-jvms}: both targets in child JVMs, warmed up and measured in turn,
   * every Heartbeat answered, and each side's CPU and heap read from its own process: within what
   * that process spent around the runs, and, for one more run, more than this (waiting) JVM spent
   * meanwhile.
   */
  @Test
  void inOwnJvmsEachTargetsCostIsReadFromItsOwnProcess() throws Exception {
    // GIVEN both targets in child JVMs; 3 s of warm-up each (2 s JIT, 1 s), then a second each
    BenchOptions ownJvms = new BenchOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0,
        0, 5, 3, 1, true, Duration.ofSeconds(2));
    WrkRun wrk = new WrkRun(dir, 2, 4, 6);
    try (ChildTargets targets = ChildTargets.start("wrk smoke")) {
      CostMeter.Cost bareBefore = targets.bare().read();
      CostMeter.Cost bridgeBefore = targets.bridge().read();
      // WHEN wrk posts to the bare endpoint and to the bridge, each in its own process
      WrkRun.Result[] results = WrkScenario.inOwnJvms(wrk, targets, ownJvms);
      System.out.println("wrk smoke, own JVMs: " + List.of(results));
      // THEN both answered every request
      for (WrkRun.Result r : results) {
        assertThat(r.requests()).isPositive();
        assertThat(r.failures()).isZero();
      }
      // AND each side's CPU and heap are a share of what its process spent around the runs
      assertCostWithin(results[0], targets.bridge().read().since(bridgeBefore));
      assertCostWithin(results[1], targets.bare().read().since(bareBefore));

      // AND WHEN the bridge is measured once more, this JVM's CPU read around that run alone
      CostMeter.Cost thisBefore = CostMeter.THIS_PROCESS.read();
      WrkRun.Result again = wrk.run(targets.bridge().url(),
          heartbeat(targets.bridge().url().toString()),
          SoapEnvelopes.contentType(Operation.HEARTBEAT), Duration.ofSeconds(1),
          targets.bridge());
      CostMeter.Cost thisJvm = CostMeter.THIS_PROCESS.read().since(thisBefore);
      System.out.println("wrk smoke, bridge again: " + again + "; this JVM " + thisJvm);
      // THEN the CPU counted is the busy bridge's, more than this JVM spent waiting for wrk
      assertThat(again.failures()).isZero();
      assertThat(again.cpuNanos()).isGreaterThan(thisJvm.cpuNanos());
    }
  }

  private static void assertCostWithin(WrkRun.Result result, CostMeter.Cost process) {
    assertThat(result.cpuNanos()).isPositive().isLessThanOrEqualTo(process.cpuNanos());
    assertThat(result.allocatedBytes()).isPositive()
        .isLessThanOrEqualTo(process.allocatedBytes());
  }

  private static String heartbeat(String to) {
    return WrkScenario.envelope(to);
  }
}
