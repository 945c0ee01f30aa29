package io.ocppbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.translate.OcppSchemaModel;
import io.ocppbridge.translate.SecureXml;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The two simulators on their own, over real sockets: the simulated charge point's SOAP server
 * posted hand-written envelopes, and the simulated central system's CALLs to a JDK WebSocket
 * client playing the charger's side.
 */
class SimulatorsTest {

  private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  private static final String WSA = "http://www.w3.org/2005/08/addressing";
  private static final String BRIDGE_URL = "http://127.0.0.1:8080/ocpp";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** A valid request of every ChargePointService operation (the 1.2 ones have the same shape). */
  private static final Map<OcppAction, String> REQUESTS = new EnumMap<>(Map.ofEntries(
      Map.entry(OcppAction.CANCEL_RESERVATION, "<reservationId>7</reservationId>"),
      Map.entry(OcppAction.CHANGE_AVAILABILITY,
          "<connectorId>1</connectorId><type>Inoperative</type>"),
      Map.entry(OcppAction.CHANGE_CONFIGURATION,
          "<key>HeartbeatInterval</key><value>600</value>"),
      Map.entry(OcppAction.CLEAR_CACHE, ""),
      Map.entry(OcppAction.DATA_TRANSFER_FROM_CS,
          "<vendorId>io.ocppbridge</vendorId><messageId>ping</messageId><data>x</data>"),
      Map.entry(OcppAction.GET_CONFIGURATION, "<key>HeartbeatInterval</key>"),
      Map.entry(OcppAction.GET_DIAGNOSTICS, "<location>ftp://diag.example.org/</location>"),
      Map.entry(OcppAction.GET_LOCAL_LIST_VERSION, ""),
      Map.entry(OcppAction.REMOTE_START_TRANSACTION,
          "<idTag>044943121F1D80</idTag><connectorId>1</connectorId>"),
      Map.entry(OcppAction.REMOTE_STOP_TRANSACTION, "<transactionId>42</transactionId>"),
      Map.entry(OcppAction.RESERVE_NOW, "<connectorId>1</connectorId>"
          + "<expiryDate>2030-01-01T12:00:00Z</expiryDate><idTag>044943121F1D80</idTag>"
          + "<reservationId>7</reservationId>"),
      Map.entry(OcppAction.RESET, "<type>Soft</type>"),
      Map.entry(OcppAction.SEND_LOCAL_LIST, "<updateType>Full</updateType>"
          + "<listVersion>2</listVersion><localAuthorisationList><idTag>044943121F1D80</idTag>"
          + "</localAuthorisationList>"),
      Map.entry(OcppAction.UNLOCK_CONNECTOR, "<connectorId>1</connectorId>"),
      Map.entry(OcppAction.UPDATE_FIRMWARE, "<retrieveDate>2030-01-01T12:00:00Z</retrieveDate>"
          + "<location>http://firmware.example.org/fw.bin</location>")));

