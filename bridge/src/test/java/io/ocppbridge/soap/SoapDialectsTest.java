package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.testsupport.BridgeFixture;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Hand-written envelopes in the SOAP and WS-Addressing variants chargers use, posted with a plain
 * HTTP client: what the response's addressing headers and faults look like in each.
 */
class SoapDialectsTest {

  private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  private static final String WSA2005 = "http://www.w3.org/2005/08/addressing";
  private static final String WSA2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
  private static final String CS15 = "urn://Ocpp/Cs/2012/06/";

  private static BridgeFixture fixture;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.csms().clearReceived();
  }

  /** Verifies WS-Addressing 2004/08: answered in 2004/08 with Action and RelatesTo. */
  @Test
  void answersAddressing200408InKind() throws Exception {
    Document response = post(SOAP12, envelope(SOAP12, WSA2004, "CB-A04",
        "<wsa:MessageID>uuid:msg-2004</wsa:MessageID>"
            + "<wsa:From><wsa:Address>http://127.0.0.1:9302/</wsa:Address></wsa:From>"), 200);
    assertThat(header(response, WSA2004, "Action")).isEqualTo("/HeartbeatResponse");
    assertThat(header(response, WSA2004, "RelatesTo")).isEqualTo("uuid:msg-2004");
    assertThat(fixture.bridge().sessions().find(new io.ocppbridge.core.ChargerId("CB-A04"))
        .orElseThrow().callbackAddress()).isEqualTo("http://127.0.0.1:9302/");
  }

  /** Verifies WS-Addressing 2005/08 with a MessageID over SOAP 1.1: RelatesTo echoes it. */
  @Test
  void answersAddressing200508OverSoap11() throws Exception {
    Document response = post(SOAP11, envelope(SOAP11, WSA2005, "CB-A05",
        "<wsa:MessageID>urn:uuid:0f1e2d3c</wsa:MessageID>"), 200);
    assertThat(response.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP11);
    assertThat(header(response, WSA2005, "Action")).isEqualTo("/HeartbeatResponse");
    assertThat(header(response, WSA2005, "RelatesTo")).isEqualTo("urn:uuid:0f1e2d3c");
  }

  /** Verifies that a request without any WS-Addressing is answered without addressing. */
  @Test
  void answersWithoutAddressingWhenNoneWasSent() throws Exception {
    Document response = post(SOAP12, envelope(SOAP12, null, "CB-NOWSA", ""), 200);
    assertThat(response.getElementsByTagNameNS(WSA2005, "Action").getLength()).isZero();
    assertThat(response.getElementsByTagNameNS(CS15, "currentTime").getLength()).isEqualTo(1);
  }

  /** Verifies that a non-anonymous ReplyTo is still answered on the same HTTP exchange. */
  @Test
  void answersOnTheSameExchangeDespiteReplyTo() throws Exception {
    Document response = post(SOAP12, envelope(SOAP12, WSA2005, "CB-REPLYTO",
        "<wsa:MessageID>urn:uuid:r1</wsa:MessageID>"
            + "<wsa:ReplyTo><wsa:Address>http://127.0.0.1:9/reply</wsa:Address></wsa:ReplyTo>"),
        200);
    assertThat(response.getElementsByTagNameNS(CS15, "heartbeatResponse").getLength())
        .isEqualTo(1);
  }

  /** Verifies the SOAP 1.1 fault form: Client faultcode, OCPP code in the detail. */
  @Test
  void soap11FaultCarriesOcppCodeInDetail() throws Exception {
    String body = "<soap:Envelope xmlns:soap='" + SOAP11 + "' xmlns:tns='" + CS15 + "'>"
        + "<soap:Header><tns:chargeBoxIdentity>CB-F11</tns:chargeBoxIdentity></soap:Header>"
        + "<soap:Body><tns:statusNotificationRequest><tns:connectorId>1</tns:connectorId>"
        + "<tns:status>Broken</tns:status><tns:errorCode>NoError</tns:errorCode>"
        + "</tns:statusNotificationRequest></soap:Body></soap:Envelope>";
    Document response = post(SOAP11, body, 500);
    assertThat(text(response, "", "faultcode")).endsWith(":Client");
    assertThat(text(response, CS15, "errorCode")).isEqualTo("TypeConstraintViolation");
    assertThat(text(response, "", "faultstring")).contains("Broken");
    assertThat(fixture.csms().received()).isEmpty();
  }

  /** Verifies that faults carry an Action: the operation's response, or the WS-A fault action. */
  @Test
  void faultsCarryAnAddressingAction() throws Exception {
    String invalid = "<soap:Envelope xmlns:soap='" + SOAP12 + "' xmlns:tns='" + CS15 + "'"
        + " xmlns:wsa='" + WSA2005 + "'><soap:Header><tns:chargeBoxIdentity>CB-FA"
        + "</tns:chargeBoxIdentity><wsa:Action>/StatusNotification</wsa:Action>"
        + "<wsa:MessageID>urn:uuid:fa1</wsa:MessageID></soap:Header><soap:Body>"
        + "<tns:statusNotificationRequest><tns:connectorId>1</tns:connectorId>"
        + "<tns:status>Broken</tns:status><tns:errorCode>NoError</tns:errorCode>"
        + "</tns:statusNotificationRequest></soap:Body></soap:Envelope>";
    assertThat(header(post(SOAP12, invalid, 400), WSA2005, "Action"))
        .isEqualTo("/StatusNotificationResponse");
    String unknown = invalid.replace("statusNotificationRequest", "fooBarRequest");
    assertThat(header(post(SOAP12, unknown, 400), WSA2005, "Action"))
        .isEqualTo("http://www.w3.org/2005/08/addressing/soap/fault");
  }

  /** Verifies that a ChargePointService message sent to the bridge is refused clearly. */
  @Test
  void refusesChargePointServiceMessages() throws Exception {
    String body = "<soap:Envelope xmlns:soap='" + SOAP12 + "' xmlns:cp='urn://Ocpp/Cp/2012/06/'"
        + " xmlns:tns='" + CS15 + "'><soap:Header><tns:chargeBoxIdentity>CB-CP"
        + "</tns:chargeBoxIdentity></soap:Header><soap:Body><cp:resetRequest><cp:type>Soft"
        + "</cp:type></cp:resetRequest></soap:Body></soap:Envelope>";
    Document response = post(SOAP12, body, 400);
    assertThat(text(response, SOAP12, "Text")).contains("ChargePointService");
  }

  private Document post(String soapNs, String body, int expectedStatus) throws Exception {
    String contentType = SOAP12.equals(soapNs)
        ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
    HttpRequest.Builder request = HttpRequest.newBuilder(fixture.soapUrl())
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (SOAP11.equals(soapNs)) {
      request.header("SOAPAction", "\"/Heartbeat\"");
    }
    HttpResponse<String> response = http.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(
        response.body().getBytes(StandardCharsets.UTF_8)));
  }

  private static String envelope(String soapNs, String wsaNs, String identity, String extra) {
    String wsa = wsaNs == null ? "" : " xmlns:wsa='" + wsaNs + "'";
    String addressing = wsaNs == null ? ""
        : "<wsa:To>http://bridge/ocpp</wsa:To><wsa:Action>/Heartbeat</wsa:Action>" + extra;
    return "<soap:Envelope xmlns:soap='" + soapNs + "' xmlns:tns='" + CS15 + "'" + wsa + ">"
        + "<soap:Header><tns:chargeBoxIdentity>" + identity + "</tns:chargeBoxIdentity>"
        + addressing + "</soap:Header><soap:Body><tns:heartbeatRequest/></soap:Body>"
        + "</soap:Envelope>";
  }

  private static String header(Document doc, String ns, String name) {
    return text(doc, ns, name);
  }

  private static String text(Document doc, String ns, String name) {
    var nodes = ns.isEmpty() ? doc.getElementsByTagName(name)
        : doc.getElementsByTagNameNS(ns, name);
    assertThat(nodes.getLength()).as(name + " present").isGreaterThan(0);
    return ((Element) nodes.item(0)).getTextContent().trim();
  }
}
