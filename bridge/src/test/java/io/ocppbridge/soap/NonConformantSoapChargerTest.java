package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, over real sockets: a charger built on the SOAP stack of the most used Java OCPP
 * library ({@link JavaOcppStyleCharger}: requests in the charge-point namespace, {@code wsa:From}
 * as text, answers dropped unless addressed to it) works through the bridge against the
 * project's central-system simulator, in both directions.
 */
class NonConformantSoapChargerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TS = "2026-12-03T10:00:00Z";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Every charger-initiated operation of OCPP 1.6: action, request element, content. */
  private static final Map<String, String[]> OPERATIONS = new LinkedHashMap<>();

  static {
    OPERATIONS.put("BootNotification", new String[] {"bootNotificationRequest",
        "<chargePointVendor>ChargeTime</chargePointVendor><chargePointModel>JavaOCA</chargePointModel>"});
    OPERATIONS.put("Heartbeat", new String[] {"heartbeatRequest", ""});
    OPERATIONS.put("Authorize", new String[] {"authorizeRequest", "<idTag>04A1B2C3</idTag>"});
    OPERATIONS.put("StatusNotification", new String[] {"statusNotificationRequest",
        "<connectorId>1</connectorId><status>Available</status><errorCode>NoError</errorCode>"});
    OPERATIONS.put("StartTransaction", new String[] {"startTransactionRequest",
        "<connectorId>1</connectorId><idTag>04A1B2C3</idTag><timestamp>" + TS
            + "</timestamp><meterStart>1000</meterStart>"});
    OPERATIONS.put("MeterValues", new String[] {"meterValuesRequest",
        "<connectorId>1</connectorId><transactionId>1</transactionId><meterValue><timestamp>"
            + TS + "</timestamp><sampledValue><value>1500</value></sampledValue></meterValue>"});
    OPERATIONS.put("StopTransaction", new String[] {"stopTransactionRequest",
        "<transactionId>1</transactionId><timestamp>" + TS
            + "</timestamp><meterStop>2000</meterStop>"});
    OPERATIONS.put("DataTransfer", new String[] {"dataTransferRequest",
        "<vendorId>eu.chargetime</vendorId><messageId>Hello</messageId>"});
    OPERATIONS.put("DiagnosticsStatusNotification", new String[] {
        "diagnosticsStatusNotificationRequest", "<status>Idle</status>"});
    OPERATIONS.put("FirmwareStatusNotification", new String[] {
        "firmwareStatusNotificationRequest", "<status>Idle</status>"});
  }

  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start(Map.of("chargers.OCA16-STD.answerStyle", "standard"));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /**
   * Verifies that with the quirks handled every charger-initiated 1.6 operation reaches the
   * central system and its answer is kept by the charger.
   */
  @Test
  void everyChargerInitiatedOperationWorksEndToEnd() throws Exception {
    // GIVEN a charger of that stack
    try (JavaOcppStyleCharger charger = new JavaOcppStyleCharger("OCA16", fixture.soapUrl())) {
      // WHEN it sends each of its ten operations
      for (Map.Entry<String, String[]> op : OPERATIONS.entrySet()) {
        JavaOcppStyleCharger.Answer answer =
            charger.send(op.getKey(), op.getValue()[0], op.getValue()[1]);

        // THEN each answer is the operation's response, and the charger keeps it
        assertThat(answer.status()).as(op.getKey() + ": " + answer.raw()).isEqualTo(200);
        assertThat(answer.body().getLocalName()).as(answer.raw())
            .isEqualTo(Character.toLowerCase(op.getKey().charAt(0)) + op.getKey().substring(1)
                + "Response");
        assertThat(answer.kept()).as("kept: " + answer.raw()).isTrue();
      }
      // AND the central system received all ten, from this charger
      List<String> actions = fixture.csms().received().stream()
          .filter(c -> c.chargerId().equals("OCA16")).map(ReceivedCall::action).toList();
      assertThat(actions).containsExactlyElementsOf(OPERATIONS.keySet());
      // AND both quirks are counted for this charger, once per request
      Map<String, Long> quirks = fixture.bridge().sessions().find(new ChargerId("OCA16"))
          .orElseThrow().quirks();
      assertThat(quirks).containsEntry(QuirkCounter.CHARGE_POINT_NAMESPACE, 10L)
          .containsEntry(QuirkCounter.FROM_AS_TEXT, 10L);
      // AND the admin API shows them with the answer style detected
      JsonNode shown = charger("OCA16");
      assertThat(shown.get("quirks").get(QuirkCounter.CHARGE_POINT_NAMESPACE).asLong())
          .isEqualTo(10);
      assertThat(shown.get("quirks").get(QuirkCounter.FROM_AS_TEXT).asLong()).isEqualTo(10);
      assertThat(shown.get("answerStyle").asText()).isEqualTo("auto: echo-identity");
      // AND its text wsa:From became its callback address
      assertThat(shown.get("callbackAddress").asText()).isEqualTo(charger.ownUrl());
    }
  }

  /** Verifies that a charger set to the standard answer style gets answers it cannot match. */
  @Test
  void standardAnswerStyleIsWhatThatStackDrops() throws Exception {
    // GIVEN a charger of that stack configured with answerStyle: standard
    try (JavaOcppStyleCharger charger =
        new JavaOcppStyleCharger("OCA16-STD", fixture.soapUrl())) {
      // WHEN it sends a Heartbeat
      JavaOcppStyleCharger.Answer answer = charger.send("Heartbeat", "heartbeatRequest", "");

      // THEN the bridge answered it, but not in a form this charger keeps
      assertThat(answer.body().getLocalName()).isEqualTo("heartbeatResponse");
      assertThat(answer.kept()).isFalse();
      assertThat(charger("OCA16-STD").get("answerStyle").asText()).isEqualTo("standard");
    }
  }

  /** Verifies that faults come in the echo style too, so the charger sees its refusal. */
  @Test
  void faultsAreAddressedToTheChargerToo() throws Exception {
    // GIVEN a charger of that stack
    try (JavaOcppStyleCharger charger =
        new JavaOcppStyleCharger("OCA16-FAULT", fixture.soapUrl())) {
      // WHEN it sends a BootNotification without the required chargePointModel
      JavaOcppStyleCharger.Answer answer = charger.send("BootNotification",
          "bootNotificationRequest", "<chargePointVendor>ChargeTime</chargePointVendor>");

      // THEN the answer is a fault the charger keeps
      assertThat(answer.body().getLocalName()).as(answer.raw()).isEqualTo("Fault");
      assertThat(answer.kept()).as(answer.raw()).isTrue();
      // AND the admin API shows it as the charger's last refusal
      JsonNode last = charger("OCA16-FAULT").get("lastRefusal");
      assertThat(last.get("origin").asText()).isEqualTo("charger");
      assertThat(last.get("reason").asText()).contains("chargePointModel");
    }
  }

  /**
   * Verifies that central-system calls reach the charger at its text wsa:From and its answers
   * (in the charge-point namespace) return to the central system.
   */
  @Test
  void centralSystemCallsReachTheChargerAndItsAnswersReturn() throws Exception {
    // GIVEN a charger of that stack that booted through the bridge
    try (JavaOcppStyleCharger charger =
        new JavaOcppStyleCharger("OCA16-CS", fixture.soapUrl())) {
      assertThat(charger.send("BootNotification", "bootNotificationRequest",
          OPERATIONS.get("BootNotification")[1]).kept()).isTrue();
      Map<String, String[]> calls = new LinkedHashMap<>();
      calls.put("Reset", new String[] {"{\"type\":\"Soft\"}", "{\"status\":\"Accepted\"}"});
      calls.put("ChangeAvailability", new String[] {"{\"connectorId\":1,\"type\":\"Inoperative\"}",
          "{\"status\":\"Scheduled\"}"});
      calls.put("ClearCache", new String[] {"{}", "{\"status\":\"Accepted\"}"});
      calls.put("UnlockConnector", new String[] {"{\"connectorId\":1}",
          "{\"status\":\"Unlocked\"}"});
      calls.put("RemoteStartTransaction", new String[] {"{\"idTag\":\"04A1B2C3\"}",
          "{\"status\":\"Accepted\"}"});
      calls.put("RemoteStopTransaction", new String[] {"{\"transactionId\":1}",
          "{\"status\":\"Rejected\"}"});
      calls.put("GetLocalListVersion", new String[] {"{}", "{\"listVersion\":3}"});
      calls.put("TriggerMessage", new String[] {"{\"requestedMessage\":\"Heartbeat\"}",
          "{\"status\":\"Accepted\"}"});
      calls.put("DataTransfer", new String[] {"{\"vendorId\":\"eu.chargetime\"}",
          "{\"status\":\"UnknownVendorId\"}"});
      for (Map.Entry<String, String[]> call : calls.entrySet()) {
        // WHEN the central system sends the call
        JsonNode frame = call(charger, "OCA16-CS", call.getKey(), call.getValue()[0]);

        // THEN the charger's answer comes back as its CALLRESULT
        assertThat(frame.get(0).asInt()).as(call.getKey() + ": " + frame).isEqualTo(3);
        assertThat(frame.get(2)).as(call.getKey()).isEqualTo(JSON.readTree(call.getValue()[1]));
      }
      assertThat(charger.received()).hasSize(calls.size());
    }
  }

  /**
   * Verifies that an answer with an empty Body is reported as such: a WARN naming what was
   * wrong, and a CALLERROR saying so.
   */
  @Test
  void answerWithAnEmptyBodyIsReportedAccurately() throws Exception {
    // GIVEN a booted charger of that stack whose server answers with an empty Body
    try (JavaOcppStyleCharger charger =
        new JavaOcppStyleCharger("OCA16-EMPTY", fixture.soapUrl());
        LogCapture logs = LogCapture.of("io.ocppbridge.soap")) {
      charger.send("BootNotification", "bootNotificationRequest",
          OPERATIONS.get("BootNotification")[1]);
      charger.answerWithEmptyBody(true);

      // WHEN the central system sends it a Reset
      JsonNode frame = call(charger, "OCA16-EMPTY", "Reset", "{\"type\":\"Hard\"}");

      // THEN the central system gets an InternalError saying the Body was empty
      assertThat(frame.get(0).asInt()).as(frame.toString()).isEqualTo(4);
      assertThat(frame.get(2).asText()).isEqualTo("InternalError");
      assertThat(frame.get(3).asText()).isEqualTo(
          "the charger's answer to Reset is invalid: its SOAP Body is empty"
              + " (no resetResponse, no fault)");
      // AND the operator reads the same in a WARN line naming the charger
      assertThat(logs.warnings()).anySatisfy(line -> assertThat(line)
          .contains("[OCA16-EMPTY]").contains("Reset").contains("SOAP Body is empty"));
    }
  }

  /**
   * Verifies that the 1.5 and 1.2 charge-point namespaces are read as their own version's
   * central-system namespace, and that a charge-point operation stays refused.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource({
      "1.5, urn://Ocpp/Cp/2012/06/, urn://Ocpp/Cs/2012/06/",
      "1.2, urn://Ocpp/Cp/2010/08/, urn://Ocpp/Cs/2010/08/"})
  void olderChargePointNamespacesAreReadAsTheirCentralSystemNamespace(String version,
      String cp, String cs) throws Exception {
    String id = "OCA" + version.replace(".", "");
    // WHEN a Heartbeat comes in that version's charge-point namespace
    HttpResponse<String> answer = io.ocppbridge.testsupport.SoapPost.post(fixture.soapUrl(),
        "application/soap+xml; charset=utf-8", cpEnvelope(cp, id, "<heartbeatRequest xmlns=\""
            + cp + "\"/>"));

    // THEN it is answered in that version, and relayed for this charger
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("heartbeatResponse").contains(cs);
    assertThat(fixture.bridge().sessions().find(new ChargerId(id)).orElseThrow().version()
        .label()).isEqualTo(version);

    // AND a charge-point operation in that namespace is still refused, as the other service's
    HttpResponse<String> reset = io.ocppbridge.testsupport.SoapPost.post(fixture.soapUrl(),
        "application/soap+xml; charset=utf-8", cpEnvelope(cp, id, "<resetRequest xmlns=\""
            + cp + "\"><type>Hard</type></resetRequest>"));
    assertThat(reset.statusCode()).isNotEqualTo(200);
    assertThat(reset.body()).contains("Fault");
  }

  private static String cpEnvelope(String cp, String id, String body) {
    return "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Header>"
        + "<cs:chargeBoxIdentity xmlns:cs=\"" + cp + "\" env:mustUnderstand=\"true\">" + id
        + "</cs:chargeBoxIdentity></env:Header><env:Body>" + body + "</env:Body></env:Envelope>";
  }

  private static JsonNode call(JavaOcppStyleCharger charger, String id, String action,
      String payload) throws Exception {
    return fixture.csms().sendCall(id, action, JSON.readTree(payload), WAIT)
        .get(20, TimeUnit.SECONDS);
  }

  static JsonNode charger(String id) throws Exception {
    return charger(fixture, id);
  }

  /** One charger as {@code /api/chargers} lists it (MissingNode when absent). */
  static JsonNode charger(BridgeFixture bridge, String id) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + bridge.bridge().adminPort() + "/api/chargers")).build(),
        HttpResponse.BodyHandlers.ofString());
    for (JsonNode c : JSON.readTree(response.body())) {
      if (id.equals(c.get("id").asText())) {
        return c;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

}