  /** The simulated charge point's SOAP server. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class ChargePointServer {

    private SimulatedChargePointServer chargePoint;
    private Map<OcppVersion, OcppSchemaModel> models;

    @BeforeAll
    void start() {
      chargePoint = new SimulatedChargePointServer("127.0.0.1", 0, "/cp");
      models = OcppSchemaModel.loadAll();
    }

    @AfterAll
    void stop() {
      chargePoint.close();
    }

    @BeforeEach
    void clear() {
      chargePoint.clearReceived();
      chargePoint.replyWith(new SensibleChargePointAnswers());
    }

    // Verifies that an OCPP 1.5 Reset over SOAP 1.2, with mustUnderstand chargeBoxIdentity and
    // WS-Addressing 2005/08 headers as the bridge sends them, is accepted and recorded.
    @Test
    void acceptsReset15OverSoap12() throws Exception {
      // GIVEN a Reset as the bridge posts it to a 1.5 charger speaking SOAP 1.2
      String envelope = envelope(SOAP12, OcppVersion.V1_5, "CB1", OcppAction.RESET,
          "urn:uuid:reset-15");

      // WHEN it is posted
      HttpResponse<String> response = post(SOAP12, envelope, "/Reset");

      // THEN the answer is a schema-valid resetResponse with status Accepted, addressed back
      assertThat(response.statusCode()).isEqualTo(200);
      Document answer = parse(response.body());
      Element body = bodyElement(answer, SOAP12);
      assertSchemaValid(OcppVersion.V1_5, body);
      assertThat(body.getLocalName()).isEqualTo("resetResponse");
      assertThat(body.getNamespaceURI()).isEqualTo(OcppVersion.V1_5.chargePointNamespace());
      assertThat(childText(body, "status")).isEqualTo("Accepted");
      assertThat(textOf(answer, WSA, "Action")).isEqualTo("/ResetResponse");
      assertThat(textOf(answer, WSA, "RelatesTo")).isEqualTo("urn:uuid:reset-15");
      // AND the request is recorded with its identity, payload and addressing
      assertThat(chargePoint.received()).singleElement().satisfies(call -> {
        assertThat(call.action()).isEqualTo(OcppAction.RESET);
        assertThat(call.version()).isEqualTo(OcppVersion.V1_5);
        assertThat(call.chargeBoxIdentity()).isEqualTo("CB1");
        assertThat(call.soapVersion()).isEqualTo("1.2");
        assertThat(call.payloadXml()).contains("resetRequest").contains(">Soft<");
        assertThat(call.addressing().namespace()).isEqualTo(WSA);
        assertThat(call.addressing().action()).isEqualTo("/Reset");
        assertThat(call.addressing().messageId()).isEqualTo("urn:uuid:reset-15");
        assertThat(call.addressing().from()).isEqualTo(BRIDGE_URL);
        assertThat(call.addressing().to()).isEqualTo(chargePoint.url().toString());
      });
    }

    // Verifies that an OCPP 1.2 Reset over SOAP 1.1 is answered in SOAP 1.1 and the 1.2
    // ChargePointService namespace.
    @Test
    void acceptsReset12OverSoap11() throws Exception {
      // GIVEN a Reset as the bridge posts it to a 1.2 charger speaking SOAP 1.1
      String envelope = envelope(SOAP11, OcppVersion.V1_2, "CB-12", OcppAction.RESET,
          "urn:uuid:reset-12");

      // WHEN it is posted
      HttpResponse<String> response = post(SOAP11, envelope, "/Reset");

      // THEN the answer is a SOAP 1.1 envelope with a schema-valid 1.2 resetResponse
      assertThat(response.statusCode()).isEqualTo(200);
      Document answer = parse(response.body());
      assertThat(answer.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP11);
      Element body = bodyElement(answer, SOAP11);
      assertSchemaValid(OcppVersion.V1_2, body);
      assertThat(body.getNamespaceURI()).isEqualTo(OcppVersion.V1_2.chargePointNamespace());
      assertThat(childText(body, "status")).isEqualTo("Accepted");
      assertThat(textOf(answer, WSA, "Action")).isEqualTo("/ResetResponse");
      assertThat(chargePoint.received()).singleElement().satisfies(call -> {
        assertThat(call.action()).isEqualTo(OcppAction.RESET);
        assertThat(call.version()).isEqualTo(OcppVersion.V1_2);
        assertThat(call.chargeBoxIdentity()).isEqualTo("CB-12");
        assertThat(call.soapVersion()).isEqualTo("1.1");
      });
    }

    static Stream<Arguments> everyOperation() {
      List<Arguments> all = new ArrayList<>();
      for (OcppVersion version : OcppVersion.values()) {
        for (OcppAction action : OcppAction.all(version, Initiator.CENTRAL_SYSTEM)) {
          all.add(Arguments.of(version, action));
        }
      }
      return all.stream();
    }

    // Verifies that every ChargePointService operation of both versions gets a schema-valid
    // answer from the sensible charge point.
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void answersEveryOperationSchemaValid(OcppVersion version, OcppAction action)
        throws Exception {
      // GIVEN a valid request of the operation
      String envelope = envelope(SOAP12, version, "CB-ALL", action, "urn:uuid:all-1");

      // WHEN it is posted
      HttpResponse<String> response = post(SOAP12, envelope, action.soapAction());

      // THEN the answer is the operation's response element, valid against the WSDL schema
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      Document answer = parse(response.body());
      Element body = bodyElement(answer, SOAP12);
      assertThat(body.getLocalName()).isEqualTo(action.responseElement());
      assertSchemaValid(version, body);
      assertThat(textOf(answer, WSA, "Action")).isEqualTo(action.soapResponseAction());
      assertThat(chargePoint.received()).singleElement()
          .satisfies(call -> assertThat(call.action()).isEqualTo(action));
    }

    // Verifies that a body element of no ChargePointService operation is answered with a
    // NotImplemented fault, and still recorded.
    @Test
    void refusesUnknownRequestWithAFault() throws Exception {
      // GIVEN a Heartbeat (a CentralSystemService operation) posted to the charge point
      String envelope = "<s:Envelope xmlns:s='" + SOAP12 + "' xmlns:tns='"
          + OcppVersion.V1_5.centralSystemNamespace() + "'><s:Header>"
          + "<tns:chargeBoxIdentity s:mustUnderstand='true'>CB1</tns:chargeBoxIdentity>"
          + "</s:Header><s:Body><tns:heartbeatRequest/></s:Body></s:Envelope>";

      // WHEN it is posted
      HttpResponse<String> response = post(SOAP12, envelope, "/Heartbeat");

      // THEN it is a SOAP 1.2 Sender fault with the OCPP code NotImplemented as subcode
      assertThat(response.statusCode()).isEqualTo(500);
      Document answer = parse(response.body());
      assertThat(textOf(answer, SOAP12, "Value")).contains(":Sender");
      assertThat(response.body()).contains("NotImplemented").contains("heartbeatRequest");
      assertThat(chargePoint.received()).singleElement().satisfies(call -> {
        assertThat(call.action()).isNull();
        assertThat(call.bodyElement()).isEqualTo("heartbeatRequest");
      });
    }

    // Verifies that the charge point remembers what the central system set, per identity:
    // GetConfiguration answers only the keys asked for (unknown ones as unknownKey) with the
    // values ChangeConfiguration set, read-only and unknown keys are not changed, and
    // GetLocalListVersion answers the version of the last SendLocalList.
    @Test
    void remembersConfigurationAndLocalListVersionPerChargePoint() throws Exception {
      // GIVEN a charge point asked for one known and one unknown key
      PayloadXml asked = call(OcppAction.GET_CONFIGURATION, "CB-MEM",
          "<key>HeartbeatInterval</key><key>NoSuchKey</key>");
      assertThat(asked.summary())
          .isEqualTo("key=HeartbeatInterval readonly=false value=300 unknownKey=NoSuchKey");

      // WHEN keys are changed and a local list is sent
      assertThat(call(OcppAction.CHANGE_CONFIGURATION, "CB-MEM",
          "<key>HeartbeatInterval</key><value>600</value>").value("status"))
          .hasValue("Accepted");
      assertThat(call(OcppAction.CHANGE_CONFIGURATION, "CB-MEM",
          "<key>NumberOfConnectors</key><value>4</value>").value("status")).hasValue("Rejected");
      assertThat(call(OcppAction.CHANGE_CONFIGURATION, "CB-MEM",
          "<key>NoSuchKey</key><value>1</value>").value("status")).hasValue("NotSupported");
      call(OcppAction.SEND_LOCAL_LIST, "CB-MEM", "<updateType>Full</updateType>"
          + "<listVersion>17</listVersion>");

      // THEN the charge point reports what was set, and another one its own defaults
      assertThat(call(OcppAction.GET_CONFIGURATION, "CB-MEM", "<key>HeartbeatInterval</key>"
          + "<key>NumberOfConnectors</key>").summary()).isEqualTo(
          "key=HeartbeatInterval readonly=false value=600 key=NumberOfConnectors readonly=true"
              + " value=1");
      assertThat(call(OcppAction.GET_LOCAL_LIST_VERSION, "CB-MEM", "").intValue("listVersion"))
          .hasValue(17);
      assertThat(call(OcppAction.GET_LOCAL_LIST_VERSION, "CB-OTHER", "")
          .intValue("listVersion")).hasValue(0);
      assertThat(call(OcppAction.GET_CONFIGURATION, "CB-OTHER", "").values("configurationKey"))
          .hasSize(4);
    }

    private PayloadXml call(OcppAction action, String identity, String children)
        throws Exception {
      HttpResponse<String> response = post(SOAP12, envelope(SOAP12, OcppVersion.V1_5, identity,
          action, "urn:uuid:" + java.util.UUID.randomUUID(), children), action.soapAction());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      Element body = bodyElement(parse(response.body()), SOAP12);
      assertSchemaValid(OcppVersion.V1_5, body);
      return PayloadXml.parse(toText(body));
    }

    // Verifies that a reply function given by a test replaces the sensible answers, faults too.
    @Test
    void answersWithTheRepliesATestGives() throws Exception {
      // GIVEN a charge point that rejects resets and faults everything else
      chargePoint.replyWith(call -> call.action() == OcppAction.RESET
          ? ChargePointReply.response(call, "<status>Rejected</status>")
          : ChargePointReply.fault(OcppErrorCode.INTERNAL_ERROR, "broken"));

      // WHEN a Reset and an UnlockConnector are posted over SOAP 1.1
      HttpResponse<String> reset = post(SOAP11, envelope(SOAP11, OcppVersion.V1_5, "CB1",
          OcppAction.RESET, "urn:uuid:r"), "/Reset");
      HttpResponse<String> unlock = post(SOAP11, envelope(SOAP11, OcppVersion.V1_5, "CB1",
          OcppAction.UNLOCK_CONNECTOR, "urn:uuid:u"), "/UnlockConnector");

      // THEN the reset is rejected and the unlock is a Server fault with the OCPP code
      assertThat(childText(bodyElement(parse(reset.body()), SOAP11), "status"))
          .isEqualTo("Rejected");
      assertThat(unlock.statusCode()).isEqualTo(500);
      Document fault = parse(unlock.body());
      assertThat(textOf(fault, "", "faultcode")).endsWith(":Server");
      assertThat(textOf(fault, OcppVersion.V1_5.chargePointNamespace(), "errorCode"))
          .isEqualTo("InternalError");
      assertThat(textOf(fault, "", "faultstring")).isEqualTo("broken");
    }

    private HttpResponse<String> post(String soapNs, String envelope, String action)
        throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(chargePoint.url())
          .timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString(envelope));
      if (SOAP12.equals(soapNs)) {
        request.header("Content-Type", "application/soap+xml; charset=utf-8; action=\""
            + action + "\"");
      } else {
        request.header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", "\"" + action + "\"");
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * An envelope as the bridge sends it: {@code chargeBoxIdentity} and every WS-Addressing
     * header {@code mustUnderstand}, To the charger, From the bridge, ReplyTo anonymous.
     */
    private String envelope(String soapNs, OcppVersion version, String identity,
        OcppAction action, String messageId) {
      return envelope(soapNs, version, identity, action, messageId, REQUESTS.get(action));
    }

