package io.ocppbridge.soap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
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
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.RawHttp;
import io.ocppbridge.testsupport.SoapPost;
import io.ocppbridge.translate.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Hostile SOAP over real sockets: external entities, entity expansion, deep nesting, oversized
 * bodies (declared and chunked), huge attributes and texts, and hostile answers from a charger's
 * SOAP server. Each attack is refused with a clear fault (or CALLERROR), nothing of it reaches
 * the central system, and afterwards the bridge still answers an ordinary Heartbeat.
 *
 * <p>One bridge serves the class, with {@code soap.maxMessageSize} 65536 so that the size limit
 * is reached by small test bodies; every test uses its own charger identity.
 */
class HostileInputTest {

  private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
  private static final String SOAP12 = "application/soap+xml; charset=utf-8";
  private static final int LIMIT = 65536;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESET_ACCEPTED =
      "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body>"
          + "<resetResponse xmlns='urn://Ocpp/Cp/2012/06/'><status>Accepted</status>"
          + "</resetResponse></s:Body></s:Envelope>";

  /** A secret only the local file system knows: it must never appear in any answer. */
  private static final String SECRET = "xxe-secret-" + UUID.randomUUID();

  @TempDir
  static Path tmp;
  private static Path secretFile;
  private static WireMockServer outsider;
  private static WireMockServer charger;
  private static BridgeFixture fixture;
  /** A bridge with the default 1 MiB message size, for attacks the size limit would stop. */
  private static BridgeFixture roomy;

  @BeforeAll
  static void start() throws Exception {
    secretFile = Files.writeString(tmp.resolve("secret.txt"), SECRET);
    outsider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    outsider.start();
    charger = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    charger.start();
    fixture = BridgeFixture.start(Map.of(
        "soap.maxMessageSize", String.valueOf(LIMIT),
        "chargers.callTimeout", "3s"));
    roomy = BridgeFixture.start(Map.of());
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
    if (roomy != null) {
      roomy.close();
    }
    if (outsider != null) {
      outsider.stop();
    }
    if (charger != null) {
      charger.stop();
    }
  }

  @AfterEach
  void stillServing() throws Exception {
    // After every attack both bridges answer an ordinary request from a charger never seen.
    for (BridgeFixture bridge : List.of(fixture, roomy)) {
      HttpResponse<String> ok = SoapPost.heartbeat15(bridge.soapUrl(),
          "CB-FRESH-" + UUID.randomUUID(), null);
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      assertThat(ok.body()).contains("heartbeatResponse").contains("currentTime");
    }
  }

  // ---------------------------------------------------------------- entities

