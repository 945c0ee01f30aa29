package io.ocppbridge.soap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Hostile SOAP over real sockets: external entities, entity expansion, deep and wide nesting,
 * oversized bodies (declared and chunked), huge attributes and texts, and hostile answers from a
 * charger's SOAP server. Each attack is refused with a clear fault (or CALLERROR), nothing of it
 * reaches the central system, and afterwards the bridge still answers an ordinary Heartbeat
 * from a charger it has never seen (checked after every test).
 *
 * <p>One bridge serves most tests, with {@code soap.maxMessageSize} 65536 so that small bodies
 * reach the size limit; a second one keeps the default 1 MiB for the attacks the size limit
 * would otherwise stop before the XML limits are reached. Every test uses its own identity.
 */
class HostileInputTest {

  private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
  private static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String SOAP12 = "application/soap+xml; charset=utf-8";
  private static final String SOAP11 = "text/xml; charset=utf-8";
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
  /** An HTTP server an external DTD or entity could be fetched from: must never be asked. */
  private static WireMockServer outsider;
  /** The SOAP server of the chargers the central system calls. */
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
    for (BridgeFixture bridge : new BridgeFixture[] {fixture, roomy}) {
      if (bridge != null) {
        bridge.close();
      }
    }
    for (WireMockServer server : new WireMockServer[] {outsider, charger}) {
      if (server != null) {
        server.stop();
      }
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

    // THEN it gets a Sender fault refusing the DTD, without the file's content
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("DTD");
    assertThat(response.body()).doesNotContain(SECRET);
    // AND nothing was relayed
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that the same external entity over SOAP 1.1 is refused without reading the file. */
  @Test
  void refusesExternalEntityOverSoap11() throws Exception {
    // GIVEN a SOAP 1.1 Heartbeat whose identity is an entity bound to a local file
    int relayedBefore = fixture.csms().received().size();

    // WHEN a charger posts it
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP11,
        soap11WithEntityAsIdentity());

    // THEN it gets a fault refusing the DTD, without the file's content
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(response.body()).contains("Fault").contains("DTD").doesNotContain(SECRET);
    // AND nothing was relayed, under any identity
    assertThat(fixture.csms().received()).hasSize(relayedBefore);
  }

  /**
   * Verifies that a SOAP 1.1 request (text/xml) refused before its envelope is read still gets
   * a SOAP 1.1 fault, as DESIGN "Known traps" asks: a fault in the request's SOAP version.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a DTD", "an oversized body"})
  void answersSoap11RequestRefusedBeforeItsEnvelopeInSoap11(String refused) throws Exception {
    // GIVEN a SOAP 1.1 request refused before its envelope is read
    String request = refused.equals("a DTD") ? soap11WithEntityAsIdentity()
        : "<soap:Envelope xmlns:soap='" + SOAP11_NS + "' xmlns:cs='urn://Ocpp/Cs/2012/06/'>"
            + "<soap:Header><cs:chargeBoxIdentity>CB-BIG-11</cs:chargeBoxIdentity></soap:Header>"
            + "<soap:Body><cs:dataTransferRequest><cs:vendorId>v</cs:vendorId><cs:data>"
            + "d".repeat(LIMIT) + "</cs:data></cs:dataTransferRequest></soap:Body>"
            + "</soap:Envelope>";

    // WHEN a charger posts it as text/xml
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP11, request);

    // THEN the fault is SOAP 1.1: text/xml, the 1.1 envelope, faultcode Client (HTTP 500, or
    // 413 when the size limit refused it before the envelope was read)
    assertThat(response.statusCode()).as(response.body())
        .isEqualTo(refused.equals("a DTD") ? 500 : 413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/xml"));
    assertThat(response.body()).contains(SOAP11_NS).contains(":Client</faultcode>")
        .doesNotContain(SOAP12_NS);
  }

  /** Verifies that an external DTD or entity over HTTP is refused without fetching it. */
  @Test
  void refusesExternalDtdWithoutFetchingIt() throws Exception {
    // GIVEN an HTTP server ready to serve a DTD and entities
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

    // THEN it gets a Sender fault, and the server was never asked for anything
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("DTD");
    assertThat(response.body()).doesNotContain(SECRET);
    outsider.verify(0, anyRequestedFor(anyUrl()));
    // AND nothing was relayed
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that nested internal entities (billion laughs) are refused at once. */
  @Test
  void refusesBillionLaughsQuickly() throws Exception {
    // GIVEN ten levels of entities, the outermost expanding to 10^10 "lol"s
    String identity = "CB-LOL";
    String request = envelope(identity, billionLaughs("soap:Envelope"), "DataTransfer",
        "<cs:dataTransferRequest><cs:vendorId>v</cs:vendorId><cs:data>&l10;</cs:data>"
            + "</cs:dataTransferRequest>");

    // WHEN a charger posts a request using the outermost one
    long start = System.nanoTime();
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12, request);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // THEN it gets a Sender fault within a generous bound, nothing expanded
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("DTD");
    assertThat(millis).isLessThan(5000);
    assertThat(response.body()).doesNotContain("lollol");
    // AND nothing was relayed
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

    // THEN it gets a Sender fault naming the depth limit
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("Element Depth limit (32)");
    // AND nothing was relayed
    assertThat(relayedFor(roomy, identity)).isEmpty();
  }

