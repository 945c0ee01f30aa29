package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ChargerSession;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.sim.SoapChargerSimulator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade profile's connector states are kept in the registry: a bridge restarted in the
 * middle of a transaction reports the connector as Charging at once, over real sockets, without
 * waiting to learn the transaction again from a MeterValues.
 */
class UpgradeStateAfterRestartTest {

  /** Verifies that Occupied after a restart is Charging for a transaction started before it. */
  @Test
  void occupiedIsChargingAfterARestartInTheMiddleOfATransaction(@TempDir Path dir) {
    try (CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.6",
        new SensibleCsmsAnswers(Clock.systemUTC()))) {
      Map<String, String> config = Map.of("soap.host", "127.0.0.1", "soap.port", "0",
          "csms.url", csms.url().toString(), "csms.protocol", "ocpp1.6",
          "sessions.store", dir.resolve("registry").toString(), "soap.shutdownGrace", "1s");
      // GIVEN a 1.5 charger whose transaction on connector 1 started through a first bridge
      try (Bridge first = Bridge.start(ConfigLoader.fromValues(config));
          SoapChargerSimulator soap = soap(first)) {
        ChargerSession charger = session(soap);
        assertThat(charger.boot().ok()).isTrue();
        assertThat(charger.start(1, "TAG-RESTART", 100).ok()).isTrue();
      }
      csms.clearReceived();

      // WHEN a second bridge on the same registry hears the connector is Occupied
      try (Bridge second = Bridge.start(ConfigLoader.fromValues(config));
          SoapChargerSimulator soap = soap(second)) {
        assertThat(session(soap).status(1, "Occupied").ok()).isTrue();
      }

      // THEN the central system is told Charging, not Preparing
      List<ReceivedCall> statuses = csms.received().stream()
          .filter(call -> call.action().equals("StatusNotification")).toList();
      assertThat(statuses).hasSize(1);
      assertThat(statuses.get(0).payload().path("status").asText()).isEqualTo("Charging");
    }
  }

  private static SoapChargerSimulator soap(Bridge bridge) {
    return new SoapChargerSimulator(bridge.soapAddress(), "CB-RESTART-16", OcppVersion.V1_5, true,
        null);
  }

  private static ChargerSession session(SoapChargerSimulator soap) {
    return new ChargerSession(soap, OcppVersion.V1_5, Clock.systemUTC(),
        new PrintStream(OutputStream.nullOutputStream()));
  }
}