    private String envelope(String soapNs, OcppVersion version, String identity,
        OcppAction action, String messageId, String payloadChildren) {
      String mu = SOAP12.equals(soapNs) ? "true" : "1";
      String ns = version.chargePointNamespace();
      return "<s:Envelope xmlns:s='" + soapNs + "' xmlns:wsa='" + WSA + "'><s:Header>"
          + "<cp:chargeBoxIdentity xmlns:cp='" + ns + "' s:mustUnderstand='" + mu + "'>"
          + identity + "</cp:chargeBoxIdentity>"
          + "<wsa:To s:mustUnderstand='" + mu + "'>" + chargePoint.url() + "</wsa:To>"
          + "<wsa:Action s:mustUnderstand='" + mu + "'>" + action.soapAction() + "</wsa:Action>"
          + "<wsa:MessageID s:mustUnderstand='" + mu + "'>" + messageId + "</wsa:MessageID>"
          + "<wsa:From><wsa:Address>" + BRIDGE_URL + "</wsa:Address></wsa:From>"
          + "<wsa:ReplyTo s:mustUnderstand='" + mu + "'><wsa:Address>" + WSA
          + "/anonymous</wsa:Address></wsa:ReplyTo>"
          + "</s:Header><s:Body>"
          + "<" + action.requestElement() + " xmlns='" + ns + "'>" + payloadChildren
          + "</" + action.requestElement() + ">"
          + "</s:Body></s:Envelope>";
    }

