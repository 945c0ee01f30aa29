package io.ocppbridge.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every connection to the central system is cut, without a close frame, at random moments while
 * chargers send requests (issue 5, item 9): each request still gets its answer or a fault within
 * its timeout, and the bridge reconnects every charger on its own.
 */
class RandomCutsTest {

  private static final int CHARGERS = 5;
  private static final int CUTS = 5;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration LOAD = Duration.ofSeconds(6);
  /** The central system answers after this delay, so that cuts often hit a call in flight. */
  private static final Duration ANSWER_DELAY = Duration.ofMillis(30);

  /**
   * Verifies that random connection cuts leave no request unanswered or late, fail the calls in
   * flight at once, acknowledge nothing the central system did not answer, and end with every
   * charger connected again without a new request.
   */
  @Test
  void randomCutsLeaveNoRequestUnansweredAndEveryChargerReconnected() throws Exception {
    // GIVEN 5 chargers sending Heartbeats through a bridge to a central system answering in 30 ms
    long seed = System.nanoTime();
    Random random = new Random(seed);
    try (BridgeFixture fixture = BridgeFixture.start(Map.of("csms.callTimeout", "3s",
        "csms.reconnectFloor", "100ms", "csms.reconnectCeiling", "500ms"))) {
      SensibleCsmsAnswers sensible = new SensibleCsmsAnswers(new UniqueAnswers());
      fixture.csms().replyWith(call -> CsmsReply.after(ANSWER_DELAY,
          sensible.apply(call).frameText()));
      List<String> identities = IntStream.range(0, CHARGERS).mapToObj(i -> "CUT-" + i).toList();
      List<HeartbeatLoad.Outcome> outcomes;
      try (HeartbeatLoad load = HeartbeatLoad.start(fixture.soapUrl(), identities, CHARGERS, LOAD,
          2_000)) {

        // WHEN every central-system connection is dropped at 5 random moments during the load
        long spanMillis = LOAD.toMillis() - 1_000;
        for (int i = 0; i < CUTS; i++) {
          Thread.sleep(200 + random.nextInt((int) (spanMillis / CUTS) - 200));
          fixture.csms().dropConnections();
        }
        assertThat(load.awaitDone(LOAD.plusSeconds(10))).as("load finished").isTrue();
        outcomes = load.outcomes();
      }

      // THEN every request got a 200 or a SOAP fault within call timeout + 2 s
      long ok = outcomes.stream().filter(o -> o.status() == 200).count();
      List<HeartbeatLoad.Outcome> faults =
          outcomes.stream().filter(HeartbeatLoad.Outcome::soapFault).toList();
      long maxLatency = outcomes.stream().mapToLong(HeartbeatLoad.Outcome::latencyMillis).max()
          .orElse(0);
      int answered = fixture.csms().answers().size();
      System.out.printf("random cuts (seed %d): %d requests, %d answered 200, %d faults,"
          + " max latency %d ms, %d CALLRESULTs sent%n", seed, outcomes.size(), ok,
          faults.size(), maxLatency, answered);
      assertThat(outcomes).hasSizeGreaterThan(CHARGERS);
      assertThat(outcomes).as("seed %d", seed).allSatisfy(o -> {
        assertThat(o.answered()).as("HTTP answer for %s", o).isTrue();
        assertThat(o.status() == 200 || o.soapFault()).as("200 or SOAP fault: %s", o).isTrue();
        assertThat(o.latencyMillis()).as("latency of %s", o)
            .isLessThanOrEqualTo(CALL_TIMEOUT.plusSeconds(2).toMillis());
      });

      // AND the cuts hit calls in flight, which failed at once rather than after the timeout
      assertThat(faults).as("seed %d", seed).isNotEmpty();
      assertThat(faults).allSatisfy(f -> assertThat(f.latencyMillis()).as("fault %s", f)
          .isLessThan(CALL_TIMEOUT.toMillis()));

      // AND nothing was acknowledged that the central system did not answer: every 200 carries
      // the answer of one CALLRESULT it wrote (an answer lost in flight is written, not relayed)
      assertThat(ok).isPositive().isLessThanOrEqualTo(answered);
      UniqueAnswers.assertEveryAcknowledgementWasAnswered(outcomes,
          UniqueAnswers.written(fixture.csms()));

      // AND after one more cut with no load, every charger is connected again with no request
      int callsAfterLoad = fixture.csms().received().size();
      int acceptedBefore = fixture.csms().acceptedConnections();
      fixture.csms().dropConnections();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (fixture.csms().connectionCount() < CHARGERS && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(fixture.csms().connectionCount()).isEqualTo(CHARGERS);
      assertThat(fixture.csms().acceptedConnections() - acceptedBefore).isEqualTo(CHARGERS);
      assertThat(fixture.csms().received()).hasSize(callsAfterLoad);
    }
  }
}
