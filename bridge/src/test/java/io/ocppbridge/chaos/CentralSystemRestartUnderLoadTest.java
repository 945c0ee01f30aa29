package io.ocppbridge.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The central system is closed and restarted on the same port twice while 20 chargers send
 * Heartbeats (issue 5, item 9): no SOAP request hangs, and nothing is acknowledged that the
 * central system did not answer. Each Heartbeat answer carries a time no other answer carries, so
 * every 200 is matched to the very CALLRESULT the central system wrote, and the test proves that
 * both outages happened while requests were in flight.
 */
class CentralSystemRestartUnderLoadTest {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  /** The longest a charger may wait for its HTTP answer: the call timeout plus slack. */
  private static final long MAX_LATENCY_MILLIS = CALL_TIMEOUT.plusSeconds(2).toMillis();
  private static final int CHARGERS = 20;
  private static final Duration LOAD = Duration.ofSeconds(8);
  private static final int MAX_REQUESTS = 5_000;
  /** When the central system goes down, counted from the start of the load. */
  private static final long[] RESTARTS_AT_MILLIS = {2_000, 5_000};
  private static final long DOWN_MILLIS = 1_000;

  private final List<CsmsSimulator> instances = new ArrayList<>();
  private Bridge bridge;
  private HeartbeatLoad load;

  @AfterEach
  void stopEverything() {
    if (load != null) {
      load.close();
    }
    if (bridge != null) {
      bridge.close();
    }
    instances.forEach(CsmsSimulator::close);
  }

  /**
   * Verifies that every request gets an answer or a fault within the call timeout, that the
   * count of successful SOAP answers equals the count of CALLs the central system answered, and
   * that the bridge reconnects every charger to the restarted central system.
   */
  @Test
  void restartedCentralSystemLosesNoAcknowledgedCallAndGetsEveryChargerBack() throws Exception {
    // GIVEN a bridge (call timeout 3 s, reconnect 100..500 ms) and 20 chargers sending Heartbeats
    CsmsSimulator first = newCentralSystem(0);
    int port = first.port();
    bridge = Bridge.start(ConfigLoader.fromValues(Map.of(
        "soap.host", "127.0.0.1", "soap.port", "0", "csms.url", first.url().toString(),
        "csms.callTimeout", "3s", "csms.connectTimeout", "2s",
        "csms.reconnectFloor", "100ms", "csms.reconnectCeiling", "500ms",
        "sessions.store", "memory", "soap.shutdownGrace", "1s",
        "sessions.newIdentityBurst", "1000")));
    List<String> identities = IntStream.range(0, CHARGERS).mapToObj(i -> "CHAOS-" + i).toList();
    load = HeartbeatLoad.start(bridge.soapAddress(), identities, 6, LOAD, MAX_REQUESTS);

    // WHEN the central system goes down for ~1 s and comes back on the same port, twice
    long loadStart = System.nanoTime();
    Set<Instant> writtenByCentralSystem = new HashSet<>();
    List<long[]> outages = new ArrayList<>();
    CsmsSimulator current = first;
    for (long restartAtMillis : RESTARTS_AT_MILLIS) {
      sleepUntil(loadStart, restartAtMillis); // the load runs meanwhile
      long down = System.nanoTime();
      assertThat(down - loadStart).as("outage starts while the load runs")
          .isLessThan(LOAD.toNanos());
      current.close();
      writtenByCentralSystem.addAll(UniqueAnswers.written(current));
      Thread.sleep(DOWN_MILLIS);
      current = newCentralSystem(port);
      outages.add(new long[] {down, System.nanoTime()});
    }
    assertThat(load.awaitDone(LOAD.plusSeconds(10))).as("load finished").isTrue();

    // THEN every request got an HTTP answer, 200 or a SOAP fault, within call timeout + 2 s
    List<HeartbeatLoad.Outcome> outcomes = load.outcomes();
    long ok = outcomes.stream().filter(o -> o.status() == 200).count();
    long faults = outcomes.stream().filter(HeartbeatLoad.Outcome::soapFault).count();
    long maxLatency = outcomes.stream().mapToLong(HeartbeatLoad.Outcome::latencyMillis).max()
        .orElse(0);
    System.out.printf("central system restart under load: %d requests, %d answered 200,"
        + " %d faults, max latency %d ms%n", outcomes.size(), ok, faults, maxLatency);
    assertThat(outcomes).hasSizeGreaterThan(CHARGERS);
    assertThat(outcomes).allSatisfy(o -> {
      assertThat(o.answered()).as("HTTP answer for %s", o).isTrue();
      assertThat(o.status() == 200 || o.soapFault()).as("200 or SOAP fault: %s", o).isTrue();
      assertThat(o.latencyMillis()).as("latency of %s", o).isLessThanOrEqualTo(MAX_LATENCY_MILLIS);
    });

    // AND every charger is connected to the last instance with no further request
    int callsAfterLoad = current.received().size();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (current.connectionCount() < CHARGERS && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(current.connectionCount()).isEqualTo(CHARGERS);
    assertThat(current.received()).hasSize(callsAfterLoad);

    // AND the chaos happened: requests were in flight during each outage
    for (long[] outage : outages) {
      assertThat(outcomes).as("requests in flight during an outage")
          .anyMatch(o -> o.overlaps(outage[0], outage[1]));
    }

    // AND every 200 carries the answer of one CALLRESULT the central systems wrote, each once
    current.close();
    writtenByCentralSystem.addAll(UniqueAnswers.written(current));
    UniqueAnswers.assertEveryAcknowledgementWasAnswered(outcomes, writtenByCentralSystem);
  }

  private static void sleepUntil(long startNanos, long atMillis) throws InterruptedException {
    long left = atMillis - (System.nanoTime() - startNanos) / 1_000_000;
    if (left > 0) {
      Thread.sleep(left);
    }
  }

  private final Clock answerClock = new UniqueAnswers();

  private CsmsSimulator newCentralSystem(int port) {
    CsmsSimulator csms = new CsmsSimulator("127.0.0.1", port, "ocpp1.5,ocpp1.2",
        new SensibleCsmsAnswers(answerClock));
    instances.add(csms);
    return csms;
  }
}
