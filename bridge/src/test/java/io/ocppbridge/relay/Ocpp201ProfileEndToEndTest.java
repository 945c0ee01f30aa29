package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ChargerPayloads;
import io.ocppbridge.sim.ChargerSession;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.sim.SoapChargerSimulator;
import io.ocppbridge.testsupport.Ocpp201Samples;
import io.ocppbridge.testsupport.Strict201Backend;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

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

  // Verifies that a TransactionEvent the central system refused is a fault for the charger and
  // gives its sequence number back: the next event takes it, so the sequence has no gap.
  @Test
  void aRefusedEventGivesItsNumberBack() {
    String id = "CB201-REFUSED-EVENT";
    try (SoapChargerSimulator soap = charger(id, OcppVersion.V1_6)) {
      // GIVEN a running transaction
      ChargerSession charger = new ChargerSession(soap, OcppVersion.V1_6, Clock.systemUTC(),
          QUIET);
      assertThat(charger.boot().ok()).isTrue();
      assertThat(charger.start(1, "04A2B3C4", 10_000).ok()).isTrue();

      // WHEN the central system refuses the next event once
      AtomicBoolean refused = new AtomicBoolean();
      SensibleCsmsAnswers sensible = new SensibleCsmsAnswers(Clock.systemUTC());
      backend.answerWith(call -> call.action().equals("TransactionEvent")
          && refused.compareAndSet(false, true)
          ? CsmsReply.now(call.error("GenericError", "try again later"))
          : sensible.apply(call));
      SoapChargerSimulator.Exchange lost = soap.send(OcppAction.METER_VALUES,
          ChargerPayloads.of(OcppVersion.V1_6).meterValues(1,
              charger.transaction().orElseThrow().id(), 10_100, Instant.now()));
      assertThat(charger.meter(1, 10_200).ok()).isTrue();
      assertThat(charger.stop(null).ok()).isTrue();

      // THEN the charger got a fault, and the central system's sequence has no gap
      assertThat(lost.ok()).isFalse();
      assertThat(lost.text()).contains("GenericError");
      List<JsonNode> events = csms.received().stream()
          .filter(c -> c.chargerId().equals(id) && c.action().equals("TransactionEvent"))
          .map(ReceivedCall::payload).toList();
      assertThat(events).extracting(e -> e.get("seqNo").asInt()).containsExactly(0, 1, 1, 2);
      assertThat(events).extracting(e -> e.get("eventType").asText())
          .containsExactly("Started", "Updated", "Updated", "Ended");
    }
    assertThat(backend.violations()).isEmpty();
  }

  // Verifies that every 2.0.1 call of the list is answered with a CALLRESULT valid against the
  // official schema, for a charger of each version: by the charger through its own operation,
  // or by the bridge where the charger's version cannot do it.
  @Test
  void every201CallIsAnsweredValidly() throws Exception {
    for (OcppVersion version : VERSIONS) {
      // GIVEN a booted charger of that version
      String id = "CB201-CALLS-" + version.label();
      boot(id, version);
      for (Map.Entry<String, List<String>> calls : Ocpp201Samples.CALLS.entrySet()) {
        for (String payload : calls.getValue()) {
          JsonNode call = JSON.readTree(payload);
          assertThat(backend.official().validate(calls.getKey(), true, call))
              .as("sample %s", payload).isEmpty();

          // WHEN the central system sends it
          JsonNode frame = send(id, calls.getKey(), call);

          // THEN the answer is a CALLRESULT valid against the official schema
          assertThat(frame.get(0).asInt()).as("%s %s to %s: %s", calls.getKey(), payload,
              version, frame).isEqualTo(3);
          assertThat(backend.official().validate(calls.getKey(), false, frame.get(2)))
              .as("%s to %s: %s", calls.getKey(), version, frame).isEmpty();
        }
      }
    }
    // AND what only a 1.6 charger can do reached only the 1.6 charger
    assertThat(backend.chargerServer().received()).extracting(c -> c.action().wireName())
        .contains("Reset", "ChangeAvailability", "RemoteStartTransaction", "ReserveNow",
            "SendLocalList", "GetDiagnostics", "UpdateFirmware", "GetConfiguration",
            "ChangeConfiguration", "TriggerMessage", "SetChargingProfile",
            "GetCompositeSchedule", "ClearChargingProfile")
        .doesNotContain("RemoteStopTransaction");
    assertThat(backend.chargerServer().received()).filteredOn(c -> c.action().wireName()
        .equals("TriggerMessage")).allMatch(c -> c.version() == OcppVersion.V1_6);
    assertThat(backend.violations()).isEmpty();
  }

  // Verifies that a call OCPP 1.x has no counterpart for is refused NotSupported, and an unknown
  // one NotImplemented, as OCPP-J 2.0.1 defines them, without reaching the charger; and that what
  // the bridge can answer truthfully about what the charger lacks, it answers.
  @Test
  void callsWithoutCounterpartAreRefused() throws Exception {
    String id = "CB201-REFUSED";
    boot(id, OcppVersion.V1_5);

    JsonNode certificate = send(id, "InstallCertificate", JSON.readTree(
        "{\"certificateType\":\"V2GRootCertificate\",\"certificate\":\"x\"}"));
    JsonNode unknown = send(id, "FlyToTheMoon", JSON.readTree("{}"));
    JsonNode invalid = send(id, "Reset", JSON.readTree("{\"type\":\"Hard\"}"));
    JsonNode incomplete = send(id, "Reset", JSON.readTree("{}"));
    JsonNode profiles = send(id, "GetChargingProfiles",
        JSON.readTree("{\"requestId\":5,\"chargingProfile\":{\"stackLevel\":0}}"));

    assertThat(certificate.get(2).asText()).isEqualTo("NotSupported");
    assertThat(unknown.get(2).asText()).isEqualTo("NotImplemented");
    assertThat(invalid.get(2).asText()).isEqualTo("TypeConstraintViolation");
    // the OCPP-J 2.0.1 spelling, not 1.6's OccurenceConstraintViolation
    assertThat(incomplete.get(2).asText()).isEqualTo("OccurrenceConstraintViolation");
    // a 1.5 charger has no smart charging: no profiles, truthfully
    assertThat(profiles.get(2).toString()).isEqualTo("{\"status\":\"NoProfiles\"}");
    assertThat(backend.chargerServer().received()).isEmpty();
  }

  // Verifies that GetBaseReport is answered Accepted and followed by NotifyReport CALLs of every
  // configuration key of the charger and the bridge's own variables, valid 2.0.1.
  @Test
  void baseReportIsFollowedByNotifyReports() throws Exception {
    String id = "CB201-REPORT";
    boot(id, OcppVersion.V1_5);

    JsonNode answer = send(id, "GetBaseReport",
        JSON.readTree("{\"requestId\":41,\"reportBase\":\"ConfigurationInventory\"}"));

    assertThat(answer.get(2).get("status").asText()).isEqualTo("Accepted");
    List<JsonNode> reports = awaitCalls(id, "NotifyReport", 1);
    JsonNode report = reports.get(0);
    assertThat(report.get("requestId").asInt()).isEqualTo(41);
    assertThat(report.get("seqNo").asInt()).isZero();
    assertThat(report.get("tbc").asBoolean()).isFalse();
    assertThat(report.get("reportData").findValues("name")).extracting(JsonNode::asText)
        .contains("OCPPCommCtrlr", "HeartbeatInterval", "SampledDataCtrlr", "TxUpdatedInterval",
            "WebSocketPingInterval");
    assertThat(backend.violations()).isEmpty();
  }

  // Verifies that the charger's firmware and diagnostics notifications reach the central system
  // with the requestId of the UpdateFirmware and GetLog they report on.
  @Test
  void notificationsCarryTheRequestIdOfTheirCall() throws Exception {
    String id = "CB201-REQUEST-IDS";
    boot(id, OcppVersion.V1_5);
    assertThat(send(id, "UpdateFirmware", JSON.readTree("{\"requestId\":77,\"firmware\":{"
        + "\"location\":\"https://fw.example.com/v2.bin\",\"retrieveDateTime\":"
        + "\"2026-11-21T12:00:00Z\"}}")).get(2).get("status").asText()).isEqualTo("Accepted");
    assertThat(send(id, "GetLog", JSON.readTree("{\"logType\":\"DiagnosticsLog\","
        + "\"requestId\":78,\"log\":{\"remoteLocation\":\"ftp://logs.example.com/up\"}}"))
        .get(2).get("status").asText()).isEqualTo("Accepted");

    try (SoapChargerSimulator charger = charger(id, OcppVersion.V1_5)) {
      assertThat(charger.send(OcppAction.FIRMWARE_STATUS_NOTIFICATION, SoapChargerSimulator
          .sample(OcppVersion.V1_5, OcppAction.FIRMWARE_STATUS_NOTIFICATION)).ok()).isTrue();
      assertThat(charger.send(OcppAction.DIAGNOSTICS_STATUS_NOTIFICATION, SoapChargerSimulator
          .sample(OcppVersion.V1_5, OcppAction.DIAGNOSTICS_STATUS_NOTIFICATION)).ok()).isTrue();
    }

    assertThat(awaitCalls(id, "FirmwareStatusNotification", 1).get(0).get("requestId").asInt())
        .isEqualTo(77);
    assertThat(awaitCalls(id, "LogStatusNotification", 1).get(0).get("requestId").asInt())
        .isEqualTo(78);
    assertThat(backend.violations()).isEmpty();
  }

  private static void boot(String id, OcppVersion version) {
    try (SoapChargerSimulator soap = charger(id, version)) {
      assertThat(new ChargerSession(soap, version, Clock.systemUTC(), QUIET).boot().ok())
          .isTrue();
    }
  }

  private static JsonNode send(String id, String action, JsonNode payload) throws Exception {
    return csms.sendCall(id, action, payload, WAIT).get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
  }

  /** The first {@code count} CALLs of an action from a charger, waiting for them (bounded). */
  private static List<JsonNode> awaitCalls(String id, String action, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<JsonNode> calls;
    do {
      calls = csms.received().stream()
          .filter(c -> c.chargerId().equals(id) && c.action().equals(action))
          .map(ReceivedCall::payload).toList();
      if (calls.size() >= count) {
        return calls;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no " + count + " " + action + " from " + id + " within " + WAIT
        + "; got " + calls);
  }

  private static SoapChargerSimulator charger(String id, OcppVersion version) {
    return new SoapChargerSimulator(backend.bridge().soapAddress(), id, version,
        version != OcppVersion.V1_2, backend.chargerServer().url().toString());
  }
}
