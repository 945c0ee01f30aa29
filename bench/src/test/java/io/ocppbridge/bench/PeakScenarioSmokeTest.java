package io.ocppbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the harness measures something real: scenario (a)'s load, 5 chargers for about
 * a second, against the bridge (in-process, with the built-in central system) and the bare
 * endpoint. Every request must come back HTTP 200 with the operation's SOAP response element
 * (the load generator checks each one); no timing is asserted.
 */
class PeakScenarioSmokeTest {

  private static final BenchOptions TINY =
      new BenchOptions(Duration.ofSeconds(2), Duration.ofSeconds(1), 1.0, 5, 5, 3);

  @Test
  void everyRequestToTheBridgeIsAnsweredWithItsResponseElement() throws Exception {
    // GIVEN the bridge wired to the simulated central system
    try (BridgeUnderTest under = BridgeUnderTest.withSimulator(Duration.ZERO,
        Duration.ofSeconds(10))) {
      // WHEN 5 chargers send the mixed load for a second
      LoadResult result = MixedLoad.closedLoop(under.soapUrl(),
          MixedLoad.chargers("SMOKE", 5), TINY);
      // THEN every answer was a 200 with the right response element, and some were counted
      System.out.println("smoke, bridge: " + result);
      assertThat(result.failureExamples()).isEmpty();
      assertThat(result.failures()).isZero();
      assertThat(result.answeredInWholeRun()).isPositive();
      assertThat(result.latencyMicros().getTotalCount()).isEqualTo(result.answered());
      // AND the load generator's own threads were measured apart: the target's CPU is a part
      assertThat(result.loadCpuNanos()).as("load generator's CPU").isPositive();
      assertThat(result.targetCpuMicrosPerRequest()).isPositive()
          .isLessThan(result.cpuMicrosPerRequest());
    }
  }

