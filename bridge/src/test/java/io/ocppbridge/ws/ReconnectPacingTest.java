package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.SoapPost;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconnect pacing over real sockets: a central system that accepts each WebSocket and closes
 * it at once is retried with growing delays (a handshake alone does not reset the backoff), the
 * global {@code csms.handshakeRate} spaces handshakes, and the reopening of the known chargers
 * after a restart is spread over {@code sessions.restoreWindow}. Each test first proves that the
 * situation it is about happened (handshakes seen at the simulated central system).
 */
class ReconnectPacingTest {

  private static final long MS = 1_000_000L;

  /** Verifies that accept-then-close is retried with growing delays, not in a tight loop. */
  @Test
  void acceptThenCloseIsRetriedWithGrowingDelays() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(Map.of(
        "csms.reconnectFloor", "100ms", "csms.reconnectCeiling", "1600ms"));
        LogCapture log = LogCapture.of("io.ocppbridge.ws")) {
      CsmsSimulator csms = fixture.csms();
      // GIVEN a charger connected and answered
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-FLAP", null).statusCode())
          .isEqualTo(200);
      int before = csms.handshakes().size();

      // WHEN the central system starts closing every WebSocket right after accepting it
      csms.closeAfterHandshake(true);
      long dropped = System.nanoTime();
      csms.dropConnections();

      // THEN the chaos happened: it accepted (and closed) several reconnections
      awaitTrue(() -> csms.handshakes().size() - before >= 6, "six reconnections");
      List<Long> times = csms.handshakes().subList(before, before + 6).stream()
          .map(CsmsSimulator.Handshake::nanoTime).toList();
      assertThat(csms.acceptedConnections()).isGreaterThanOrEqualTo(7);
      // AND they grew apart: the fifth wait is at least half of a 1.6 s step (a handshake
      // resetting the backoff would keep every wait under 100 ms)
      long lastGap = times.get(5) - times.get(4);
      assertThat(lastGap).isGreaterThanOrEqualTo(400 * MS);
      // AND few attempts fit in the first three seconds (about one every 100 ms without it)
      long early = csms.handshakes().stream().skip(before)
          .filter(h -> h.nanoTime() - dropped < 3_000 * MS).count();
      assertThat(early).isLessThanOrEqualTo(10);
      // AND the operator reads two warnings, not one per close: the proven connection's loss,
      // then that the central system closes connections before they prove themselves
      List<String> warnings = log.warnings().stream().filter(w -> w.contains("[CB-FLAP]"))
          .toList();
      assertThat(warnings).hasSize(2);
      assertThat(warnings.get(0)).contains("connection to the central system closed;"
          + " reconnecting");
      assertThat(warnings.get(1)).contains("before it proved itself");
    }
  }

  /** Verifies that the global handshake rate spaces the reopening of many chargers. */
  @Test
  void handshakeRateSpacesTheReopeningOfManyChargers(@TempDir Path dir) throws Exception {
    List<Long> times = restart(dir, 10, Map.of("csms.handshakeRate", "5",
        "sessions.restoreWindow", "0"));
    // five at once (one second's worth), then one every 200 ms: the last about 1 s later
    assertThat(times.get(times.size() - 1) - times.get(0)).isGreaterThanOrEqualTo(800 * MS);
  }

  /** Verifies that the known chargers are reopened spread over the restore window. */
  @Test
  void restoreIsSpreadOverTheWindow(@TempDir Path dir) throws Exception {
    List<Long> times = restart(dir, 20, Map.of("csms.handshakeRate", "1000",
        "sessions.restoreWindow", "4s"));
    // one every 100 ms (at least ten a second, however long the window): about 1.9 s in all
    assertThat(times.get(times.size() - 1) - times.get(0)).isGreaterThanOrEqualTo(1_000 * MS);
  }

  /**
   * Lets {@code chargers} chargers speak through a bridge, restarts it with {@code extra}, waits
   * until all are connected again and returns the times of the handshakes after the restart.
   */
  private static List<Long> restart(Path dir, int chargers, Map<String, String> extra)
      throws Exception {
    try (CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
        new SensibleCsmsAnswers(Clock.systemUTC()))) {
      Map<String, String> config = new HashMap<>(Map.of("soap.host", "127.0.0.1",
          "soap.port", "0", "csms.url", csms.url().toString(),
          "sessions.store", dir.resolve("registry").toString(), "soap.shutdownGrace", "1s"));
      config.putAll(BridgeFixture.MANY_IDENTITIES);
      try (Bridge first = Bridge.start(ConfigLoader.fromValues(config))) {
        for (int i = 0; i < chargers; i++) {
          assertThat(SoapPost.heartbeat15(first.soapAddress(), "CB-S" + i, null).statusCode())
              .isEqualTo(200);
        }
      }
      awaitTrue(() -> csms.connectionCount() == 0, "the first bridge's connections closed");
      int before = csms.handshakes().size();
      config.putAll(extra);
      try (Bridge second = Bridge.start(ConfigLoader.fromValues(config))) {
        awaitTrue(() -> csms.connectionCount() == chargers, "every charger reconnected");
        List<Long> times = csms.handshakes().subList(before, csms.handshakes().size()).stream()
            .map(CsmsSimulator.Handshake::nanoTime).sorted().toList();
        assertThat(times).hasSize(chargers); // each reopened once, none invented
        return times;
      }
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
