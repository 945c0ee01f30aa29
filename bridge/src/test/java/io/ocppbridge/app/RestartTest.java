package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.SoapPost;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted bridge reconnects the chargers it knew, from its registry, without a request. */
class RestartTest {

  /** Verifies that chargers heard from before a restart are connected again at once after it. */
  @Test
  void reconnectsKnownChargersAfterARestart(@TempDir Path dir) throws Exception {
    try (CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
        new SensibleCsmsAnswers(Clock.systemUTC()))) {
      Map<String, String> config = Map.of("soap.host", "127.0.0.1", "soap.port", "0",
          "csms.url", csms.url().toString(), "sessions.store", dir.resolve("registry").toString(),
          "soap.shutdownGrace", "1s");
      // GIVEN three chargers that spoke through a bridge which then stopped
      try (Bridge first = Bridge.start(ConfigLoader.fromValues(config))) {
        for (int i = 0; i < 3; i++) {
          assertThat(SoapPost.heartbeat15(first.soapAddress(), "CB-R" + i, null).statusCode())
              .isEqualTo(200);
        }
      }
      awaitConnections(csms, 0);
      int callsBefore = csms.received().size();

      // WHEN a new bridge starts on the same registry
      try (Bridge second = Bridge.start(ConfigLoader.fromValues(config))) {
        // THEN the central system sees all three connected, and no message was invented
        awaitConnections(csms, 3);
        assertThat(second.isConnected(new ChargerId("CB-R1"))).isTrue();
        assertThat(csms.received()).hasSize(callsBefore);
      }
    }
  }

  private static void awaitConnections(CsmsSimulator csms, int count) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (csms.connectionCount() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " connections, have "
            + csms.connectionCount());
      }
      Thread.sleep(20);
    }
  }
}