    private void assertSchemaValid(OcppVersion version, Element payload) throws Exception {
      Schema schema = models.get(version).schema();
      Validator validator = schema.newValidator();
      validator.validate(new DOMSource(payload));
    }
  }

  /** The simulated central system's own CALLs. */
  @Nested
  class CentralSystemCalls {

    private final ObjectMapper json = new ObjectMapper();
    private CsmsSimulator csms;
    private WebSocket charger;

    @BeforeEach
    void start() {
      csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
          new SensibleCsmsAnswers(Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
      if (charger != null) {
        charger.abort();
      }
      csms.close();
    }

    // Verifies that sendCall sends a CALL on the charger's WebSocket and completes with the
    // CALLRESULT frame the charger answers with.
    @Test
    void sendCallCompletesWithTheChargersAnswer() throws Exception {
      // GIVEN a charger CB1 connected with ocpp1.5 that accepts every CALL
      List<JsonNode> callsSeen = new CopyOnWriteArrayList<>();
      charger = connect("CB1", frame -> {
        callsSeen.add(frame);
        return frame.get(0).asInt() == 2
            ? "[3," + json.writeValueAsString(frame.get(1).asText())
                + ",{\"status\":\"Accepted\"}]"
            : null;
      });

      // WHEN the central system sends a Reset
      JsonNode answer = csms.sendCall("CB1", "Reset", json.readTree("{\"type\":\"Soft\"}"),
          Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);

      // THEN the future holds the whole CALLRESULT for that CALL
      assertThat(callsSeen).singleElement().satisfies(call -> {
        assertThat(call.get(0).asInt()).isEqualTo(2);
        assertThat(call.get(2).asText()).isEqualTo("Reset");
        assertThat(call.get(3)).isEqualTo(json.readTree("{\"type\":\"Soft\"}"));
      });
      String id = callsSeen.get(0).get(1).asText();
      assertThat(answer).isEqualTo(json.readTree("[3,\"" + id + "\",{\"status\":\"Accepted\"}]"));
      assertThat(csms.callAnswers()).singleElement().satisfies(a -> {
        assertThat(a.chargerId()).isEqualTo("CB1");
        assertThat(a.action()).isEqualTo("Reset");
        assertThat(a.frame()).isEqualTo(answer);
      });
    }

    // Verifies that a CALLERROR answer completes the future too (it is not a failure of the
    // simulator), and that an unanswered CALL fails with a timeout.
    @Test
    void sendCallPassesErrorsAndTimesOut() throws Exception {
      // GIVEN a charger that answers Reset with a CALLERROR and never answers ClearCache
      charger = connect("CB2", frame -> "Reset".equals(frame.get(2).asText())
          ? "[4," + json.writeValueAsString(frame.get(1).asText())
              + ",\"NotSupported\",\"no resets here\",{}]"
          : null);

      // WHEN both are sent
      JsonNode error = csms.sendCall("CB2", "Reset", json.readTree("{\"type\":\"Hard\"}"),
          Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      CompletableFuture<JsonNode> silent = csms.sendCall("CB2", "ClearCache",
          json.createObjectNode(), Duration.ofMillis(200));

      // THEN the first completes with the CALLERROR, the second fails with a timeout
      assertThat(error.get(0).asInt()).isEqualTo(4);
      assertThat(error.get(2).asText()).isEqualTo("NotSupported");
      assertThatThrownBy(() -> silent.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(TimeoutException.class).hasMessageContaining("ClearCache");
    }

    // Verifies that a CALL to a charger with no open WebSocket fails at once with a clear
    // message.
    @Test
    void sendCallFailsForAnUnknownCharger() {
      // GIVEN no charger connected
      // WHEN a CALL is sent to one
      CompletableFuture<JsonNode> answer = csms.sendCall("NOBODY", "Reset",
          json.createObjectNode().put("type", "Soft"), Duration.ofSeconds(5));

      // THEN it has failed with IllegalStateException naming the charger
      assertThat(answer).isCompletedExceptionally();
      assertThatThrownBy(answer::join).cause().isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("NOBODY").hasMessageContaining("no open WebSocket");
    }

    /** Connects a JDK WebSocket client as a charger; {@code answer} gives the reply to a frame. */
    private WebSocket connect(String identity, ThrowingFunction answer) throws Exception {
      int before = csms.connectionCount();
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
          .subprotocols("ocpp1.5")
          .buildAsync(URI.create("ws://127.0.0.1:" + csms.port() + "/ocpp/" + identity),
              new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data,
                    boolean last) {
                  text.append(data);
                  if (last) {
                    try {
                      String reply = answer.apply(json.readTree(text.toString()));
                      if (reply != null) {
                        webSocket.sendText(reply, true);
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    } finally {
                      text.setLength(0);
                    }
                  }
                  webSocket.request(1);
                  return null;
                }
              })
          .get(5, TimeUnit.SECONDS);
      assertThat(ws.getSubprotocol()).isEqualTo("ocpp1.5");
      // the server registers the connection just after its handshake answer went out
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (csms.connectionCount() == before && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      return ws;
    }
  }

  @FunctionalInterface
  private interface ThrowingFunction {
    String apply(JsonNode frame) throws Exception;
  }

  private static Document parse(String xml) throws Exception {
    return SecureXml.documentBuilderFactory().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String toText(Element element) throws Exception {
    java.io.StringWriter out = new java.io.StringWriter();
    javax.xml.transform.Transformer t =
        javax.xml.transform.TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
    t.transform(new javax.xml.transform.dom.DOMSource(element),
        new javax.xml.transform.stream.StreamResult(out));
    return out.toString();
  }

  private static Element bodyElement(Document envelope, String soapNs) {
    Element body = (Element) envelope.getElementsByTagNameNS(soapNs, "Body").item(0);
    for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    throw new AssertionError("empty SOAP body");
  }

  private static String childText(Element parent, String localName) {
    return parent.getElementsByTagNameNS(parent.getNamespaceURI(), localName).item(0)
        .getTextContent();
  }

  private static String textOf(Document doc, String ns, String localName) {
    Node n = ns.isEmpty()
        ? doc.getElementsByTagName(localName).item(0)
        : doc.getElementsByTagNameNS(ns, localName).item(0);
    return n == null ? null : n.getTextContent().trim();
  }
}
