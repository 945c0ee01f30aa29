package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The bridge's own WS-Addressing over real sockets: {@code mustUnderstand} honoured on the
 * headers it reads, refused on those it does not, bad headers answered with addressed faults.
 */
class OwnAddressingTest {

  private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  private static final String WSA5 = SoapNamespaces.WSA_2005;
  private static final String WSA4 = SoapNamespaces.WSA_2004;

  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Verifies that every header the bridge reads may be mustUnderstand, in both versions. */
  @Test
  void honoursMustUnderstandOnEveryHeaderItReads() throws Exception {
    String[][] variants = {{SOAP12, WSA5, "true"}, {SOAP11, WSA4, "1"}, {SOAP12, WSA4, "1"},
        {SOAP11, WSA5, "true"}};
    int n = 0;
    for (String[] v : variants) {
      // GIVEN a request whose every addressing header is marked mustUnderstand
      String mu = " s:mustUnderstand='" + v[2] + "'";
      String messageId = "urn:uuid:mu-" + n;
      String headers = "<cs:chargeBoxIdentity" + mu + ">CB-OWN-MU" + n++ + "</cs:chargeBoxIdentity>"
          + "<wsa:To" + mu + ">http://bridge/ocpp</wsa:To>"
          + "<wsa:Action" + mu + ">/Heartbeat</wsa:Action>"
          + "<wsa:MessageID" + mu + ">" + messageId + "</wsa:MessageID>"
          + "<wsa:From" + mu + "><wsa:Address>http://127.0.0.1:9/</wsa:Address></wsa:From>"
          + "<wsa:ReplyTo" + mu + "><wsa:Address>" + SoapNamespaces.anonymous(v[1])
          + "</wsa:Address></wsa:ReplyTo>"
          + "<wsa:FaultTo" + mu + "><wsa:Address>" + SoapNamespaces.anonymous(v[1])
          + "</wsa:Address></wsa:FaultTo>"
          + "<wsa:RelatesTo" + mu + ">urn:uuid:earlier</wsa:RelatesTo>";
      // WHEN it is posted
      HttpResponse<String> response = post(v[0], v[1], headers);
      // THEN it is answered, related to it, in its addressing version
      assertThat(response.statusCode()).as(String.join(" ", v) + response.body()).isEqualTo(200);
      Document answer = parse(response.body());
      assertThat(text(answer, v[1], "Action")).isEqualTo("/HeartbeatResponse");
      assertThat(text(answer, v[1], "RelatesTo")).isEqualTo(messageId);
      assertThat(text(answer, v[1], "To")).isEqualTo(SoapNamespaces.anonymous(v[1]));
    }
  }

  /** Verifies that a WS-Addressing header the bridge does not read fails mustUnderstand. */
  @Test
  void refusesMustUnderstandOnAnAddressingHeaderItDoesNotRead() throws Exception {
    HttpResponse<String> response = post(SOAP12, WSA5,
        "<cs:chargeBoxIdentity>CB-OWN-BOGUS</cs:chargeBoxIdentity>"
            + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:b1</wsa:MessageID>"
            + "<wsa:Bogus s:mustUnderstand='true'>1</wsa:Bogus>");
    assertThat(response.body()).contains("MustUnderstand").contains("Bogus");
    // the fault is still addressed
    Document answer = parse(response.body());
    assertThat(text(answer, WSA5, "Action")).isEqualTo(AddressingHeaderWriter.FAULT_ACTION);
    assertThat(text(answer, WSA5, "RelatesTo")).isEqualTo("urn:uuid:b1");
    assertThat(fixture.csms().received()).noneMatch(c -> "CB-OWN-BOGUS".equals(c.chargerId()));
  }

  /** Verifies that a repeated MessageID gets a Sender fault in each SOAP version. */
  @Test
  void refusesARepeatedMessageIdWithAnAddressedFault() throws Exception {
    String headers = "<cs:chargeBoxIdentity>CB-OWN-DUP</cs:chargeBoxIdentity>"
        + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:d1</wsa:MessageID>"
        + "<wsa:MessageID>urn:uuid:d2</wsa:MessageID>";
    HttpResponse<String> soap12 = post(SOAP12, WSA5, headers);
    assertThat(soap12.statusCode()).isEqualTo(400);
    Document answer = parse(soap12.body());
    assertThat(text(answer, SOAP12, "Value")).endsWith(":Sender");
    assertThat(soap12.body()).contains("InvalidCardinality").contains("more than once");
    assertThat(text(answer, WSA5, "Action")).isEqualTo(AddressingHeaderWriter.FAULT_ACTION);

    HttpResponse<String> soap11 = post(SOAP11, WSA4, headers);
    assertThat(soap11.statusCode()).isEqualTo(500);
    Document answer11 = parse(soap11.body());
    assertThat(answer11.getElementsByTagName("faultcode").item(0).getTextContent())
        .endsWith(":Client");
    assertThat(text(answer11, WSA4, "Action")).isEqualTo(AddressingHeaderWriter.FAULT_ACTION);
  }

  /** Verifies that addressing without Action is refused as WS-Addressing requires. */
  @Test
  void refusesAddressingWithoutAction() throws Exception {
    HttpResponse<String> response = post(SOAP12, WSA5,
        "<cs:chargeBoxIdentity>CB-OWN-NOACT</cs:chargeBoxIdentity>"
            + "<wsa:MessageID>urn:uuid:na</wsa:MessageID>");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("MessageAddressingHeaderRequired");
    assertThat(text(parse(response.body()), WSA5, "RelatesTo")).isEqualTo("urn:uuid:na");
  }

  /** Verifies that a ReplyTo of none is answered without addressing headers. */
  @Test
  void answersReplyToNoneWithoutAddressing() throws Exception {
    HttpResponse<String> response = post(SOAP12, WSA5,
        "<cs:chargeBoxIdentity>CB-OWN-NONE</cs:chargeBoxIdentity>"
            + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:n1</wsa:MessageID>"
            + "<wsa:ReplyTo><wsa:Address>" + WSA5 + "/none</wsa:Address></wsa:ReplyTo>");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(parse(response.body()).getElementsByTagNameNS(WSA5, "*").getLength()).isZero();
  }

  /** Verifies that a ReplyTo without Address is answered on the same exchange. */
  @Test
  void answersAReplyToWithoutAddressOnTheSameExchange() throws Exception {
    HttpResponse<String> response = post(SOAP12, WSA5,
        "<cs:chargeBoxIdentity>CB-OWN-EMPTY</cs:chargeBoxIdentity>"
            + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:e1</wsa:MessageID>"
            + "<wsa:ReplyTo/>");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(parse(response.body()), WSA5, "RelatesTo")).isEqualTo("urn:uuid:e1");
  }

  private static HttpResponse<String> post(String soapNs, String wsaNs, String headers)
      throws Exception {
    String envelope = "<s:Envelope xmlns:s='" + soapNs + "' xmlns:cs='urn://Ocpp/Cs/2012/06/'"
        + " xmlns:wsa='" + wsaNs + "'><s:Header>" + headers + "</s:Header>"
        + "<s:Body><cs:heartbeatRequest/></s:Body></s:Envelope>";
    String contentType = SOAP12.equals(soapNs)
        ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
    return SoapPost.post(fixture.soapUrl(), contentType, envelope);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(
        xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document doc, String ns, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(ns, name);
    assertThat(nodes.getLength()).as(name + " present").isGreaterThan(0);
    return ((Element) nodes.item(0)).getTextContent().trim();
  }
}
