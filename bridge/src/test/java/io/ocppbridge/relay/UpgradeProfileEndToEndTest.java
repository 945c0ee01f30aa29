package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import io.ocppbridge.app.Bridge;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.sim.SimulatedChargePointServer;
import io.ocppbridge.sim.SoapChargerSimulator;
import io.ocppbridge.testsupport.Ocpp16Samples;
import io.ocppbridge.testsupport.Official16Schemas;
import io.ocppbridge.testsupport.Strict16Backend;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upgrade profile end to end over real sockets: OCPP 1.5 and 1.2 SOAP chargers through the
 * bridge ({@code csms.protocol: ocpp1.6}) to a strict OCPP 1.6-J central system that checks
 * every CALL it gets against the official 1.6 schemas and refuses what does not validate; and
 * every 1.6 call of the central system answered with a CALLRESULT valid against the official
 * schemas, by the charger or by the bridge.
 */
class UpgradeProfileEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Official16Schemas official;
  private static CsmsSimulator csms;
  private static Bridge bridge;
  private static SimulatedChargePointServer chargerServer;
  private static List<String> violations;
  private static Strict16Backend backend;

  @BeforeAll
  static void start() {
    backend = new Strict16Backend("/charger");
    official = backend.official();
    csms = backend.csms();
    bridge = backend.bridge();
    chargerServer = backend.chargerServer();
    violations = backend.violations();
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @BeforeEach
  void clear() {
    backend.clear();
  }

  /** Verifies that every charger operation of 1.5 (SOAP 1.2) and 1.2 (SOAP 1.1) works. */
  @Test
  void everyChargerOperationReachesAStrict16CentralSystem() {
    for (OcppVersion version : List.of(OcppVersion.V1_5, OcppVersion.V1_2)) {
      String id = "CB16-" + version.label();
      try (SoapChargerSimulator charger = new SoapChargerSimulator(soapUrl(), id, version,
          version == OcppVersion.V1_5, chargerServer.url().toString())) {
        for (SoapChargerSimulator.Exchange exchange : charger.sendAll()) {
          assertThat(exchange.ok()).as("%s %s: %s", version, exchange.action(), exchange.text())
              .isTrue();
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(csms.received()).allMatch(c -> c.subprotocol().equals("ocpp1.6"));
    assertThat(csms.received()).extracting(ReceivedCall::action).contains("MeterValues",
        "StopTransaction", "BootNotification");
    JsonNode meter = csms.received().stream().filter(c -> c.action().equals("MeterValues")
        && c.chargerId().equals("CB16-1.5")).findFirst().orElseThrow().payload();
    assertThat(meter.has("meterValue")).isTrue();
    assertThat(meter.get("meterValue").get(0).has("sampledValue")).isTrue();
  }

  /** Verifies that Occupied is told as Preparing, Charging or Finishing from the transaction. */
  @Test
  void occupiedFollowsTheTransaction() {
    SensibleCsmsAnswers sensible = new SensibleCsmsAnswers(Clock.systemUTC());
    backend.answerWith(call -> call.action().equals("StartTransaction")
        ? CsmsReply.now(call.result(JsonNodeFactory.instance.objectNode()
            .put("transactionId", 42).set("idTagInfo",
                JsonNodeFactory.instance.objectNode().put("status", "Accepted"))))
        : sensible.apply(call));
    try (SoapChargerSimulator charger = new SoapChargerSimulator(soapUrl(), "CB16-STATE",
        OcppVersion.V1_5, true, chargerServer.url().toString())) {
      String occupied = SoapChargerSimulator.sample(OcppVersion.V1_5,
          io.ocppbridge.core.OcppAction.STATUS_NOTIFICATION);
      List<String> told = new ArrayList<>();
      for (io.ocppbridge.core.OcppAction step : List.of(
          io.ocppbridge.core.OcppAction.BOOT_NOTIFICATION,
          io.ocppbridge.core.OcppAction.STATUS_NOTIFICATION,
          io.ocppbridge.core.OcppAction.START_TRANSACTION,
          io.ocppbridge.core.OcppAction.STATUS_NOTIFICATION,
          io.ocppbridge.core.OcppAction.STOP_TRANSACTION,
          io.ocppbridge.core.OcppAction.STATUS_NOTIFICATION)) {
        String payload = step == io.ocppbridge.core.OcppAction.STATUS_NOTIFICATION ? occupied
            : SoapChargerSimulator.sample(OcppVersion.V1_5, step);
        assertThat(charger.send(step, payload).ok()).as(step.wireName()).isTrue();
      }
      csms.received().stream().filter(c -> c.chargerId().equals("CB16-STATE")
              && c.action().equals("StatusNotification"))
          .forEach(c -> told.add(c.payload().get("status").asText()));
      assertThat(told).containsExactly("Preparing", "Charging", "Finishing");
    }
    assertThat(violations).isEmpty();
  }

  /**
   * Verifies that WebSocketPingInterval is the bridge's own: read from and set on the charger's
   * live WebSocket, never asked of the SOAP charger.
   */
  @Test
  void pingIntervalIsOwnedByTheBridge() throws Exception {
    String id = "CB16-PING";
    try (SoapChargerSimulator charger = new SoapChargerSimulator(soapUrl(), id,
        OcppVersion.V1_5, true, chargerServer.url().toString())) {
      assertThat(charger.send(io.ocppbridge.core.OcppAction.BOOT_NOTIFICATION,
          SoapChargerSimulator.sample(OcppVersion.V1_5,
              io.ocppbridge.core.OcppAction.BOOT_NOTIFICATION)).ok()).isTrue();
    }
    JsonNode before = csms.sendCall(id, "GetConfiguration",
        JSON.readTree("{\"key\":[\"WebSocketPingInterval\"]}"), WAIT).get(15, TimeUnit.SECONDS);
    assertThat(before.get(2).get("configurationKey").get(0).get("value").asText())
        .isEqualTo("30");
    JsonNode changed = csms.sendCall(id, "ChangeConfiguration",
        JSON.readTree("{\"key\":\"WebSocketPingInterval\",\"value\":\"7\"}"), WAIT)
        .get(15, TimeUnit.SECONDS);
    assertThat(changed.get(2).get("status").asText()).isEqualTo("Accepted");
    JsonNode after = csms.sendCall(id, "GetConfiguration",
        JSON.readTree("{\"key\":[\"WebSocketPingInterval\"]}"), WAIT).get(15, TimeUnit.SECONDS);
    assertThat(after.get(2).get("configurationKey").get(0).get("value").asText())
        .isEqualTo("7");
    assertThat(chargerServer.received()).isEmpty();
  }

  /**
   * Verifies that every 1.6 call of the central system gets an answer valid against the official
   * schema: forwarded to the charger when its version can do it, answered by the bridge when not,
   * NotSupported only where 1.6 has no valid reply.
   */
  @Test
  void every16CallIsAnsweredValidly() throws Exception {
    Map<String, String> outcomes = new TreeMap<>();
    for (OcppVersion version : List.of(OcppVersion.V1_5, OcppVersion.V1_2)) {
      String id = "CB16-CALLS-" + version.label();
      try (SoapChargerSimulator charger = new SoapChargerSimulator(soapUrl(), id, version,
          version == OcppVersion.V1_5, chargerServer.url().toString())) {
        assertThat(charger.send(io.ocppbridge.core.OcppAction.BOOT_NOTIFICATION,
            SoapChargerSimulator.sample(version,
                io.ocppbridge.core.OcppAction.BOOT_NOTIFICATION)).ok()).isTrue();
      }
      for (Map.Entry<String, List<String>> calls : Ocpp16Samples.CALLS.entrySet()) {
        String action = calls.getKey();
        JsonNode frame = csms.sendCall(id, action, JSON.readTree(calls.getValue().get(0)), WAIT)
            .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        String outcome;
        if (frame.get(0).asInt() == 3) {
          List<Error> errors = official.validate(action + "Response", frame.get(2));
          assertThat(errors).as("%s to %s: %s", action, version, frame).isEmpty();
          outcome = "result";
        } else {
          assertThat(frame.get(2).asText()).as("%s to %s: %s", action, version, frame)
              .isEqualTo("NotSupported");
          outcome = "NotSupported";
        }
        outcomes.put(version.label() + " " + action, outcome);
      }
    }
    // every 1.6 action of the central system was tried on both versions
    assertThat(outcomes).hasSize(2 * Ocpp16Samples.CALLS.size());
    // 1.5 chargers can do every 1.6 call or the bridge answers it: no NotSupported at all
    assertThat(outcomes.entrySet()).filteredOn(e -> e.getKey().startsWith("1.5 "))
        .allMatch(e -> e.getValue().equals("result"));
    // what a 1.5 charger can do reached it; what no SOAP charger can do did not
    List<String> reached = chargerServer.received().stream()
        .map(c -> c.action().wireName()).toList();
    assertThat(reached).contains("Reset", "UnlockConnector", "RemoteStartTransaction",
        "ReserveNow", "SendLocalList").doesNotContain("TriggerMessage", "SetChargingProfile",
        "ClearChargingProfile", "GetCompositeSchedule");
  }


  private static URI soapUrl() {
    return bridge.soapAddress();
  }
}