  /** Verifies that an external entity naming a local file is refused and never read out. */
  @Test
  void refusesExternalEntityAndNeverLeaksTheFile() throws Exception {
    // GIVEN a DataTransfer whose data is an entity bound to a local file
    String identity = "CB-XXE-FILE";
    String doctype = "<!DOCTYPE soap:Envelope [<!ENTITY x SYSTEM \"" + secretFile.toUri()
        + "\">]>";

    // WHEN a charger posts it
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, doctype, "DataTransfer",
            "<cs:dataTransferRequest><cs:vendorId>v</cs:vendorId><cs:data>&x;</cs:data>"
                + "</cs:dataTransferRequest>"));

    // THEN it gets a SOAP fault, without the file's content, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).isNotBlank();
    assertThat(response.body()).doesNotContain(SECRET);
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that an external DTD or entity over HTTP is refused without fetching it. */
  @Test
  void refusesExternalDtdWithoutFetchingIt() throws Exception {
    // GIVEN an HTTP server ready to serve an entity and a DTD
    outsider.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(SECRET)));
    String identity = "CB-XXE-HTTP";
    String base = "http://127.0.0.1:" + outsider.port();
    String doctype = "<!DOCTYPE soap:Envelope SYSTEM \"" + base + "/evil.dtd\" ["
        + "<!ENTITY % p SYSTEM \"" + base + "/param\"> %p;"
        + "<!ENTITY x SYSTEM \"" + base + "/entity\">]>";

    // WHEN a charger posts a request using them
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, doctype, "DataTransfer",
            "<cs:dataTransferRequest><cs:vendorId>&x;</cs:vendorId></cs:dataTransferRequest>"));

    // THEN it gets a fault, the server was never asked, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(response.body()).doesNotContain(SECRET);
    outsider.verify(0, anyRequestedFor(anyUrl()));
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that nested internal entities (billion laughs) are refused at once. */
  @Test
  void refusesBillionLaughsQuickly() throws Exception {
    // GIVEN ten levels of entities each expanding ten times the previous one
    String identity = "CB-LOL";
    String doctype = billionLaughs("soap:Envelope");

    // WHEN a charger posts a request using the outermost one
    long start = System.nanoTime();
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, doctype, "DataTransfer",
            "<cs:dataTransferRequest><cs:vendorId>v</cs:vendorId><cs:data>&l10;</cs:data>"
                + "</cs:dataTransferRequest>"));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // THEN it gets a fault within a generous bound, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(millis).isLessThan(5000);
    assertThat(response.body()).doesNotContain("lollol");
    assertThat(relayedFor(identity)).isEmpty();
  }

  // ---------------------------------------------------------------- nesting

  /** Verifies that 10,000 nested elements in the Body are refused by the depth limit. */
  @Test
  void refusesTenThousandNestedElements() throws Exception {
    // GIVEN 10,000 nested elements (70 KB: sent to the bridge whose size limit lets them in)
    String identity = "CB-DEEP-BODY";
    String body = "<a>".repeat(10_000) + "</a>".repeat(10_000);

    // WHEN a charger posts them as its Body
    HttpResponse<String> response = SoapPost.post(roomy.soapUrl(), SOAP12,
        envelope(identity, "", "Heartbeat", body));

    // THEN it gets a fault naming the depth, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).containsIgnoringCase("depth");
    assertThat(relayedFor(roomy, identity)).isEmpty();
  }

  /** Verifies that 100 nested elements inside a heartbeatRequest are refused. */
  @Test
  void refusesHundredLevelsInsideTheRequest() throws Exception {
    String identity = "CB-DEEP-REQ";
    String body = "<cs:heartbeatRequest>" + "<cs:x>".repeat(100) + "</cs:x>".repeat(100)
        + "</cs:heartbeatRequest>";

    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, "", "Heartbeat", body));

    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).containsIgnoringCase("depth");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that more children than maxChildElements under one element are refused. */
  @Test
  void refusesTooManySiblings() throws Exception {
    String identity = "CB-WIDE";
    String body = "<cs:heartbeatRequest>" + "<a/>".repeat(10_001) + "</cs:heartbeatRequest>";

    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, "", "Heartbeat", body));

    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(relayedFor(identity)).isEmpty();
  }

  // ---------------------------------------------------------------- size

  /** Verifies that a body whose Content-Length exceeds the limit is refused naming the limit. */
  @Test
  void refusesDeclaredOversizedBody() throws Exception {
    String identity = "CB-BIG";
    String envelope = dataTransfer(identity, "d".repeat(LIMIT + 1000));
    assertThat(envelope.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(LIMIT);

    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12, envelope);

    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("soap.maxMessageSize").contains(String.valueOf(LIMIT));
    assertThat(relayedFor(identity)).isEmpty();
  }

  /**
   * Verifies that a huge declared Content-Length is refused from the headers alone: the fault
   * comes although the body never arrives.
   */
  @Test
  void refusesHugeDeclaredLengthWithoutReadingTheBody() throws Exception {
    String identity = "CB-BIG-DECLARED";
    byte[] start = dataTransfer(identity, "d".repeat(100)).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head("Content-Length: 1000000000"));
    request.writeBytes(start);

    String response = RawHttp.exchange("127.0.0.1", fixture.soapUrl().getPort(),
        request.toByteArray(), 10_000);

    assertThat(response).startsWith("HTTP/1.1 ");
    Fault fault = fault(bodyOf(response));
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("soap.maxMessageSize");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that a chunked body crossing the limit is refused while it is read. */
  @Test
  void refusesChunkedOversizedBody() throws Exception {
    String identity = "CB-BIG-CHUNKED";
    byte[] body = dataTransfer(identity, "d".repeat(LIMIT * 2)).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head("Transfer-Encoding: chunked"));
    for (int off = 0; off < body.length; off += 4096) {
      int n = Math.min(4096, body.length - off);
      request.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      request.write(body, off, n);
      request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    String response = RawHttp.exchange("127.0.0.1", fixture.soapUrl().getPort(),
        request.toByteArray(), 10_000);

    assertThat(response).startsWith("HTTP/1.1 ");
    Fault fault = fault(bodyOf(response));
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("soap.maxMessageSize");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that a valid request just under the limit is still relayed in full. */
  @Test
  void relaysValidBodyJustUnderTheLimit() throws Exception {
    String identity = "CB-NEAR-LIMIT";
    String shell = dataTransfer(identity, "");
    int dataLength = LIMIT - shell.getBytes(StandardCharsets.UTF_8).length - 100;
    assertThat(dataLength).isGreaterThan(60_000);
    String data = "d".repeat(dataLength);

    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        dataTransfer(identity, data));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("dataTransferResponse").contains("Accepted");
    List<ReceivedCall> relayed = relayedFor(identity);
    assertThat(relayed).hasSize(1);
    assertThat(relayed.get(0).action()).isEqualTo("DataTransfer");
    assertThat(relayed.get(0).payload().get("data").asText()).isEqualTo(data);
  }

  // ---------------------------------------------------------------- StAX limits

  /** Verifies that an attribute value above the attribute size limit is refused. */
  @Test
  void refusesHugeAttributeValue() throws Exception {
    String identity = "CB-ATTR";
    String body = "<cs:heartbeatRequest a='" + "v".repeat(16 * 1024) + "'/>";

    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, "", "Heartbeat", body));

    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that more attributes on one element than the limit are refused. */
  @Test
  void refusesTooManyAttributes() throws Exception {
    String identity = "CB-ATTRS";
    StringBuilder attributes = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      attributes.append(" a").append(i).append("='v'");
    }
    String body = "<cs:heartbeatRequest" + attributes + "/>";

    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, "", "Heartbeat", body));

    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /**
   * Verifies that a text node above the text length limit is refused, by a bridge whose message
   * size limit (the default 1 MiB) would let it through.
   */
  @Test
  void refusesHugeTextNode() throws Exception {
    // GIVEN a DataTransfer whose data is a 300 KB text node (the limit is 256 KB)
    String identity = "CB-TEXT";
    String envelope = dataTransfer(identity, "t".repeat(300 * 1024));

    // WHEN a charger posts it to the bridge whose size limit lets it in
    HttpResponse<String> response = SoapPost.post(roomy.soapUrl(), SOAP12, envelope);

    // THEN it gets a fault, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(relayedFor(roomy, identity)).isEmpty();
  }


  @Test
  void zzDebugDeclared() throws Exception {
    for (int len : new int[] {100, 66000}) {
    byte[] start = dataTransfer("CB-DBG", "d".repeat(len)).getBytes(StandardCharsets.UTF_8);
    for (String cl : new String[] {"Content-Length: 1000000000", "Content-Length: 70000"}) {
      System.out.println("DBG sending " + start.length);
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", fixture.soapUrl().getPort())) {
        s.setSoTimeout(3000);
        s.getOutputStream().write(head(cl));
        s.getOutputStream().write(start);
        s.getOutputStream().flush();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long t0 = System.nanoTime();
        try {
          for (int n; (n = s.getInputStream().read(buf)) >= 0; ) {
            got.write(buf, 0, n);
            System.out.println("DBG read " + n + " after " + (System.nanoTime() - t0) / 1000000 + " ms");
          }
          System.out.println("DBG closed after " + (System.nanoTime() - t0) / 1000000);
        } catch (java.net.SocketTimeoutException e) {
          System.out.println("DBG timeout");
        }
        System.out.println("DBG " + cl + " => " + got);
      }
    }
    }
  }


  // ---------------------------------------------------------------- the charger's answers

  /** Verifies that a charger answer larger than soap.maxMessageSize is an InternalError. */
  @Test
  void refusesOversizedAnswerFromTheCharger() throws Exception {
    // GIVEN a charger whose SOAP server answers Reset correctly, but padded beyond the limit
    String identity = "CB-CP-BIG";
    charger.stubFor(post(urlEqualTo("/cp-big")).willReturn(soap12(RESET_ACCEPTED.replace(
        "<s:Body>", "<s:Body><!--" + "p".repeat(LIMIT) + "-->"))));
    knownCharger(identity, "/cp-big");

    // WHEN the central system sends it a Reset
    JsonNode answer = reset(identity);

    // THEN the central system gets an InternalError saying the answer was too large
    assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(4);
    assertThat(answer.get(2).asText()).isEqualTo("InternalError");
    assertThat(answer.get(3).asText()).contains("too large").contains("soap.maxMessageSize");
  }

  /** Verifies that the same answer within the limit is relayed (the limit is what refused it). */
  @Test
  void relaysAnswerFromTheChargerWithinTheLimit() throws Exception {
    String identity = "CB-CP-FITS";
    charger.stubFor(post(urlEqualTo("/cp-fits")).willReturn(soap12(RESET_ACCEPTED.replace(
        "<s:Body>", "<s:Body><!--" + "p".repeat(LIMIT - 1024) + "-->"))));
    knownCharger(identity, "/cp-fits");

    JsonNode answer = reset(identity);

    assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
    assertThat(answer.get(2)).isEqualTo(JSON.readTree("{\"status\":\"Accepted\"}"));
  }

  /** Verifies that a charger answer with an external entity is refused and never read out. */
  @Test
  void refusesExternalEntityInTheChargerAnswer() throws Exception {
    String identity = "CB-CP-XXE";
    charger.stubFor(post(urlEqualTo("/cp-xxe")).willReturn(soap12(
        "<?xml version='1.0'?><!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"" + secretFile.toUri()
            + "\">]>" + RESET_ACCEPTED.replace(">Accepted<", ">&x;<"))));
    knownCharger(identity, "/cp-xxe");

    JsonNode answer = reset(identity);

    assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(4);
    assertThat(answer.get(2).asText()).isEqualTo("InternalError");
    assertThat(answer.get(3).asText()).contains("not SOAP");
    assertThat(answer.toString()).doesNotContain(SECRET);
  }

  /** Verifies that a charger answer with nested entities (billion laughs) is refused at once. */
  @Test
  void refusesBillionLaughsInTheChargerAnswer() throws Exception {
    String identity = "CB-CP-LOL";
    charger.stubFor(post(urlEqualTo("/cp-lol")).willReturn(soap12("<?xml version='1.0'?>"
        + billionLaughs("s:Envelope") + RESET_ACCEPTED.replace(">Accepted<", ">&l10;<"))));
    knownCharger(identity, "/cp-lol");

    long start = System.nanoTime();
    JsonNode answer = reset(identity);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(4);
    assertThat(answer.get(2).asText()).isEqualTo("InternalError");
    assertThat(answer.get(3).asText()).contains("not SOAP");
    assertThat(millis).isLessThan(5000);
  }

  // ---------------------------------------------------------------- helpers

  /** Makes the bridge know {@code identity} with its SOAP server at {@code path} of WireMock. */
  private static void knownCharger(String identity, String path) throws Exception {
    HttpResponse<String> hello = SoapPost.heartbeat15(fixture.soapUrl(), identity,
        "http://127.0.0.1:" + charger.port() + path);
    assertThat(hello.statusCode()).as(hello.body()).isEqualTo(200);
  }

  /** The central system's Reset to {@code identity}: the whole answer frame. */
  private static JsonNode reset(String identity) throws Exception {
    return fixture.csms().sendCall(identity, "Reset", JSON.readTree("{\"type\":\"Soft\"}"),
        Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
  }

  private static ResponseDefinitionBuilder soap12(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", SOAP12).withBody(body);
  }

  /** A DOCTYPE for {@code root} whose entity {@code l10} expands to 10^10 "lol"s. */
  private static String billionLaughs(String root) {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 10; i++) {
      doctype.append("<!ENTITY l").append(i).append(" \"")
          .append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return doctype.append("]>").toString();
  }

  private static List<ReceivedCall> relayedFor(String identity) {
    return relayedFor(fixture, identity);
  }

  /** The CALLs the central system of {@code bridge} received from {@code identity}. */
  private static List<ReceivedCall> relayedFor(BridgeFixture bridge, String identity) {
    return bridge.csms().received().stream().filter(c -> identity.equals(c.chargerId()))
        .toList();
  }

  private static String dataTransfer(String identity, String data) {
    return envelope(identity, "", "DataTransfer",
        "<cs:dataTransferRequest><cs:vendorId>io.ocppbridge.test</cs:vendorId>"
            + "<cs:data>" + data + "</cs:data></cs:dataTransferRequest>");
  }

  /** An OCPP 1.5 request over SOAP 1.2 with WS-Addressing 2005/08. */
  private static String envelope(String identity, String prolog, String action, String body) {
    return "<?xml version='1.0' encoding='UTF-8'?>" + prolog
        + "<soap:Envelope xmlns:soap='" + SOAP12_NS + "' xmlns:cs='urn://Ocpp/Cs/2012/06/'"
        + " xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
        + "<soap:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/" + action + "</wsa:Action>"
        + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID></soap:Header>"
        + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
  }

  private static byte[] head(String framing) {
    URI url = fixture.soapUrl();
    return ("POST " + url.getPath() + " HTTP/1.1\r\n"
        + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
        + "Content-Type: " + SOAP12 + "\r\n"
        + framing + "\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** The body of a raw HTTP response, de-chunked when needed. */
  private static String bodyOf(String response) {
    int split = response.indexOf("\r\n\r\n");
    String headers = response.substring(0, split).toLowerCase();
    String body = response.substring(split + 4);
    if (!headers.contains("transfer-encoding: chunked")) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }

  /** A SOAP 1.2 fault's code (local name), subcode (local name or null) and reason. */
  record Fault(String code, String subcode, String reason) {}

  private static Fault fault(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isNotEqualTo(200);
    return fault(response.body());
  }

  private static Fault fault(String body) throws Exception {
    Document doc = SecureXml.documentBuilderFactory().newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    Element faultElement = (Element) doc.getElementsByTagNameNS(SOAP12_NS, "Fault").item(0);
    assertThat(faultElement).as("a SOAP 1.2 fault in: " + body).isNotNull();
    Element code = child(faultElement, "Code");
    Element subcode = child(code, "Subcode");
    return new Fault(localPart(child(code, "Value").getTextContent()),
        subcode == null ? null : localPart(child(subcode, "Value").getTextContent()),
        child(child(faultElement, "Reason"), "Text").getTextContent());
  }

  private static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static String localPart(String qname) {
    return qname.trim().substring(qname.trim().indexOf(':') + 1);
  }
}
