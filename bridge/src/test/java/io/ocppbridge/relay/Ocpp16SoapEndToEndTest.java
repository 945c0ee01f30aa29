package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import io.ocppbridge.app.Bridge;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.ReceivedSoapCall;
import io.ocppbridge.sim.SimulatedChargePointServer;
import io.ocppbridge.sim.SoapChargerSimulator;
import io.ocppbridge.testsupport.Ocpp16Samples;
import io.ocppbridge.testsupport.Official16Schemas;
import io.ocppbridge.testsupport.Strict16Backend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OCPP 1.6 SOAP chargers end to end over real sockets: every charger-initiated operation through
 * the bridge to a strict OCPP 1.6-J central system (subprotocol {@code ocpp1.6} only) that checks
 * every CALL against the official 1.6 schemas; every central-system operation of 1.6 through the
 * bridge to the charger's SOAP server and back, each CALLRESULT checked against the official
 * schemas; SOAP 1.1 and 1.2. The bridge runs with {@code csms.protocol: ocpp1.6}, the upgrade
 * profile: it must not touch a 1.6 charger, whose messages go as they are.
 */
class Ocpp16SoapEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CS16 = OcppVersion.V1_6.centralSystemNamespace();

  private static Official16Schemas official;
  private static CsmsSimulator csms;
  private static Bridge bridge;
  private static SimulatedChargePointServer chargerServer;
  private static List<String> violations;
  private static Strict16Backend backend;

  @BeforeAll
  static void start() {
    backend = new Strict16Backend("/charger16");
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

  /**
   * Verifies that every charger-initiated 1.6 operation reaches the central system as the valid
   * 1.6-J CALL of the same content, and the charger gets the central system's answer.
   */
  @ParameterizedTest(name = "SOAP {0}")
  @ValueSource(strings = {"1.1", "1.2"})
  void everyChargerOperationReachesAStrict16CentralSystem(String soap) throws Exception {
    // GIVEN a 1.6 SOAP charger
    String id = "CP16-OPS-" + soap;
    try (SoapChargerSimulator charger = charger(id, soap)) {
      // WHEN it sends every operation of its CentralSystemService once
      List<SoapChargerSimulator.Exchange> exchanges = charger.sendAll();
      // THEN each got a real answer
      assertThat(exchanges).extracting(SoapChargerSimulator.Exchange::action)
          .containsExactlyElementsOf(OcppAction.all(OcppVersion.V1_6, Initiator.CHARGE_POINT));
      for (SoapChargerSimulator.Exchange exchange : exchanges) {
        assertThat(exchange.ok()).as("%s: %s", exchange.action(), exchange.text()).isTrue();
      }
      assertThat(exchanges.get(1).text()).contains("<interval>300</interval>")
          .contains("<status>Accepted</status>");
    }
    // AND the central system got ten valid ocpp1.6 CALLs, untouched by the upgrade profile
    List<ReceivedCall> calls = csms.received().stream()
        .filter(c -> c.chargerId().equals(id)).toList();
    assertThat(violations).isEmpty();
    assertThat(calls).hasSize(10).allMatch(c -> c.subprotocol().equals("ocpp1.6"));
    assertThat(payloadOf(calls, "MeterValues")).isEqualTo(JSON.readTree("""
        {"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2026-11-21T10:15:00Z",
         "sampledValue":[{"value":"12345","context":"Sample.Periodic","format":"Raw",
           "measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},
          {"value":"16.2","measurand":"Current.Import","phase":"L1","unit":"A"},
          {"value":"31","measurand":"Temperature","location":"Body","unit":"Celsius"}]}]}"""));
    assertThat(payloadOf(calls, "StopTransaction").get("reason").asText())
        .isEqualTo("EVDisconnected");
    assertThat(payloadOf(calls, "StatusNotification").get("status").asText())
        .isEqualTo("Charging");
    assertThat(bridge.sessions().find(new io.ocppbridge.core.ChargerId(id)).orElseThrow()
        .heartbeatInterval()).isEqualTo(300);
  }

  /**
   * Verifies that every central-system operation of 1.6 reaches a 1.6 SOAP charger in its SOAP
   * version and namespace, and its answer returns as a CALLRESULT valid against the official
   * schema.
   */
  @ParameterizedTest(name = "SOAP {0}")
  @ValueSource(strings = {"1.1", "1.2"})
  void every16CallReachesTheChargerAndIsAnsweredValidly(String soap) throws Exception {
    // GIVEN a booted 1.6 SOAP charger
    String id = "CP16-CALLS-" + soap;
    try (SoapChargerSimulator charger = charger(id, soap)) {
      assertThat(charger.send(OcppAction.BOOT_NOTIFICATION, SoapChargerSimulator.sample(
          OcppVersion.V1_6, OcppAction.BOOT_NOTIFICATION)).ok()).isTrue();
    }
    assertThat(new TreeSet<>(Ocpp16Samples.CALLS.keySet())).isEqualTo(new TreeSet<>(
        OcppAction.all(OcppVersion.V1_6, Initiator.CENTRAL_SYSTEM).stream()
            .map(OcppAction::wireName).toList()));
    int sent = 0;
    for (Map.Entry<String, List<String>> calls : Ocpp16Samples.CALLS.entrySet()) {
      for (String payload : calls.getValue()) {
        // WHEN the central system sends it
        String action = calls.getKey();
        JsonNode frame = csms.sendCall(id, action, JSON.readTree(payload), WAIT)
            .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        sent++;
        // THEN the charger's answer comes back as a valid 1.6 CALLRESULT
        assertThat(frame.get(0).asInt()).as("%s %s: %s", action, payload, frame).isEqualTo(3);
        List<Error> errors = official.validate(action + "Response", frame.get(2));
        assertThat(errors).as("%s: %s", action, frame).isEmpty();
      }
    }
    // AND every call reached the charger, in its SOAP version and the 1.6 namespace
    List<ReceivedSoapCall> reached = chargerServer.received().stream()
        .filter(c -> c.chargeBoxIdentity().equals(id)).toList();
    assertThat(reached).hasSize(sent).allMatch(c -> c.version() == OcppVersion.V1_6
        && c.soapVersion().equals(soap));
    assertThat(reached).extracting(ReceivedSoapCall::actionName).contains("TriggerMessage",
        "SetChargingProfile", "ClearChargingProfile", "GetCompositeSchedule", "DataTransfer");
    assertThat(reached.stream().filter(c -> c.actionName().equals("UnlockConnector"))
        .findFirst().orElseThrow().payloadXml()).contains("urn://Ocpp/Cp/2015/10/");
    JsonNode composite = csms.callAnswers().stream()
        .filter(a -> a.chargerId().equals(id) && a.action().equals("GetCompositeSchedule"))
        .findFirst().orElseThrow().frame().get(2);
    assertThat(composite).isEqualTo(JSON.readTree("""
        {"status":"Accepted","connectorId":1,"scheduleStart":"2026-11-21T10:00:00Z",
         "chargingSchedule":{"duration":3600,"chargingRateUnit":"A",
           "chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}}"""));
  }

  /**
   * Verifies that a 1.6 charger speaking SOAP 1.1 with WS-Addressing 2004/08 is answered in kind
   * and called back in kind: its Reset arrives over SOAP 1.1 with 2004/08 headers.
   */
  @Test
  void answersAndCallsBackInTheChargersSoapAndAddressing() throws Exception {
    // GIVEN a 1.6 charger's Heartbeat over SOAP 1.1, WS-Addressing 2004/08, naming its server
    String id = "CP16-WSA2004";
    String wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    String envelope = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'"
        + " xmlns:wsa='" + wsa + "' xmlns:cs='" + CS16 + "'><s:Header><cs:chargeBoxIdentity>"
        + id + "</cs:chargeBoxIdentity><wsa:Action>/Heartbeat</wsa:Action>"
        + "<wsa:MessageID>uuid:hb-2004</wsa:MessageID><wsa:From><wsa:Address>"
        + chargerServer.url() + "</wsa:Address></wsa:From></s:Header><s:Body>"
        + "<cs:heartbeatRequest/></s:Body></s:Envelope>";
    // WHEN it is posted
    java.net.http.HttpResponse<String> answer = io.ocppbridge.testsupport.SoapPost.post(
        bridge.soapAddress(), "text/xml; charset=utf-8", envelope);
    // THEN the answer is a 1.6 heartbeatResponse relating to it in 2004/08
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("uuid:hb-2004").contains(wsa).contains(CS16)
        .containsPattern("<(\\w+:)?heartbeatResponse[ >]");
    // AND a Reset of the central system reaches the charger the same way
    JsonNode frame = csms.sendCall(id, "Reset", JSON.readTree("{\"type\":\"Soft\"}"), WAIT)
        .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    assertThat(frame.get(2)).isEqualTo(JSON.readTree("{\"status\":\"Accepted\"}"));
    ReceivedSoapCall call = chargerServer.received().get(0);
    assertThat(call.chargeBoxIdentity()).isEqualTo(id);
    assertThat(call.version()).isEqualTo(OcppVersion.V1_6);
    assertThat(call.soapVersion()).isEqualTo("1.1");
    assertThat(call.addressing().namespace()).isEqualTo(wsa);
    assertThat(call.addressing().action()).isEqualTo("/Reset");
    assertThat(call.addressing().to()).isEqualTo(chargerServer.url().toString());
  }

  /** Verifies rule 1: a MeterValues without meterValue goes as an empty list, counted. */
  @Test
  void meterValuesWithoutSamplesGoesAsEmptyList() throws Exception {
    String soap = "1.2";
    long before = count(QuirkCounter.EMPTY_METER_VALUE_LIST);
    try (SoapChargerSimulator charger = charger("CP16-EMPTY-MV", soap)) {
      SoapChargerSimulator.Exchange exchange = charger.send(OcppAction.METER_VALUES,
          "<meterValuesRequest xmlns='" + CS16 + "'><connectorId>2</connectorId>"
              + "<transactionId>9</transactionId></meterValuesRequest>");
      assertThat(exchange.ok()).as(exchange.text()).isTrue();
    }
    assertThat(violations).isEmpty();
    assertThat(payloadOf(csms.received(), "MeterValues"))
        .isEqualTo(JSON.readTree("{\"connectorId\":2,\"transactionId\":9,\"meterValue\":[]}"));
    assertThat(count(QuirkCounter.EMPTY_METER_VALUE_LIST)).isEqualTo(before + 1);
  }

  /** Verifies rule 2: Celsius in a StopTransaction goes as Celcius, each sample counted. */
  @Test
  void celsiusInAStopTransactionGoesAsCelcius() throws Exception {
    String soap = "1.1";
    long before = count(QuirkCounter.CELSIUS_AS_CELCIUS);
    try (SoapChargerSimulator charger = charger("CP16-CELSIUS", soap)) {
      SoapChargerSimulator.Exchange exchange = charger.send(OcppAction.STOP_TRANSACTION,
          "<stopTransactionRequest xmlns='" + CS16 + "'><transactionId>5</transactionId>"
              + "<timestamp>2026-11-21T11:00:00Z</timestamp><meterStop>200</meterStop>"
              + "<transactionData><timestamp>2026-11-21T11:00:00Z</timestamp>"
              + "<sampledValue><value>21.5</value><measurand>Temperature</measurand>"
              + "<unit>Celsius</unit></sampledValue><sampledValue><value>200</value>"
              + "<unit>Wh</unit></sampledValue><sampledValue><value>22</value>"
              + "<unit>Celsius</unit></sampledValue></transactionData>"
              + "</stopTransactionRequest>");
      assertThat(exchange.ok()).as(exchange.text()).isTrue();
    }
    assertThat(violations).isEmpty();
    JsonNode samples = payloadOf(csms.received(), "StopTransaction").get("transactionData")
        .get(0).get("sampledValue");
    assertThat(samples.findValuesAsText("unit")).containsExactly("Celcius", "Wh", "Celcius");
    assertThat(count(QuirkCounter.CELSIUS_AS_CELCIUS)).isEqualTo(before + 2);
  }

  /** Verifies rule 3: a charging schedule without periods is refused, never sent, counted. */
  @Test
  void chargingScheduleWithoutPeriodsIsRefused() throws Exception {
    String soap = "1.2";
    String id = "CP16-EMPTY-SCHEDULE";
    try (SoapChargerSimulator charger = charger(id, soap)) {
      assertThat(charger.send(OcppAction.HEARTBEAT, "<heartbeatRequest xmlns='" + CS16 + "'/>")
          .ok()).isTrue();
    }
    long before = count(QuirkCounter.EMPTY_CHARGING_SCHEDULE);
    JsonNode frame = csms.sendCall(id, "SetChargingProfile", JSON.readTree("""
        {"connectorId":1,"csChargingProfiles":{"chargingProfileId":2,"stackLevel":1,
         "chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",
         "chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[]}}}"""), WAIT)
        .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    assertThat(frame.get(0).asInt()).isEqualTo(4);
    assertThat(frame.get(2).asText()).isEqualTo("OccurenceConstraintViolation");
    assertThat(frame.get(3).asText()).isEqualTo("invalid SetChargingProfile request: "
        + "csChargingProfiles.chargingSchedule.chargingSchedulePeriod: at least one period is"
        + " required (the OCPP 1.6 SOAP interface of the charger has no empty charging"
        + " schedule); SetChargingProfile was not sent");
    assertThat(chargerServer.received()).isEmpty();
    assertThat(count(QuirkCounter.EMPTY_CHARGING_SCHEDULE)).isEqualTo(before + 1);
  }

  private static SoapChargerSimulator charger(String id, String soap) {
    return new SoapChargerSimulator(bridge.soapAddress(), id, OcppVersion.V1_6,
        soap.equals("1.2"), chargerServer.url().toString());
  }

  private static long count(String quirk) {
    return bridge.quirks().snapshot().getOrDefault(quirk, 0L);
  }

  private static JsonNode payloadOf(List<ReceivedCall> calls, String action) {
    return calls.stream().filter(c -> c.action().equals(action)).findFirst().orElseThrow()
        .payload();
  }

}