  @Test
  void everyRequestToTheBareEndpointIsAnsweredWithItsResponseElement() throws Exception {
    // GIVEN the bare CXF endpoint
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp")) {
      // WHEN 5 chargers send the mixed load for a second
      LoadResult result = MixedLoad.closedLoop(endpoint.url(),
          MixedLoad.chargers("SMOKE", 5), TINY);
      // THEN the same checks hold
      System.out.println("smoke, bare: " + result);
      assertThat(result.failures()).isZero();
      assertThat(result.answeredInWholeRun()).isPositive();
    }
  }

  /**
   * Verifies that half-load's full-scale warm-up keeps to the turns' rate: an open loop at 40
   * requests a second for 1.5 s sends 60, where the closed loop it replaced for half-load sends
   * as many as the target answers (hundreds a second even here).
   */
  @Test
  void halfLoadWarmsUpAtItsOwnRateAndPeakAtSaturation() throws Exception {
    // GIVEN the bare CXF endpoint and 5 chargers
    List<String> chargers = MixedLoad.chargers("WARM", 5);
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        LoadGenerator load = MixedLoad.generator(endpoint.url())) {
      // WHEN each kind of full-scale warm-up runs for 1.5 s
      LoadResult open = JitWarmup.FullScaleLoad.openLoop(40)
          .run(load, chargers, Duration.ofMillis(1500));
      LoadResult closed = JitWarmup.FullScaleLoad.closedLoop()
          .run(load, chargers, Duration.ofMillis(1500));
      // THEN the open loop sent what its rate allows, every one answered, none skipped
      assertThat(open.failures()).isZero();
      assertThat(open.skipped()).isZero();
      assertThat(open.answered()).isEqualTo(60);
      // AND the closed loop was held back by nothing but the answers
      assertThat(closed.failures()).isZero();
      assertThat(closed.answered()).isGreaterThan(3 * open.answered());
    }
  }

  /**
   * Verifies the alternating turns of {@code --rounds}: both targets measured twice, every
   * answer right, each side's figures the sum of its two turns.
   */
  @Test
  void inTurnsMeasuresEachTargetOnceARoundAndSumsItsTurns() throws Exception {
    // GIVEN two rounds of a second each
    BenchOptions twoRounds = new BenchOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0,
        5, 5, 3, 2);
    // WHEN the bare endpoint and the bridge are measured in turn
    LoadResult[] results = PeakThroughputScenario.inTurns(MixedLoad.chargers("TURNS", 5),
        twoRounds);
    // THEN each side was measured for two windows of a second, and answered in them
    for (LoadResult r : results) {
      System.out.println("smoke, in turns: " + r);
      assertThat(r.failures()).isZero();
      assertThat(r.seconds()).isEqualTo(2.0);
      assertThat(r.answered()).isPositive();
      assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.answered());
      // AND the CPU of every turn was read, although its lanes may end before its window
      assertThat(r.cpuMicrosPerRequest()).isPositive();
    }
  }

  /**
   * Verifies {@code --own-jvms} of {@code peak} and {@code half-load} (one set of child JVMs for
   * both, to start them once): each target in a child JVM, warmed up there, the closed loop and
   * then the open loop in turns, every answer right, and the CPU and heap of each window read
   * from the target's process, which the load generator's threads are not part of.
   */
  @Test
  void inOwnJvmsEachTargetIsMeasuredInItsOwnProcess() throws Exception {
    // GIVEN both targets in child JVMs, warmed up there for a second, one round of a second
    BenchOptions ownJvms = new BenchOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0,
        5, 5, 3, 1, true, Duration.ofSeconds(1));
    List<String> chargers = MixedLoad.chargers("OWN", 5);
    try (ChildTargets targets = ChildTargets.start("smoke")) {
      // WHEN peak's closed loop is measured in turn on each, in its own process
      LoadResult[] peak = MixedLoad.inTurns("peak", targets, ownJvms, chargers,
          PeakThroughputScenario.closedLoop(chargers, ownJvms),
          JitWarmup.FullScaleLoad.closedLoop());
      // THEN both answered every request, and their cost was read from their processes
      for (LoadResult r : peak) {
        System.out.println("smoke, own JVMs: " + r);
        assertThat(r.failures()).isZero();
        assertThat(r.answered()).isPositive();
        assertOwnProcessCost(r);
      }
      // AND WHEN half-load's open loop follows, 20 requests a second (no second JIT warm-up)
      BenchOptions noJitWarmup = new BenchOptions(Duration.ofSeconds(1), Duration.ofSeconds(1),
          1.0, 5, 5, 3, 1, true, Duration.ZERO);
      LoadResult[] half = MixedLoad.inTurns("half-load", targets, noJitWarmup, chargers,
          HalfLoadLatencyScenario.openLoop(chargers, 20, noJitWarmup),
          JitWarmup.FullScaleLoad.openLoop(20));
      // THEN every request of its window was sent and answered right, none skipped
      for (LoadResult r : half) {
        System.out.println("smoke, half load, own JVMs: " + r);
        assertThat(r.failureExamples()).isEmpty();
        assertThat(r.failures()).isZero();
        assertThat(r.skipped()).isZero();
        assertThat(r.answered()).as("every request of the window").isEqualTo(20);
        assertOwnProcessCost(r);
      }
      // AND the half-load table says where the CPU and heap were read
      ResultTable table = new ResultTable();
      HalfLoadLatencyScenario.report(table, "half", half[0], half[1], true);
      assertThat(table.rows()).extracting(ResultRow::metric).contains(
          "CPU per request (the target's own process)",
          "heap allocated per request (the target's own process)");
    }
  }

  /** The window's cost came from the target's process: none of the load generator's CPU. */
  private static void assertOwnProcessCost(LoadResult r) {
    assertThat(r.loadCpuNanos()).as("load generator's CPU in the target's process").isZero();
    assertThat(r.cpuMicrosPerRequest()).isPositive();
    assertThat(r.kilobytesPerRequest()).isPositive();
  }

  /**
   * Verifies that the pass before the own-JVM turns has each charger answered once, more
   * chargers than it sends at a time.
   */
  @Test
  void connectHasEachChargerAnsweredOnceBeforeTheTurns() throws Exception {
    List<String> chargers = MixedLoad.chargers("CONNECT", MixedLoad.CONNECTING_AT_ONCE + 50);
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        LoadGenerator load = MixedLoad.generator(endpoint.url())) {
      LoadResult connected = MixedLoad.connect("smoke", load, chargers);
      assertThat(connected.failureExamples()).isEmpty();
      assertThat(connected.answered()).isEqualTo(chargers.size());
    }
  }

  /**
   * Verifies the full-scale part of the warm-up: a fifth of the JIT warm-up, every charger of
   * the turns loading each target in closed loop, nothing failed; none for a zero warm-up.
   */
  @Test
  void theFullScaleWarmUpLoadsEachTargetWithEveryCharger() throws Exception {
    List<String> chargers = MixedLoad.chargers("FULL", 20);
    try (BareSoapEndpoint one = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        BareSoapEndpoint other = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        LoadGenerator toOne = MixedLoad.generator(one.url());
        LoadGenerator toOther = MixedLoad.generator(other.url())) {
      // GIVEN a JIT warm-up of 5 s WHEN the full-scale part runs
      List<LoadResult> runs = JitWarmup.atFullScale("smoke", toOne, toOther, chargers,
          Duration.ofSeconds(5), JitWarmup.FullScaleLoad.closedLoop());
      // THEN each target carried a second of the 20 chargers' closed loop, every answer right
      assertThat(runs).hasSize(2);
      for (LoadResult r : runs) {
        assertThat(r.failureExamples()).isEmpty();
        assertThat(r.answered()).isGreaterThanOrEqualTo(chargers.size());
        assertThat(r.seconds()).isBetween(0.9, 1.5);
      }
      // AND without a JIT warm-up there is no full-scale part
      assertThat(JitWarmup.atFullScale("smoke", toOne, toOther, chargers, Duration.ZERO,
          JitWarmup.FullScaleLoad.closedLoop())).isEmpty();
    }
  }

  @Test
  void aChildTargetReportsItsOwnProcessCost() throws Exception {
    // GIVEN the bare endpoint in a child JVM
    try (ChildTarget child = ChildTarget.bare()) {
      assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
      CostMeter.Cost before = child.read();
      // WHEN it answers load
      LoadResult result = MixedLoad.closedLoop(child.url(), MixedLoad.chargers("CHILD", 5),
          TINY);
      CostMeter.Cost after = child.read();
      // THEN its own CPU time and heap grew, as read from it
      assertThat(result.failures()).isZero();
      assertThat(before.cpuNanos()).isPositive();
      assertThat(after.cpuNanos()).isGreaterThan(before.cpuNanos());
      assertThat(after.allocatedBytes()).isGreaterThan(before.allocatedBytes());
    }
  }

  @Test
  void answerCheckRefusesAFaultAndAcceptsThePrefixedResponseElement() {
    // GIVEN a fault and a real answer
    String fault = "<soap:Envelope><soap:Body><soap:Fault><soap:Reason>x</soap:Reason>"
        + "</soap:Fault></soap:Body></soap:Envelope>";
    String answer = "<soap:Envelope><soap:Header><wsa:Action>/HeartbeatResponse</wsa:Action>"
        + "</soap:Header><soap:Body><ns2:heartbeatResponse xmlns:ns2=\"urn://Ocpp/Cs/2012/06/\">"
        + "<ns2:currentTime>2026-11-22T01:00:00Z</ns2:currentTime></ns2:heartbeatResponse>"
        + "</soap:Body></soap:Envelope>";
    // THEN only the answer passes
    assertThat(List.of(SoapEnvelopes.isAnswer(SoapEnvelopes.Operation.HEARTBEAT, fault),
        SoapEnvelopes.isAnswer(SoapEnvelopes.Operation.HEARTBEAT, answer)))
        .containsExactly(false, true);
  }
}
