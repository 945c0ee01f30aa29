package io.ocppbridge.relay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the central system gets when a relayed call cannot be delivered or the charger answers
 * badly (DESIGN "Errors"): always a CALLERROR whose code and description say which, never a hang
 * and never an invented success; calls the bridge must not forward are answered by the bridge
 * without any request to the charger; and calls to different chargers do not wait for each other.
 *
 * <p>One bridge ({@code chargers.callTimeout} 1 s) and one WireMock charger server serve the
 * class; every test uses its own charger identity and callback path.
 */
class ChargerCallbackFailureTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOAP12 = "application/soap+xml; charset=utf-8";
  private static final String SOAP11 = "text/xml; charset=utf-8";
  private static final String RESET_ACCEPTED =
      "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body>"
          + "<resetResponse xmlns='urn://Ocpp/Cp/2012/06/'><status>Accepted</status>"
          + "</resetResponse></s:Body></s:Envelope>";

  private static WireMockServer charger;
  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    charger = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    charger.start();
    fixture = BridgeFixture.start(Map.of("chargers.callTimeout", "1s"));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
    if (charger != null) {
      charger.stop();
    }
  }

  // ---------------------------------------------------------------- delivery failures

  /** Verifies that a charger whose SOAP server is down yields InternalError "unreachable". */
  @Test
  void unreachableChargerIsAnInternalError() throws Exception {
    // GIVEN a charger naming a port nobody listens on
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    register(fixture, "CB-DOWN", "http://127.0.0.1:" + closedPort + "/cp");

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-DOWN");

    // THEN it is an InternalError saying the charger is unreachable
    assertCallError(answer, "InternalError", "unreachable");
  }

  /** Verifies that a charger slower than the call timeout gets InternalError "did not answer". */
  @Test
  void slowChargerTimesOutWithinTheCallTimeout() throws Exception {
    // GIVEN a charger that answers only after 3 s, with chargers.callTimeout 1s
    String path = stub("/slow", soap(RESET_ACCEPTED).withFixedDelay(3000));
    register(fixture, "CB-SLOW", url(path));

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-SLOW");

    // THEN it is an InternalError saying the charger did not answer within 1 s
    assertCallError(answer, "InternalError", "did not answer Reset within 1 s");
  }

  /**
   * Verifies that a charger sending its headers at once but its body slowly is still held to
   * chargers.callTimeout.
   */
  @Test
  void slowBodyCountsAgainstTheCallTimeout() throws Exception {
    // GIVEN a charger that sends headers at once and its body over 3 s, callTimeout 1s
    String path = stub("/dribble", soap(RESET_ACCEPTED).withChunkedDribbleDelay(6, 3000));
    register(fixture, "CB-DRIBBLE", url(path));

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-DRIBBLE");

    // THEN it is the timeout error, not a late success
    assertCallError(answer, "InternalError", "did not answer Reset within 1 s");
  }

  /** Verifies that a sub-second chargers.callTimeout is reported as it is, not as "0 s". */
  @Test
  void subSecondTimeoutIsDescribedTruthfully() throws Exception {
    // GIVEN a bridge with chargers.callTimeout 500ms and a charger that answers after 3 s
    String path = stub("/slow-ms", soap(RESET_ACCEPTED).withFixedDelay(3000));
    try (BridgeFixture quick = BridgeFixture.start(Map.of("chargers.callTimeout", "500ms"))) {
      register(quick, "CB-SLOW-MS", url(path));

      // WHEN the central system sends Reset
      JsonNode answer = reset(quick, "CB-SLOW-MS");

      // THEN the description names the real limit
      assertCallError(answer, "InternalError", "did not answer Reset within");
      assertThat(answer.get(3).asText()).doesNotContain("within 0 s")
          .containsAnyOf("500 ms", "0.5 s");
    }
  }

  /** Verifies that an HTTP 404 without a SOAP envelope is an InternalError naming HTTP 404. */
  @Test
  void http404NamesTheStatus() throws Exception {
    // GIVEN a charger server answering 404 with a plain-text page
    String path = stub("/not-found", aResponse().withStatus(404)
        .withHeader("Content-Type", "text/plain").withBody("Not Found"));
    register(fixture, "CB-404", url(path));

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-404");

    // THEN it is an InternalError naming HTTP 404
    assertCallError(answer, "InternalError", "HTTP 404");
  }

  /** Verifies that an HTTP 404 carrying a SOAP payload (no fault) is not taken as success. */
  @Test
  void http404WithASoapPayloadIsNotASuccess() throws Exception {
    // GIVEN a charger server answering 404 with a well-formed resetResponse
    String path = stub("/not-found-soap", soap(RESET_ACCEPTED).withStatus(404));
    register(fixture, "CB-404-SOAP", url(path));

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-404-SOAP");

    // THEN it is an InternalError naming HTTP 404
    assertCallError(answer, "InternalError", "HTTP 404");
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of("not XML", "text/plain", "OK, resetting now"),
        Arguments.of("HTML", "text/html",
            "<!DOCTYPE html><html><body><h1>It works!</h1></body></html>"),
        Arguments.of("XHTML", "text/html", "<html><body><p>It works!</p></body></html>"),
        Arguments.of("empty", SOAP12, ""),
        Arguments.of("XML not an envelope", "text/xml",
            "<resetResponse xmlns='urn://Ocpp/Cp/2012/06/'><status>Accepted</status>"
                + "</resetResponse>"),
        Arguments.of("envelope without Body", SOAP12,
            "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'/>"));
  }

  /** Verifies that an HTTP 200 answer that is not SOAP is an InternalError "not SOAP". */
  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void answerThatIsNotSoapIsAnInternalError(String kind, String contentType, String body)
      throws Exception {
    // GIVEN a charger server answering 200 with something that is not a SOAP envelope
    String id = "CB-GARBAGE-" + UUID.randomUUID().toString().substring(0, 8);
    String path = stub("/garbage", aResponse().withStatus(200)
        .withHeader("Content-Type", contentType).withBody(body));
    register(fixture, id, url(path));

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, id);

    // THEN it is an InternalError saying the answer is not SOAP
    assertCallError(answer, "InternalError", "not SOAP");
  }

  // ---------------------------------------------------------------- faults from the charger

  /** Verifies that a SOAP 1.2 fault with an OCPP subcode becomes that code with its reason. */
  @Test
  void soap12FaultWithOcppSubcodeBecomesThatCode() throws Exception {
    // GIVEN a charger answering with a Sender fault, subcode tns:NotSupported
    String path = stub("/fault12", aResponse().withStatus(400).withHeader("Content-Type", SOAP12)
        .withBody("<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'"
            + " xmlns:tns='urn://Ocpp/Cp/2012/06/'><s:Body><s:Fault>"
            + "<s:Code><s:Value>s:Sender</s:Value>"
            + "<s:Subcode><s:Value>tns:NotSupported</s:Value></s:Subcode></s:Code>"
            + "<s:Reason><s:Text xml:lang='en'>soft reset is not supported by this model"
            + "</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>"));
    register(fixture, "CB-FAULT12", url(path));

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-FAULT12");

    // THEN it is NotSupported with the charger's reason
    assertCallError(answer, "NotSupported", "soft reset is not supported by this model");
  }

  /** Verifies that a SOAP 1.1 fault with an OCPP errorCode detail becomes that code. */
  @Test
  void soap11FaultWithErrorCodeDetailBecomesThatCode() throws Exception {
    // GIVEN a SOAP 1.1 charger answering with a Client fault whose detail has an errorCode
    String path = stub("/fault11", aResponse().withStatus(500).withHeader("Content-Type", SOAP11)
        .withBody("<soapenv:Envelope xmlns:soapenv='http://schemas.xmlsoap.org/soap/envelope/'>"
            + "<soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode>"
            + "<faultstring>unexpected field in reset</faultstring>"
            + "<detail><errorCode>PropertyConstraintViolation</errorCode></detail>"
            + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>"));
    assertThat(SoapPost.post(fixture.soapUrl(), SOAP11, heartbeat11("CB-FAULT11", url(path)))
        .statusCode()).isEqualTo(200);

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-FAULT11");

    // THEN it is PropertyConstraintViolation with the charger's faultstring
    assertCallError(answer, "PropertyConstraintViolation", "unexpected field in reset");
    // AND the charger was addressed in SOAP 1.1, as it speaks
    assertThat(charger.findAll(postRequestedFor(urlEqualTo(path))).get(0)
        .getHeader("Content-Type")).contains("text/xml");
  }

  /** Verifies that a fault without an OCPP subcode becomes GenericError. */
  @Test
  void faultWithoutOcppSubcodeIsAGenericError() throws Exception {
    // GIVEN a charger answering with a bare Receiver fault
    String path = stub("/fault-bare", aResponse().withStatus(500)
        .withHeader("Content-Type", SOAP12)
        .withBody("<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'>"
            + "<soap:Body><soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value>"
            + "</soap:Code><soap:Reason><soap:Text xml:lang='en'>relay board failure"
            + "</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>"));
    register(fixture, "CB-FAULT-BARE", url(path));

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-FAULT-BARE");

    // THEN it is a GenericError with the charger's reason
    assertCallError(answer, "GenericError", "relay board failure");
  }

  /** Verifies that a well-formed SOAP answer with an invalid payload is InternalError "invalid". */
  @Test
  void validSoapWithInvalidPayloadIsAnInternalError() throws Exception {
    // GIVEN a charger answering Reset with status "Maybe"
    String path = stub("/maybe", soap(RESET_ACCEPTED.replace("Accepted", "Maybe")));
    register(fixture, "CB-MAYBE", url(path));

    // WHEN the central system sends Reset
    JsonNode answer = reset(fixture, "CB-MAYBE");

    // THEN it is an InternalError saying the charger's answer is invalid
    assertCallError(answer, "InternalError", "answer to Reset is invalid");
  }

  // ---------------------------------------------------------------- calls never forwarded

  static Stream<Arguments> neverForwarded() {
    return Stream.of(
        Arguments.of("FooBar", "{}", "NotImplemented", "FooBar"),
        Arguments.of("BootNotification",
            "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}", "NotSupported",
            "BootNotification"),
        Arguments.of("Reset", "{\"type\":\"Hard2\"}", "TypeConstraintViolation", "type"),
        Arguments.of("Reset", "{\"type\":\"Soft\",\"delay\":5}", "PropertyConstraintViolation",
            "delay"),
        Arguments.of("UnlockConnector", "{\"connectorId\":\"1\"}", "TypeConstraintViolation",
            "connectorId"));
  }

  /**
   * Verifies that a call the bridge cannot deliver faithfully is answered by the bridge with the
   * matching code, never reaches the charger, and leaves the relay working.
   */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("neverForwarded")
  void refusesCallsItMustNotForward(String action, String payload, String code, String names)
      throws Exception {
    // GIVEN a 1.5 charger with a working SOAP server
    String id = "CB-REFUSE-" + UUID.randomUUID().toString().substring(0, 8);
    String path = stub("/refuse", soap(RESET_ACCEPTED));
    register(fixture, id, url(path));

    // WHEN the central system sends the call
    JsonNode answer = fixture.csms().sendCall(id, action, JSON.readTree(payload),
        Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);

    // THEN the bridge answers with the code, naming the culprit, and the charger got nothing
    assertCallError(answer, code, names);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
    // AND a valid call afterwards is still relayed
    assertAccepted(reset(fixture, id));
    assertThat(charger.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
  }

  /**
   * Verifies that UnlockConnector without its required connectorId is refused with
   * OccurenceConstraintViolation and never reaches the charger (no invented connector 0).
   */
  @Test
  void refusesUnlockConnectorWithoutConnectorId() throws Exception {
    refusesCallsItMustNotForward("UnlockConnector", "{}", "OccurenceConstraintViolation",
        "connectorId");
  }

  /** Verifies that ReserveNow (OCPP 1.5 only) is not sent to an OCPP 1.2 charger. */
  @Test
  void refusesReserveNowForAnOcpp12Charger() throws Exception {
    // GIVEN an OCPP 1.2 charger with a working SOAP server
    String path = stub("/ocpp12", soap("<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-"
        + "envelope'><s:Body><resetResponse xmlns='urn://Ocpp/Cp/2010/08/'><status>Accepted"
        + "</status></resetResponse></s:Body></s:Envelope>"));
    assertThat(SoapPost.post(fixture.soapUrl(), SOAP12, heartbeat12("CB-OCPP12", url(path)))
        .statusCode()).isEqualTo(200);

    // WHEN the central system sends ReserveNow
    JsonNode answer = fixture.csms().sendCall("CB-OCPP12", "ReserveNow",
        JSON.readTree("{\"connectorId\":1,\"expiryDate\":\"2030-01-01T00:00:00Z\","
            + "\"idTag\":\"TAG1\",\"reservationId\":7}"),
        Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);

    // THEN it is NotSupported naming the action and the version, and the charger got nothing
    assertCallError(answer, "NotSupported", "ReserveNow", "1.2");
    assertThat(charger.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
    // AND a Reset afterwards is still relayed
    assertAccepted(reset(fixture, "CB-OCPP12"));
    assertThat(charger.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
  }

  // ---------------------------------------------------------------- independence of chargers

  /** Verifies that a slow charger does not hold up a call to another charger. */
  @Test
  void callsToDifferentChargersProceedInParallel() throws Exception {
    // GIVEN charger A answering after 2 s and charger B at once, on a bridge waiting up to 10 s
    String slowPath = stub("/parallel-a", soap(RESET_ACCEPTED).withFixedDelay(2000));
    String fastPath = stub("/parallel-b", soap(RESET_ACCEPTED));
    try (BridgeFixture patient = BridgeFixture.start(Map.of("chargers.callTimeout", "10s"))) {
      register(patient, "CB-PAR-A", url(slowPath));
      register(patient, "CB-PAR-B", url(fastPath));
      ConcurrentLinkedQueue<String> completed = new ConcurrentLinkedQueue<>();

      // WHEN the central system sends Reset to A, then to B
      CompletableFuture<JsonNode> a = patient.csms().sendCall("CB-PAR-A", "Reset",
          JSON.readTree("{\"type\":\"Soft\"}"), Duration.ofSeconds(15))
          .whenComplete((r, e) -> completed.add("A"));
      CompletableFuture<JsonNode> b = patient.csms().sendCall("CB-PAR-B", "Reset",
          JSON.readTree("{\"type\":\"Soft\"}"), Duration.ofSeconds(15))
          .whenComplete((r, e) -> completed.add("B"));

      // THEN both succeed, and B's answer came first
      assertAccepted(a.get(20, TimeUnit.SECONDS));
      assertAccepted(b.get(20, TimeUnit.SECONDS));
      assertThat(List.copyOf(completed)).containsExactly("B", "A");
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Stubs a unique path on the charger server; returns it. */
  private static String stub(String prefix, ResponseDefinitionBuilder response) {
    String path = prefix + "-" + UUID.randomUUID();
    charger.stubFor(post(urlEqualTo(path)).willReturn(response));
    return path;
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + charger.port() + path;
  }

  private static ResponseDefinitionBuilder soap(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", SOAP12).withBody(body);
  }

  private static void register(BridgeFixture bridge, String identity, String from)
      throws Exception {
    assertThat(SoapPost.heartbeat15(bridge.soapUrl(), identity, from).statusCode())
        .isEqualTo(200);
  }

  /** A 1.5 Heartbeat over SOAP 1.1 with WS-Addressing 2005/08. */
  private static String heartbeat11(String identity, String from) {
    return "<soapenv:Envelope xmlns:soapenv='http://schemas.xmlsoap.org/soap/envelope/'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/' xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
        + "<soapenv:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:" + UUID.randomUUID()
        + "</wsa:MessageID><wsa:From><wsa:Address>" + from + "</wsa:Address></wsa:From>"
        + "</soapenv:Header><soapenv:Body><cs:heartbeatRequest/></soapenv:Body>"
        + "</soapenv:Envelope>";
  }

  /** An OCPP 1.2 Heartbeat over SOAP 1.2 with WS-Addressing 2004/08. */
  private static String heartbeat12(String identity, String from) {
    return "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2010/08/'"
        + " xmlns:wsa='http://schemas.xmlsoap.org/ws/2004/08/addressing'>"
        + "<soap:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:" + UUID.randomUUID()
        + "</wsa:MessageID><wsa:From><wsa:Address>" + from + "</wsa:Address></wsa:From>"
        + "</soap:Header><soap:Body><cs:heartbeatRequest/></soap:Body></soap:Envelope>";
  }

  private static JsonNode reset(BridgeFixture bridge, String identity) throws Exception {
    return bridge.csms().sendCall(identity, "Reset", JSON.readTree("{\"type\":\"Soft\"}"),
        Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
  }

  private static void assertAccepted(JsonNode answer) throws Exception {
    assertThat(answer.get(0).asInt()).as("frame %s", answer).isEqualTo(3);
    assertThat(answer.get(2)).isEqualTo(JSON.readTree("{\"status\":\"Accepted\"}"));
  }

  private static void assertCallError(JsonNode answer, String code, String... fragments) {
    assertThat(answer.get(0).asInt()).as("frame %s", answer).isEqualTo(4);
    assertThat(answer.get(2).asText()).as("frame %s", answer).isEqualTo(code);
    assertThat(answer.get(3).asText()).contains(fragments);
    assertThat(answer.get(4)).isEqualTo(JSON.createObjectNode());
  }
}