  /** Verifies that 100 nested elements inside a heartbeatRequest are refused. */
  @Test
  void refusesHundredLevelsInsideTheRequest() throws Exception {
    // GIVEN a heartbeatRequest with 100 nested elements inside
    String identity = "CB-DEEP-REQ";
    String body = "<cs:heartbeatRequest>" + "<cs:x>".repeat(100) + "</cs:x>".repeat(100)
        + "</cs:heartbeatRequest>";

    // WHEN a charger posts it
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, "", "Heartbeat", body));

    // THEN it gets a Sender fault naming the depth limit, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("Element Depth limit (32)");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that more children under one element than maxChildElements are refused. */
  @Test
  void refusesTooManySiblings() throws Exception {
    // GIVEN a heartbeatRequest with 10,001 empty children (40 KB)
    String identity = "CB-WIDE";
    String body = "<cs:heartbeatRequest>" + "<a/>".repeat(10_001) + "</cs:heartbeatRequest>";

    // WHEN a charger posts it
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        envelope(identity, "", "Heartbeat", body));

    // THEN it gets a Sender fault naming the child limit, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("Child Elements limit (10000)");
    assertThat(relayedFor(identity)).isEmpty();
  }

  // ---------------------------------------------------------------- size

  /** Verifies that a body whose Content-Length exceeds the limit is refused naming the limit. */
  @Test
  void refusesDeclaredOversizedBody() throws Exception {
    // GIVEN an otherwise valid DataTransfer of 66 KB, with its Content-Length
    String identity = "CB-BIG";
    String request = dataTransfer(identity, "d".repeat(LIMIT + 1000));

    // WHEN a charger posts it
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12, request);

    // THEN it gets a Sender fault naming soap.maxMessageSize, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason())
        .isEqualTo("the request body is larger than 65536 bytes (soap.maxMessageSize)");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /**
   * Verifies that a huge declared Content-Length is refused from the headers alone: the fault
   * comes although the body never arrives.
   */
  @Test
  void answersDeclaredOversizedBodyWithoutWaitingForIt() throws Exception {
    // GIVEN a request declaring 1 MiB of body, of which only the first 700 bytes are sent
    String identity = "CB-BIG-DECLARED";
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head("Content-Length: 1048576"));
    request.writeBytes(dataTransfer(identity, "d".repeat(100)).getBytes(StandardCharsets.UTF_8));

    // WHEN a charger sends it and waits
    String response = answerWithoutEndingTheBody(request.toByteArray());

    // THEN it gets a Sender fault naming soap.maxMessageSize, and nothing was relayed
    assertThat(response).startsWith("HTTP/1.1 ");
    Fault fault = fault(bodyOf(response));
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("soap.maxMessageSize");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that a chunked body crossing the limit is refused naming the limit. */
  @Test
  void refusesChunkedOversizedBody() throws Exception {
    // GIVEN an otherwise valid DataTransfer of 130 KB, chunked
    String identity = "CB-BIG-CHUNKED";
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head("Transfer-Encoding: chunked"));
    request.writeBytes(chunked(dataTransfer(identity, "d".repeat(LIMIT * 2))));
    request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    // WHEN a charger sends it
    String response = RawHttp.exchange("127.0.0.1", fixture.soapUrl().getPort(),
        request.toByteArray(), 10_000);

    // THEN it gets a Sender fault naming soap.maxMessageSize, and nothing was relayed
    assertThat(response).startsWith("HTTP/1.1 ");
    Fault fault = fault(bodyOf(response));
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason())
        .contains("the request body is larger than 65536 bytes (soap.maxMessageSize)");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /**
   * Verifies that a chunked body is refused once it crosses the limit, without waiting for the
   * rest of it.
   */
  @Test
  void answersChunkedOversizedBodyWithoutWaitingForItsEnd() throws Exception {
    // GIVEN 130 KB of a chunked DataTransfer, whose last chunk is never sent
    String identity = "CB-BIG-CHUNKED-OPEN";
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head("Transfer-Encoding: chunked"));
    request.writeBytes(chunked(dataTransfer(identity, "d".repeat(LIMIT * 2))));

    // WHEN a charger sends it and waits
    String response = answerWithoutEndingTheBody(request.toByteArray());

    // THEN it gets a Sender fault naming soap.maxMessageSize, and nothing was relayed
    assertThat(response).startsWith("HTTP/1.1 ");
    Fault fault = fault(bodyOf(response));
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("soap.maxMessageSize");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that a valid request just under the limit is still relayed in full. */
  @Test
  void relaysValidBodyJustUnderTheLimit() throws Exception {
    // GIVEN a DataTransfer 100 bytes under the limit, nearly all of it data
    String identity = "CB-NEAR-LIMIT";
    int dataLength = LIMIT - dataTransfer(identity, "").getBytes(StandardCharsets.UTF_8).length
        - 100;
    assertThat(dataLength).isGreaterThan(60_000);
    String data = "d".repeat(dataLength);

    // WHEN a charger posts it
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12,
        dataTransfer(identity, data));

    // THEN it is answered, and the central system received the whole data
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
    // GIVEN a Body carrying a 16 KB attribute value (the limit is 8 KB)
    String identity = "CB-ATTR";
    String request = envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")
        .replace("<soap:Body>", "<soap:Body xmlns:x='urn:x' x:a='" + "v".repeat(16 * 1024)
            + "'>");

    // WHEN a charger posts it
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12, request);

    // THEN it gets a Sender fault naming the attribute size limit, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("attribute size limit (8192)");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that 64 attributes (the limit itself) on the Body are accepted. */
  @Test
  void acceptsAttributesUpToTheLimit() throws Exception {
    // GIVEN a Body carrying 63 attributes and a namespace declaration
    String identity = "CB-ATTRS-64";
    StringBuilder attributes = new StringBuilder(" xmlns:x='urn:x'");
    for (int i = 0; i < 63; i++) {
      attributes.append(" x:a").append(i).append("='v'");
    }
    String request = envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")
        .replace("<soap:Body>", "<soap:Body" + attributes + ">");

    // WHEN a charger posts it
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12, request);

    // THEN it is relayed and answered
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(relayedFor(identity)).hasSize(1);
  }

  /**
   * Verifies that a text node above the text length limit is refused, by a bridge whose message
   * size limit (the default 1 MiB) would let it through.
   */
  @Test
  void refusesHugeTextNode() throws Exception {
    // GIVEN a DataTransfer whose data is a 300 KB text node (the limit is 256 KB)
    String identity = "CB-TEXT";
    String request = dataTransfer(identity, "t".repeat(300 * 1024));

    // WHEN a charger posts it to the bridge whose size limit lets it in
    HttpResponse<String> response = SoapPost.post(roomy.soapUrl(), SOAP12, request);

    // THEN it gets a Sender fault naming the text limit, and nothing was relayed
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("Text size limit (262144)");
    assertThat(relayedFor(roomy, identity)).isEmpty();
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
    // GIVEN a charger whose padded answer to Reset is 1 KB under the limit
    String identity = "CB-CP-FITS";
    charger.stubFor(post(urlEqualTo("/cp-fits")).willReturn(soap12(RESET_ACCEPTED.replace(
        "<s:Body>", "<s:Body><!--" + "p".repeat(LIMIT - 1024) + "-->"))));
    knownCharger(identity, "/cp-fits");

    // WHEN the central system sends it a Reset
    JsonNode answer = reset(identity);

    // THEN the central system gets the charger's answer
    assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
    assertThat(answer.get(2)).isEqualTo(JSON.readTree("{\"status\":\"Accepted\"}"));
  }

  /** Verifies that a charger answer with an external entity is refused and never read out. */
  @Test
  void refusesExternalEntityInTheChargerAnswer() throws Exception {
    // GIVEN a charger answering Reset with a status that is an entity bound to a local file
    String identity = "CB-CP-XXE";
    charger.stubFor(post(urlEqualTo("/cp-xxe")).willReturn(soap12(
        "<?xml version='1.0'?><!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"" + secretFile.toUri()
            + "\">]>" + RESET_ACCEPTED.replace(">Accepted<", ">&x;<"))));
    knownCharger(identity, "/cp-xxe");

    // WHEN the central system sends it a Reset
    JsonNode answer = reset(identity);

    // THEN the central system gets an InternalError saying the answer is not SOAP
    assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(4);
    assertThat(answer.get(2).asText()).isEqualTo("InternalError");
    assertThat(answer.get(3).asText()).contains("not SOAP");
    // AND the file's content appears nowhere in it
    assertThat(answer.toString()).doesNotContain(SECRET);
  }

  /** Verifies that a charger answer with nested entities (billion laughs) is refused at once. */
  @Test
  void refusesBillionLaughsInTheChargerAnswer() throws Exception {
    // GIVEN a charger answering Reset with a status that expands to 10^10 "lol"s
    String identity = "CB-CP-LOL";
    charger.stubFor(post(urlEqualTo("/cp-lol")).willReturn(soap12("<?xml version='1.0'?>"
        + billionLaughs("s:Envelope") + RESET_ACCEPTED.replace(">Accepted<", ">&l10;<"))));
    knownCharger(identity, "/cp-lol");

    // WHEN the central system sends it a Reset
    long start = System.nanoTime();
    JsonNode answer = reset(identity);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // THEN it gets an InternalError saying the answer is not SOAP, within a generous bound
    assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(4);
    assertThat(answer.get(2).asText()).isEqualTo("InternalError");
    assertThat(answer.get(3).asText()).contains("not SOAP");
    assertThat(millis).isLessThan(5000);
  }

  // ---------------------------------------------------------------- malformed XML (issue 14.4)

  /**
   * Verifies that an envelope that is not one complete, well-formed document is refused with a
   * Sender fault naming the problem, and that nothing of it reaches the central system: CXF
   * alone stops reading at the operation element and would relay it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cut off before its last tag", "a second Body", "trailing garbage",
      "a second root", "invalid UTF-8 at the end", "two requests in one Body"})
  void refusesMalformedEnvelopeAndRelaysNothing(String defect) throws Exception {
    // GIVEN a Heartbeat with the defect
    String identity = "CB-MALFORMED-" + defect.replace(' ', '-');
    String whole = envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>");
    byte[] request;
    String expected;
    switch (defect) {
      case "cut off before its last tag" -> {
        request = utf8(whole.substring(0, whole.length() - "elope>".length()));
        expected = "the request ends before its XML is complete";
      }
      case "a second Body" -> {
        request = utf8(whole.replace("</soap:Body>", "</soap:Body><soap:Body>"
            + "<cs:authorizeRequest><cs:idTag>TAG</cs:idTag></cs:authorizeRequest>"
            + "</soap:Body>"));
        expected = "2 Body elements";
      }
      case "trailing garbage" -> {
        request = utf8(whole + "garbage");
        expected = "content after the end of its SOAP envelope";
      }
      case "a second root" -> {
        request = utf8(whole + "<soap:Envelope xmlns:soap='" + SOAP12_NS + "'/>");
        expected = "content after the end of its SOAP envelope";
      }
      case "invalid UTF-8 at the end" -> {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(whole.replace("</soap:Envelope>", "<!-- ")));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        bytes.writeBytes(utf8(" --></soap:Envelope>"));
        request = bytes.toByteArray();
        expected = "not valid UTF-8";
      }
      default -> {
        request = utf8(whole.replace("<cs:heartbeatRequest/>", "<cs:heartbeatRequest/>"
            + "<cs:authorizeRequest><cs:idTag>TAG</cs:idTag></cs:authorizeRequest>"));
        expected = "one request per message";
      }
    }

    // WHEN a charger posts it
    Raw response = raw("POST", SOAP12, null, request);

    // THEN it gets HTTP 400 with a Sender fault naming the problem, FormationViolation
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    Fault fault = fault(response.body());
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.subcode()).isEqualTo("FormationViolation");
    assertThat(fault.reason()).contains(expected);
    assertNoInternals(response.body());
    // AND nothing reached the central system
    assertThat(relayedFor(identity)).isEmpty();
  }

  /**
   * Verifies that a document broken after a header CXF refuses on its own (one it must
   * understand and does not) is refused for the broken document: the request is parsed once,
   * as CXF reads it, and what CXF never read is checked before any fault goes out.
   */
  @Test
  void brokenDocumentWinsOverAFaultCxfRaisesFirst() throws Exception {
    // GIVEN a Heartbeat with a header nobody understands, and garbage after the envelope
    String identity = "CB-MU-BROKEN";
    String request = "<soap:Envelope xmlns:soap='" + SOAP12_NS + "'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/' xmlns:x='urn:example:unknown'><soap:Header>"
        + "<cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<x:mystery soap:mustUnderstand='true'>1</x:mystery></soap:Header><soap:Body>"
        + "<cs:heartbeatRequest/></soap:Body></soap:Envelope><junk>";

    // WHEN a charger posts it
    Raw response = raw("POST", SOAP12, null, utf8(request));

    // THEN it is told what is broken in its document, as the charger's FormationViolation
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    Fault fault = fault(response.body());
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.subcode()).isEqualTo("FormationViolation");
    assertThat(fault.reason()).contains("content after the end of its SOAP envelope");
    assertThat(relayedFor(identity)).isEmpty();

    // AND the same document without the garbage gets CXF's MustUnderstand fault, so the
    // garbage is what decided the answer above
    Raw sound = raw("POST", SOAP12, null, utf8(request.replace("<junk>", "")));
    assertThat(fault(sound.body()).code()).as(sound.body()).isEqualTo("MustUnderstand");
  }

  /** Verifies that the same defect over SOAP 1.1 gets a Client fault under HTTP 500. */
  @Test
  void refusesMalformedSoap11EnvelopeWithClientFault() throws Exception {
    // GIVEN a SOAP 1.1 Heartbeat followed by garbage
    int relayedBefore = fixture.csms().received().size();
    String request = "<soap:Envelope xmlns:soap='" + SOAP11_NS + "'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/'><soap:Header><cs:chargeBoxIdentity>CB-MAL-11"
        + "</cs:chargeBoxIdentity></soap:Header><soap:Body><cs:heartbeatRequest/></soap:Body>"
        + "</soap:Envelope><junk/>";

    // WHEN a charger posts it as text/xml
    Raw response = raw("POST", SOAP11, null, utf8(request));

    // THEN it gets a SOAP 1.1 Client fault (HTTP 500) naming the problem, and nothing relayed
    assertThat(response.status()).as(response.body()).isEqualTo(500);
    assertThat(response.body()).contains(SOAP11_NS).contains(":Client</faultcode>")
        .contains("content after the end of its SOAP envelope")
        .contains("FormationViolation");
    assertThat(fixture.csms().received()).hasSize(relayedBefore);
  }

  // ---------------------------------------------------------------- blame and leaks (14.5)

  /** Verifies that an undefined entity is the charger's mistake, named, and not relayed. */
  @Test
  void refusesUndefinedEntityAsSenderFault() throws Exception {
    // GIVEN a DataTransfer whose data is an entity nobody defined
    String identity = "CB-UNDEFINED-ENTITY";
    byte[] request = utf8(dataTransfer(identity, "&nobody;"));

    // WHEN a charger posts it
    Raw response = raw("POST", SOAP12, null, request);

    // THEN it gets HTTP 400 and a Sender fault naming the entity, and nothing was relayed
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    Fault fault = fault(response.body());
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("undefined entity 'nobody'");
    assertNoInternals(response.body());
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that valid UTF-16 XML is accepted and relayed like UTF-8. */
  @ParameterizedTest(name = "charset in Content-Type: {0}")
  @ValueSource(booleans = {true, false})
  void acceptsValidUtf16(boolean charsetInContentType) throws Exception {
    // GIVEN a Heartbeat in UTF-16 (with its byte order mark and declaration)
    String identity = "CB-UTF16-" + charsetInContentType;
    String xml = envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")
        .replace("encoding='UTF-8'", "encoding='UTF-16'");

    // WHEN a charger posts it
    Raw response = raw("POST", charsetInContentType ? "application/soap+xml; charset=utf-16"
        : "application/soap+xml", null, xml.getBytes(StandardCharsets.UTF_16));

    // THEN it is answered, in UTF-8, and relayed once
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("heartbeatResponse");
    assertThat(response.header("content-type")).containsIgnoringCase("utf-8");
    assertThat(relayedFor(identity)).hasSize(1);
  }

  /** Verifies that a compressed body is refused with 415 and a Sender fault saying so. */
  @Test
  void refusesContentEncodingWith415() throws Exception {
    // GIVEN a gzip-compressed Heartbeat
    String identity = "CB-GZIP";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(utf8(envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")));
    }

    // WHEN a charger posts it with Content-Encoding: gzip
    Raw response = raw("POST", SOAP12, "Content-Encoding: gzip", gz.toByteArray());

    // THEN it gets 415 and a Sender fault naming the encoding, and nothing was relayed
    assertThat(response.status()).as(response.body()).isEqualTo(415);
    Fault fault = fault(response.body());
    assertThat(fault.code()).isEqualTo("Sender");
    assertThat(fault.reason()).contains("unsupported content encoding 'gzip'");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that methods other than POST get 405 with Allow: POST, without internals. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"})
  void refusesOtherMethodsWith405(String method) throws Exception {
    // WHEN a client sends a request with that method
    Raw response = raw(method, SOAP12, null, "PUT".equals(method) || "PATCH".equals(method)
        ? utf8(envelope("CB-METHOD", "", "Heartbeat", "<cs:heartbeatRequest/>")) : null);

    // THEN it gets 405 naming POST as the only method served
    assertThat(response.status()).as(response.body()).isEqualTo(405);
    assertThat(response.header("allow")).isEqualTo("POST");
    assertNoInternals(response.body());
    assertThat(relayedFor("CB-METHOD")).isEmpty();
  }

  /** Verifies that a transfer coding other than chunked is refused as not implemented. */
  @Test
  void refusesUnknownTransferCoding() throws Exception {
    // GIVEN a Heartbeat framed with Transfer-Encoding: gzip, chunked (the body is not gzip)
    String identity = "CB-TE-GZIP";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(chunked(envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")));
    body.writeBytes(utf8("0\r\n\r\n"));

    // WHEN a charger sends it
    Raw response = raw("POST", SOAP12, "Transfer-Encoding: gzip, chunked", body.toByteArray());

    // THEN it is refused with a 4xx/501 answer, never a Receiver fault, and nothing relayed
    assertThat(response.status()).as(response.body()).isIn(400, 501);
    assertThat(response.body()).doesNotContain("Receiver").doesNotContain("internal error");
    assertNoInternals(response.body());
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that a TE request header (what the client accepts) changes nothing. */
  @Test
  void answersRequestWithTeHeader() throws Exception {
    // GIVEN a Heartbeat asking for gzip and chunked transfer codings in its answer
    String identity = "CB-TE-HEADER";

    // WHEN a charger posts it
    Raw response = raw("POST", SOAP12, "TE: gzip, chunked",
        utf8(envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")));

    // THEN it is answered as usual
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(relayedFor(identity)).hasSize(1);
  }

  /** Verifies that an unknown charset is refused with 415 and a Sender fault. */
  @Test
  void refusesUnknownCharset() throws Exception {
    // GIVEN a Heartbeat declaring a charset no one knows
    String identity = "CB-CHARSET";

    // WHEN a charger posts it
    Raw response = raw("POST", "application/soap+xml; charset=x-no-such-charset", null,
        utf8(envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")));

    // THEN it gets 415 and a Sender fault naming the charset, and nothing was relayed
    assertThat(response.status()).as(response.body()).isEqualTo(415);
    assertThat(fault(response.body()).reason()).contains("x-no-such-charset");
    assertNoInternals(response.body());
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that broken chunked framing gets 400 with a Sender fault, not an HTML page. */
  @Test
  void refusesBrokenChunkFramingWithSenderFault() throws Exception {
    // GIVEN a chunked Heartbeat whose second chunk size is not hexadecimal
    String identity = "CB-BAD-CHUNK";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(chunked(envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")
        .substring(0, 100)));
    body.writeBytes(utf8("zz\r\nnot a chunk\r\n0\r\n\r\n"));

    // WHEN a charger sends it
    Raw response = raw("POST", SOAP12, "Transfer-Encoding: chunked", body.toByteArray());

    // THEN it gets 400 and a Sender fault, and nothing was relayed
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(fault(response.body()).code()).isEqualTo("Sender");
    assertNoInternals(response.body());
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that an oversized chunked body gets 413 with the size Sender fault. */
  @Test
  void refusesOversizedChunkedBodyWith413() throws Exception {
    // GIVEN a chunked DataTransfer of 130 KB
    String identity = "CB-BIG-413";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(chunked(dataTransfer(identity, "d".repeat(LIMIT * 2))));
    body.writeBytes(utf8("0\r\n\r\n"));

    // WHEN a charger sends it
    Raw response = raw("POST", SOAP12, "Transfer-Encoding: chunked", body.toByteArray());

    // THEN it gets 413 and a Sender fault naming soap.maxMessageSize
    assertThat(response.status()).as(response.body()).isEqualTo(413);
    assertThat(fault(response.body()).reason()).contains("soap.maxMessageSize");
    assertThat(relayedFor(identity)).isEmpty();
  }

  /** Verifies that a SOAP 1.2 Receiver fault keeps HTTP 500 and no answer names Jetty. */
  @Test
  void answersReceiverFaultsWith500AndNamesNoServer() throws Exception {
    // GIVEN a central system that is down for this charger's request (it answers InternalError)
    String identity = "CB-RECEIVER";
    fixture.csms().replyWith(call -> io.ocppbridge.sim.CsmsReply.now(
        call.error("InternalError", "down")));
    try {
      // WHEN a charger posts a Heartbeat
      Raw response = raw("POST", SOAP12, null,
          utf8(envelope(identity, "", "Heartbeat", "<cs:heartbeatRequest/>")));

      // THEN it gets HTTP 500 with a Receiver fault, and no Server header
      assertThat(response.status()).as(response.body()).isEqualTo(500);
      assertThat(fault(response.body()).code()).isEqualTo("Receiver");
      assertThat(response.header("server")).isNull();
    } finally {
      fixture.csms().replyWith(new io.ocppbridge.sim.SensibleCsmsAnswers(
          java.time.Clock.systemUTC()));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** An HTTP answer read off a raw socket: status, lower-cased headers, de-chunked body. */
  record Raw(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  /**
   * Sends one request over a raw socket, exactly as given ({@code extra}: one more header line or
   * null; {@code body}: null for none), and reads the answer until the bridge closes.
   */
  private static Raw raw(String method, String contentType, String extra, byte[] body)
      throws Exception {
    URI url = fixture.soapUrl();
    boolean chunkedBody = extra != null && extra.toLowerCase().startsWith("transfer-encoding");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes((method + " " + url.getPath() + " HTTP/1.1\r\n"
        + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
        + "Content-Type: " + contentType + "\r\n"
        + (extra == null ? "" : extra + "\r\n")
        + (body == null || chunkedBody ? "" : "Content-Length: " + body.length + "\r\n")
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    if (body != null) {
      request.writeBytes(body);
    }
    String response = RawHttp.exchange("127.0.0.1", url.getPort(), request.toByteArray(),
        10_000);
    assertThat(response).startsWith("HTTP/1.1 ");
    int split = response.indexOf("\r\n\r\n");
    Map<String, String> headers = new java.util.HashMap<>();
    for (String line : response.substring(0, split).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1)
            .trim());
      }
    }
    return new Raw(Integer.parseInt(response.substring(9, 12)), headers, bodyOf(response));
  }

  /** No stack trace, class name or parser location in an answer. */
  private static void assertNoInternals(String body) {
    assertThat(body).doesNotContain("Exception").doesNotContain("java.")
        .doesNotContain("org.apache").doesNotContain("org.eclipse").doesNotContain("row,col")
        .doesNotContain("XMLStreamReader").doesNotContain("<html");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }


  private static List<ReceivedCall> relayedFor(String identity) {
    return relayedFor(fixture, identity);
  }

  /** The CALLs the central system of {@code bridge} received from {@code identity}. */
  private static List<ReceivedCall> relayedFor(BridgeFixture bridge, String identity) {
    return bridge.csms().received().stream().filter(c -> identity.equals(c.chargerId()))
        .toList();
  }

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

  /** A SOAP 1.1 Heartbeat whose chargeBoxIdentity is an entity bound to the secret file. */
  private static String soap11WithEntityAsIdentity() {
    return "<?xml version='1.0'?><!DOCTYPE soap:Envelope [<!ENTITY x SYSTEM \""
        + secretFile.toUri() + "\">]><soap:Envelope xmlns:soap='" + SOAP11_NS + "'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/'><soap:Header><cs:chargeBoxIdentity>&x;"
        + "</cs:chargeBoxIdentity></soap:Header><soap:Body><cs:heartbeatRequest/></soap:Body>"
        + "</soap:Envelope>";
  }

  private static String dataTransfer(String identity, String data) {
    return envelope(identity, "", "DataTransfer",
        "<cs:dataTransferRequest><cs:vendorId>io.ocppbridge.test</cs:vendorId>"
            + "<cs:data>" + data + "</cs:data></cs:dataTransferRequest>");
  }

  /** An OCPP 1.5 request over SOAP 1.2 with WS-Addressing 2005/08, {@code prolog} first. */
  private static String envelope(String identity, String prolog, String action, String body) {
    return "<?xml version='1.0' encoding='UTF-8'?>" + prolog
        + "<soap:Envelope xmlns:soap='" + SOAP12_NS + "' xmlns:cs='urn://Ocpp/Cs/2012/06/'"
        + " xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
        + "<soap:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/" + action + "</wsa:Action>"
        + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID></soap:Header>"
        + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
  }

  /** The request line and headers of a POST to the bridge, with the given body framing. */
  private static byte[] head(String framing) {
    URI url = fixture.soapUrl();
    return ("POST " + url.getPath() + " HTTP/1.1\r\n"
        + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
        + "Content-Type: " + SOAP12 + "\r\n"
        + framing + "\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code text} as HTTP chunks of 4 KB, without the last (empty) chunk. */
  private static byte[] chunked(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int off = 0; off < body.length; off += 4096) {
      int n = Math.min(4096, body.length - off);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, off, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /**
   * Sends {@code request} and keeps the connection open without sending more: what the bridge
   * answered once its answer's envelope is complete (or it closed), failing after 5 s.
   */
  private static String answerWithoutEndingTheBody(byte[] request) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", fixture.soapUrl().getPort()), 5000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          response.write(buffer, 0, n);
          if (response.toString(StandardCharsets.UTF_8).contains("Envelope>")) {
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        fail("no answer within 5 s while the rest of the refused body was not sent; got: "
            + response.toString(StandardCharsets.UTF_8));
      }
      return response.toString(StandardCharsets.UTF_8);
    }
  }

  /** The body of a raw HTTP response, de-chunked when needed (a truncated end is tolerated). */
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
      if (lineEnd < 0) {
        return out.toString();
      }
      int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
      if (at >= body.length()) {
        return out.toString();
      }
    }
  }

  /** A SOAP 1.2 fault's code and subcode (local names; the subcode may be null) and reason. */
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
    String trimmed = qname.trim();
    return trimmed.substring(trimmed.indexOf(':') + 1);
  }
}
