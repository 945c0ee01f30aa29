package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ChargerSession;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SoapChargerSimulator;
import io.ocppbridge.testsupport.Strict201Backend;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OCPP 2.0.1 profile end to end over real sockets, charger side: OCPP 1.2 (SOAP 1.1), 1.5
 * and 1.6 (SOAP 1.2) chargers through the bridge ({@code csms.protocol: ocpp2.0.1}) to a strict
 * OCPP 2.0.1 central system that checks every CALL against the official 2.0.1 schemas and
 * refuses what does not validate.
 */
class Ocpp201ProfileEndToEndTest {

  private static final List<OcppVersion> VERSIONS =
      List.of(OcppVersion.V1_2, OcppVersion.V1_5, OcppVersion.V1_6);
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private static Strict201Backend backend;
  private static CsmsSimulator csms;

  @BeforeAll
  static void start() {
    backend = new Strict201Backend("/charger", null);
    csms = backend.csms();
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @BeforeEach
  void clear() {
    backend.clear();
  }

  // Verifies that every charger-initiated operation of 1.2, 1.5 and 1.6 reaches the strict
  // 2.0.1 central system as a valid 2.0.1 CALL and is answered.
  @Test
  void everyChargerOperationOfEveryVersionReachesAStrict201CentralSystem() {
    // GIVEN a charger of each version
    for (OcppVersion version : VERSIONS) {
      try (SoapChargerSimulator charger = charger("CB201-ALL-" + version.label(), version)) {
        // WHEN it sends every operation of its version
        for (SoapChargerSimulator.Exchange exchange : charger.sendAll()) {
          // THEN each got a real answer
          assertThat(exchange.ok()).as("%s %s: %s", version, exchange.action(), exchange.text())
              .isTrue();
        }
      }
    }
    // AND the central system saw only valid 2.0.1 CALLs on ocpp2.0.1 connections
    assertThat(backend.violations()).isEmpty();
    assertThat(csms.received()).allMatch(c -> c.subprotocol().equals("ocpp2.0.1"));
    assertThat(csms.received()).extracting(ReceivedCall::action).contains("BootNotification",
        "Authorize", "TransactionEvent", "StatusNotification", "LogStatusNotification",
        "FirmwareStatusNotification", "Heartbeat", "DataTransfer")
        .doesNotContain("StartTransaction", "StopTransaction", "DiagnosticsStatusNotification");
  }

  // Verifies that a whole charging session of each version is one TransactionEvent sequence:
  // Started, Updated per meter reading, Ended, with seqNo 0, 1, 2, ... and one transactionId.
  @Test
  void aChargingSessionIsOneTransactionEventSequence() {
    for (OcppVersion version : VERSIONS) {
      String id = "CB201-SESSION-" + version.label();
      try (SoapChargerSimulator soap = charger(id, version)) {
        // GIVEN a charger that boots and is authorized
        ChargerSession charger = new ChargerSession(soap, version, Clock.systemUTC(), QUIET);
        assertThat(charger.boot().ok()).isTrue();
        assertThat(charger.status(1, "Available").ok()).isTrue();
        assertThat(charger.authorize("04A2B3C4").ok()).isTrue();

        // WHEN it starts, meters three times and stops
        assertThat(charger.start(1, "04A2B3C4", 10_000).ok()).as("%s start", version).isTrue();
        int localId = charger.transaction().orElseThrow().id();
        assertThat(charger.status(1, charger.inUseStatus()).ok()).isTrue();
        for (int i = 1; i <= 3; i++) {
          assertThat(charger.meter(1, 10_000 + 250 * i).ok()).as("%s meter", version).isTrue();
        }
        assertThat(charger.stop(null).ok()).as("%s stop", version).isTrue();

        // THEN the central system saw Started, three Updated and Ended of one transaction
        List<JsonNode> events = csms.received().stream()
            .filter(c -> c.chargerId().equals(id) && c.action().equals("TransactionEvent"))
            .map(ReceivedCall::payload).toList();
        assertThat(events).extracting(e -> e.get("eventType").asText())
            .as("%s", version).containsExactly("Started", "Updated", "Updated", "Updated", "Ended");
        assertThat(events).extracting(e -> e.get("seqNo").asInt())
            .containsExactly(0, 1, 2, 3, 4);
        String transactionId = events.get(0).at("/transactionInfo/transactionId").asText();
        assertThat(transactionId).hasSize(36);
        assertThat(events).allMatch(e ->
            e.at("/transactionInfo/transactionId").asText().equals(transactionId));
        assertThat(events.get(0).at("/idToken/idToken").asText()).isEqualTo("04A2B3C4");
        assertThat(events.get(0).at("/evse/id").asInt()).isEqualTo(1);
        assertThat(events.get(0).at("/meterValue/0/sampledValue/0/value").asLong())
            .isEqualTo(10_000);
        assertThat(events.get(3).at("/meterValue/0/sampledValue/0/value").asLong())
            .isEqualTo(10_750);
        assertThat(events.get(4).at("/meterValue").findValues("context"))
            .extracting(JsonNode::asText).contains("Transaction.End");
        // AND the charger was given an integer of its own for it
        assertThat(localId).isPositive();
      }
    }
    assertThat(backend.violations()).isEmpty();
  }

  private static SoapChargerSimulator charger(String id, OcppVersion version) {
    return new SoapChargerSimulator(backend.bridge().soapAddress(), id, version,
        version != OcppVersion.V1_2, backend.chargerServer().url().toString());
  }
}
