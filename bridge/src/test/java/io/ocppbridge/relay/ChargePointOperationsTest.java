package io.ocppbridge.relay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every central-system-initiated operation of OCPP 1.5 and 1.2, sent by the central system on a
 * charger's WebSocket and relayed by the bridge to the charger's SOAP server (WireMock), checked
 * against what ocppjs did for the same prompt command (recorded in
 * {@code ../shared/reference/ocppjs-captures/}): the SOAP request must carry the same body as
 * ocppjs's SOAP central system wrote, with the headers OCPP asks for, in the SOAP version of the
 * charger; the charger's answer — clean, or as ocppjs's charger really sent it — must become the
 * CALLRESULT ocppjs's JSON charger answered, and its faults the CALLERROR with their OCPP code.
 */
class ChargePointOperationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WSA_2005 = "http://www.w3.org/2005/08/addressing";
  private static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
  private static final Map<String, String> CS_NAMESPACE = Map.of(
      "1.5", "urn://Ocpp/Cs/2012/06/", "1.2", "urn://Ocpp/Cs/2010/08/");
  private static final Map<String, String> CP_NAMESPACE = Map.of(
      "1.5", "urn://Ocpp/Cp/2012/06/", "1.2", "urn://Ocpp/Cp/2010/08/");
  private static final Map<String, List<String>> OPERATIONS = Map.of(
      "1.2", List.of("Reset", "UnlockConnector", "ChangeAvailability", "ClearCache",
          "ChangeConfiguration", "GetDiagnostics", "UpdateFirmware", "RemoteStartTransaction",
          "RemoteStopTransaction"),
      "1.5", List.of("Reset", "UnlockConnector", "ChangeAvailability", "ClearCache",
          "ChangeConfiguration", "GetDiagnostics", "UpdateFirmware", "RemoteStartTransaction",
          "RemoteStopTransaction", "CancelReservation", "DataTransfer", "GetConfiguration",
          "GetLocalListVersion", "ReserveNow", "SendLocalList"));
  /**
   * Operations whose recorded SOAP answer is a fault although ocppjs's JSON charger accepted the
   * same request: ocppjs's SOAP charger refused its own central system's SendLocalList with
   * PropertyConstraintViolation (in both recordings). The clean answer is then the JSON twin's
   * CALLRESULT written as XML, and the recorded one is checked as a fault.
   */
  private static final Map<String, String> RECORDED_AS_FAULT = Map.of(
      "1.5 SendLocalList", "PropertyConstraintViolation");
  private static final Map<String, String> CLEAN_ANSWER_INSTEAD_OF_FAULT = Map.of(
      "1.5 SendLocalList", "<sendLocalListResponse xmlns='urn://Ocpp/Cp/2012/06/'>"
          + "<status>Accepted</status><hash></hash></sendLocalListResponse>");
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  private static final AtomicInteger CHARGERS = new AtomicInteger();

  private static BridgeFixture fixture;
  private static WireMockServer charger;

  @BeforeAll
  static void start() {
    charger = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    charger.start();
    fixture = BridgeFixture.start(Map.of());
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

  @BeforeEach
  void forgetThePreviousCase() {
    charger.resetAll();
    fixture.csms().clearReceived();
  }

  static Stream<Arguments> operationsAndSoapVersions() {
    List<Arguments> cases = new ArrayList<>();
    for (String ocpp : List.of("1.5", "1.2")) {
      for (String op : OPERATIONS.get(ocpp)) {
        for (String soap : List.of("1.2", "1.1")) {
          cases.add(Arguments.of(ocpp, op, soap));
        }
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> cleanAnswers() {
    return operationsAndSoapVersions();
  }

  static Stream<Arguments> recordedAnswers() {
    List<Arguments> cases = new ArrayList<>();
    for (String ocpp : List.of("1.5", "1.2")) {
      for (String op : OPERATIONS.get(ocpp)) {
        String key = ocpp + " " + op;
        if (!RECORDED_AS_FAULT.containsKey(key)) {
          for (String dir : List.of(OcppjsCsCapture.ORIG, OcppjsCsCapture.SOAP12_VARIANT)) {
            cases.add(Arguments.of(ocpp, op, dir));
          }
        }
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> recordedFaults() {
    List<Arguments> cases = new ArrayList<>();
    for (String dir : List.of(OcppjsCsCapture.ORIG, OcppjsCsCapture.SOAP12_VARIANT)) {
      cases.add(Arguments.of("1.5", "error-TypeConstraintViolation", dir,
          "TypeConstraintViolation"));
      cases.add(Arguments.of("1.5", "error-TypeConstraintViolation-raw", dir,
          "TypeConstraintViolation"));
      cases.add(Arguments.of("1.5", "error-OccurenceConstraintViolation-raw", dir,
          "OccurenceConstraintViolation"));
      cases.add(Arguments.of("1.2", "error-TypeConstraintViolation", dir,
          "TypeConstraintViolation"));
      RECORDED_AS_FAULT.forEach((key, code) -> cases.add(
          Arguments.of(key.split(" ")[0], key.split(" ")[1], dir, code)));
    }
    return cases.stream();
  }

  /** Verifies that the operations covered here are all those the bridge relays per version. */
  @Test
  void coversEveryCentralSystemOperationOfBothVersions() {
    // GIVEN the bridge's catalogue of central-system-initiated operations
    // WHEN it is listed per version
    // THEN it holds the 15 operations of OCPP 1.5 and the 9 of OCPP 1.2 this class checks
    assertThat(OcppAction.all(OcppVersion.V1_5, Initiator.CENTRAL_SYSTEM).stream()
        .map(OcppAction::wireName).toList())
        .containsExactlyInAnyOrderElementsOf(OPERATIONS.get("1.5"));
    assertThat(OcppAction.all(OcppVersion.V1_2, Initiator.CENTRAL_SYSTEM).stream()
        .map(OcppAction::wireName).toList())
        .containsExactlyInAnyOrderElementsOf(OPERATIONS.get("1.2"));
  }

  /**
   * Verifies that the charger gets one SOAP request in its own SOAP version, with the OCPP and
   * addressing headers and the body ocppjs's central system wrote for the same CALL.
   */
  @ParameterizedTest(name = "OCPP {0} {1} to a SOAP {2} charger")
  @MethodSource("operationsAndSoapVersions")
  void sendsTheRequestOcppjsSendsWithTheHeadersOfTheChargersSoapVersion(String ocpp, String op,
      String soap) throws Exception {
    // GIVEN a charger that named its SOAP server in its last request and answers cleanly
    OcppjsCsCapture capture = new OcppjsCsCapture(ocpp, op);
    Element expectedBody = capture.requestPayload();
    Charger cp = registeredCharger(ocpp, soap, WSA_2005, op, cleanAnswer(capture, soap));

    // WHEN the central system sends the CALL ocppjs's central system sent
    JsonNode frame = cp.call(op, capture.callPayload());

    // THEN the charger received exactly one POST of this operation in its SOAP version
    assertThat(frame.get(0).asInt()).as("answer %s", frame).isEqualTo(3);
    LoggedRequest request = cp.onlyRequest();
    String contentType = request.getHeader("Content-Type");
    if ("1.2".equals(soap)) {
      assertThat(contentType).startsWith("application/soap+xml")
          .contains("action=\"/" + op + "\"");
    } else {
      assertThat(contentType).startsWith("text/xml");
      assertThat(request.getHeader("SOAPAction")).isEqualTo("\"/" + op + "\"");
    }
    Document envelope = XmlTrees.parse(request.getBody());
    String soapNs = "1.2".equals(soap) ? XmlTrees.SOAP12 : XmlTrees.SOAP11;
    Element root = envelope.getDocumentElement();
    assertThat(XmlTrees.name(root)).isEqualTo("{" + soapNs + "}Envelope");
    // AND its headers name the charger, its address, the action and the bridge
    Element header = only(root, soapNs, "Header");
    assertThat(text(header, CP_NAMESPACE.get(ocpp), "chargeBoxIdentity")).isEqualTo(cp.identity);
    assertThat(text(header, WSA_2005, "To")).isEqualTo(cp.from);
    assertThat(text(header, WSA_2005, "Action")).isEqualTo("/" + op);
    assertThat(text(header, WSA_2005, "MessageID")).isNotBlank();
    assertThat(text(only(header, WSA_2005, "From"), WSA_2005, "Address"))
        .isEqualTo(fixture.soapUrl().toString());
    assertThat(text(only(header, WSA_2005, "ReplyTo"), WSA_2005, "Address"))
        .isEqualTo(WSA_2005 + "/anonymous");
    // AND its body is the one ocppjs's central system wrote, elements in XSD order
    Element body = XmlTrees.onlyChild(only(root, soapNs, "Body"));
    assertThat(XmlTrees.difference(expectedBody, body))
        .as("body sent:\n%s", new String(request.getBody(), StandardCharsets.UTF_8))
        .isNull();
  }

  /**
   * Verifies that the charger's clean SOAP answer, in its SOAP version, becomes the CALLRESULT
   * ocppjs's JSON charger answered to the same CALL.
   */
  @ParameterizedTest(name = "OCPP {0} {1} from a SOAP {2} charger")
  @MethodSource("cleanAnswers")
  void turnsTheChargersCleanAnswerIntoTheJsonTwinsCallResult(String ocpp, String op, String soap)
      throws Exception {
    assertCleanAnswerBecomesTheJsonTwinsCallResult(ocpp, op, soap);
  }

  /**
   * Verifies that the answers ocppjs's SOAP charger really sent (SOAP 1.1 envelope to a SOAP 1.2
   * request, undeclared {@code SOAP-ENV:} prefix, odd headers) become the JSON twin's CALLRESULT.
   */
  @ParameterizedTest(name = "OCPP {0} {1} answered as recorded in {2}")
  @MethodSource("recordedAnswers")
  void turnsTheRecordedOcppjsAnswerIntoTheJsonTwinsCallResult(String ocpp, String op,
      String dir) throws Exception {
    assertRecordedAnswerBecomesTheJsonTwinsCallResult(ocpp, op, dir);
  }

  /**
   * Verifies that the empty {@code <unknownKey></unknownKey>} with which ocppjs's SOAP charger
   * writes "no unknown keys" in a GetConfiguration answer becomes {@code "unknownKey":[]}, as
   * its JSON twin answered, for a clean and for a recorded answer.
   */
  @ParameterizedTest(name = "GetConfiguration answered {0} {1}")
  @MethodSource("getConfigurationAnswers")
  void turnsAnEmptyUnknownKeyElementIntoAnEmptyList(String form, String soapOrDir)
      throws Exception {
    if (form.equals("clean")) {
      assertCleanAnswerBecomesTheJsonTwinsCallResult("1.5", "GetConfiguration", soapOrDir);
    } else {
      assertRecordedAnswerBecomesTheJsonTwinsCallResult("1.5", "GetConfiguration", soapOrDir);
    }
  }

  static Stream<Arguments> getConfigurationAnswers() {
    return Stream.of(Arguments.of("clean", "1.2"), Arguments.of("clean", "1.1"),
        Arguments.of("recorded", OcppjsCsCapture.ORIG),
        Arguments.of("recorded", OcppjsCsCapture.SOAP12_VARIANT));
  }

  /**
   * Verifies that the faults ocppjs's SOAP charger really sent (nested in a second Body, with
   * HTTP 200) become a CALLERROR with the fault's OCPP error code.
   */
  @ParameterizedTest(name = "OCPP {0} {1} answered as recorded in {2}")
  @MethodSource("recordedFaults")
  void turnsTheRecordedOcppjsFaultIntoACallErrorWithItsCode(String ocpp, String label,
      String dir, String code) throws Exception {
    // GIVEN a SOAP 1.2 charger that answers with the fault ocppjs's charger sent
    OcppjsCsCapture capture = new OcppjsCsCapture(ocpp, label);
    String op = capture.soapOperation();
    OcppjsCsCapture.RecordedAnswer recorded = capture.recordedAnswer(dir);
    assertThat(new String(recorded.body(), StandardCharsets.UTF_8))
        .as("the recorded answer is a fault").contains("Fault>").contains(">" + code + "<");
    Charger cp = registeredCharger(ocpp, "1.2", WSA_2005, op, recordedAnswer(recorded));

    // WHEN the central system sends a valid CALL of that operation
    JsonNode frame = cp.call(op, new OcppjsCsCapture(ocpp, op).callPayload());

    // THEN it gets a CALLERROR with the fault's OCPP code
    assertThat(frame.size()).as("answer %s", frame).isEqualTo(5);
    assertThat(frame.get(0).asInt()).as("answer %s", frame).isEqualTo(4);
    assertThat(frame.get(2).asText()).isEqualTo(code);
    assertThat(frame.get(3).isTextual()).as("description of %s", frame).isTrue();
    assertThat(frame.get(4)).isEqualTo(JSON.createObjectNode());
    assertThat(cp.requests()).hasSize(1);
  }

  /**
   * Verifies that a charger using WS-Addressing 2004/08 over SOAP 1.1 gets its request in that
   * addressing namespace, with that version's anonymous ReplyTo.
   */
  @Test
  void writesTheAddressingHeadersInTheNamespaceTheChargerUses() throws Exception {
    // GIVEN a SOAP 1.1 charger that speaks WS-Addressing 2004/08
    OcppjsCsCapture capture = new OcppjsCsCapture("1.5", "Reset");
    Charger cp = registeredCharger("1.5", "1.1", WSA_2004, "Reset", cleanAnswer(capture, "1.1"));

    // WHEN the central system sends Reset
    JsonNode frame = cp.call("Reset", capture.callPayload());

    // THEN its addressing headers are in the 2004/08 namespace
    assertThat(frame.get(0).asInt()).as("answer %s", frame).isEqualTo(3);
    Element root = XmlTrees.parse(cp.onlyRequest().getBody()).getDocumentElement();
    Element header = only(root, XmlTrees.SOAP11, "Header");
    assertThat(text(header, WSA_2004, "To")).isEqualTo(cp.from);
    assertThat(text(header, WSA_2004, "Action")).isEqualTo("/Reset");
    assertThat(text(header, WSA_2004, "MessageID")).isNotBlank();
    assertThat(text(only(header, WSA_2004, "From"), WSA_2004, "Address"))
        .isEqualTo(fixture.soapUrl().toString());
    assertThat(text(only(header, WSA_2004, "ReplyTo"), WSA_2004, "Address"))
        .isEqualTo(WSA_2004 + "/role/anonymous");
    assertThat(XmlTrees.children(header).stream().map(Element::getNamespaceURI))
        .doesNotContain(WSA_2005);
  }

  private static void assertCleanAnswerBecomesTheJsonTwinsCallResult(String ocpp, String op,
      String soap) throws Exception {
    // GIVEN a charger answering with the recorded answer's payload in a clean envelope
    OcppjsCsCapture capture = new OcppjsCsCapture(ocpp, op);
    Charger cp = registeredCharger(ocpp, soap, WSA_2005, op, cleanAnswer(capture, soap));

    // WHEN the central system sends the CALL
    JsonNode frame = cp.call(op, capture.callPayload());

    // THEN it gets the CALLRESULT ocppjs's JSON charger sent
    assertThat(frame.get(0).asInt()).as("answer %s", frame).isEqualTo(3);
    assertThat(withoutEmptyLists(frame.get(2)))
        .isEqualTo(withoutEmptyLists(capture.callResultPayload()));
    assertThat(cp.requests()).hasSize(1);
  }

  private static void assertRecordedAnswerBecomesTheJsonTwinsCallResult(String ocpp, String op,
      String dir) throws Exception {
    // GIVEN a SOAP 1.2 charger (as ocppjs's) that answers byte for byte as ocppjs's did
    OcppjsCsCapture capture = new OcppjsCsCapture(ocpp, op);
    Charger cp = registeredCharger(ocpp, "1.2", WSA_2005, op,
        recordedAnswer(capture.recordedAnswer(dir)));

    // WHEN the central system sends the CALL
    JsonNode frame = cp.call(op, capture.callPayload());

    // THEN it gets the CALLRESULT ocppjs's JSON charger sent
    assertThat(frame.get(0).asInt()).as("answer %s", frame).isEqualTo(3);
    assertThat(withoutEmptyLists(frame.get(2)))
        .isEqualTo(withoutEmptyLists(capture.callResultPayload()));
    assertThat(cp.requests()).hasSize(1);
  }

  /** A clean envelope of the charger's SOAP version around the recorded answer's payload. */
  private static ResponseDefinitionBuilder cleanAnswer(OcppjsCsCapture capture, String soap)
      throws Exception {
    String substitute = CLEAN_ANSWER_INSTEAD_OF_FAULT.get(capture.ocpp() + " "
        + capture.label());
    Element payload = substitute != null
        ? XmlTrees.parse(substitute.getBytes(StandardCharsets.UTF_8)).getDocumentElement()
        : capture.answerPayload(OcppjsCsCapture.ORIG);
    assertThat(payload.getLocalName()).as("recorded answer payload")
        .isEqualTo(Character.toLowerCase(capture.label().charAt(0))
            + capture.label().substring(1) + "Response");
    boolean soap12 = "1.2".equals(soap);
    return aResponse().withStatus(200)
        .withHeader("Content-Type", soap12
            ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8")
        .withBody(XmlTrees.envelope(soap12 ? XmlTrees.SOAP12 : XmlTrees.SOAP11, payload));
  }

  private static ResponseDefinitionBuilder recordedAnswer(OcppjsCsCapture.RecordedAnswer answer) {
    return aResponse().withStatus(answer.status()).withStatusMessage(answer.reason())
        .withHeader("Content-Type", answer.contentType())
        .withBody(answer.body());
  }

  /**
   * A new charger identity whose SOAP server (WireMock) answers {@code answer} on its own path,
   * made known to the bridge by a Heartbeat naming that server in {@code wsa:From}.
   */
  private static Charger registeredCharger(String ocpp, String soap, String wsa, String op,
      ResponseDefinitionBuilder answer) throws Exception {
    String identity = "CPO-" + CHARGERS.incrementAndGet() + "-" + op;
    String path = "/cp/" + identity;
    charger.stubFor(post(urlEqualTo(path)).willReturn(answer));
    String from = "http://127.0.0.1:" + charger.port() + path;
    boolean soap12 = "1.2".equals(soap);
    String envelope = "<s:Envelope xmlns:s='" + (soap12 ? XmlTrees.SOAP12 : XmlTrees.SOAP11)
        + "' xmlns:cs='" + CS_NAMESPACE.get(ocpp) + "' xmlns:wsa='" + wsa + "'><s:Header>"
        + "<cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:" + UUID.randomUUID()
        + "</wsa:MessageID><wsa:From><wsa:Address>" + from + "</wsa:Address></wsa:From>"
        + "</s:Header><s:Body><cs:heartbeatRequest/></s:Body></s:Envelope>";
    HttpResponse<String> heartbeat = SoapPost.post(fixture.soapUrl(),
        soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8", envelope);
    assertThat(heartbeat.statusCode()).as("Heartbeat answer: %s", heartbeat.body())
        .isEqualTo(200);
    return new Charger(identity, from);
  }

  private static Element only(Element parent, String namespace, String localName) {
    List<Element> found = XmlTrees.children(parent, namespace, localName);
    assertThat(found).as("{%s}%s in %s", namespace, localName, XmlTrees.name(parent)).hasSize(1);
    return found.get(0);
  }

  private static String text(Element parent, String namespace, String localName) {
    return only(parent, namespace, localName).getTextContent().trim();
  }

  /** A charger known to the bridge, and what its SOAP server received. */
  private record Charger(String identity, String from) {

    /** The whole answer frame to a CALL the central system sends to this charger. */
    JsonNode call(String action, JsonNode payload) throws Exception {
      return fixture.csms().sendCall(identity, action, payload, CALL_TIMEOUT)
          .get(CALL_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /** Every request WireMock received (any path, any method). */
    List<LoggedRequest> requests() {
      return charger.findAll(anyRequestedFor(anyUrl()));
    }

    /** The one request WireMock received: a POST to this charger's path. */
    LoggedRequest onlyRequest() {
      List<LoggedRequest> requests = requests();
      assertThat(requests).as("requests to the charger").hasSize(1);
      LoggedRequest request = requests.get(0);
      assertThat(request.getMethod().getName()).isEqualTo("POST");
      assertThat(request.getUrl()).isEqualTo(from.substring(from.indexOf("/cp/")));
      return request;
    }
  }

  /**
   * The payload without empty arrays: an optional list that is empty and one that is absent say
   * the same in OCPP-J (minOccurs 0), and ocppjs writes the first where the bridge writes the
   * second (it has no element to turn into an empty list).
   */
  private static com.fasterxml.jackson.databind.JsonNode withoutEmptyLists(
      com.fasterxml.jackson.databind.JsonNode payload) {
    com.fasterxml.jackson.databind.JsonNode copy = payload.deepCopy();
    if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      java.util.List<String> empty = new java.util.ArrayList<>();
      object.fields().forEachRemaining(e -> {
        if (e.getValue().isArray() && e.getValue().isEmpty()) {
          empty.add(e.getKey());
        }
      });
      object.remove(empty);
    }
    return copy;
  }
}
