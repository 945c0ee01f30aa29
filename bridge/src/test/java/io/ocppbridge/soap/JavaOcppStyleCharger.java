package io.ocppbridge.soap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A test charger that behaves on the wire like the SOAP client and server of the most used Java
 * OCPP library, as issue 20 describes them (envelopes written here from that description):
 * <ul>
 *   <li>OCPP 1.6 over SOAP 1.2 with WS-Addressing 2004/08; its {@code chargeBoxIdentity} header
 *       ({@code mustUnderstand="true"}) and its request elements in the charge-point namespace
 *       {@code urn://Ocpp/Cp/2015/10/};
 *   <li>{@code wsa:From} holding its own URL as text, without {@code wsa:Address};
 *   <li>it keeps an answer only if {@code wsa:To} equals that URL and a {@code chargeBoxIdentity}
 *       header is present, and drops any other (faults included), as if none had come;
 *   <li>its own SOAP server (a JDK HTTP server on an ephemeral port) answers the central
 *       system's calls in the charge-point namespace.
 * </ul>
 */
final class JavaOcppStyleCharger implements AutoCloseable {

  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
  static final String CP16 = "urn://Ocpp/Cp/2015/10/";

  /** What the charger made of one answer from the bridge. */
  record Answer(int status, String raw, Document document, boolean kept) {

    /** The body's first element (response or Fault). */
    Element body() {
      Element body = (Element) document.getElementsByTagNameNS(SOAP12, "Body").item(0);
      for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          return e;
        }
      }
      return null;
    }
  }

  /** A call the bridge posted to the charger's server. */
  record Received(String requestElement, String raw) {}

  private final String identity;
  private final URI bridge;
  private final HttpServer server;
  private final String ownUrl;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile boolean emptyBodyAnswers;

  JavaOcppStyleCharger(String identity, URI bridge) throws IOException {
    this.identity = identity;
    this.bridge = bridge;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
    // written like the example: scheme, host and port, no path
    this.ownUrl = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String ownUrl() {
    return ownUrl;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** From now on, answers the bridge's calls with a valid SOAP envelope whose Body is empty. */
  void answerWithEmptyBody(boolean empty) {
    this.emptyBodyAnswers = empty;
  }

  /** Sends one request (the body's content in the charge-point namespace) as that client does. */
  Answer send(String action, String requestElement, String content) throws Exception {
    String envelope = "<env:Envelope xmlns:env=\"" + SOAP12 + "\"><env:Header>"
        + "<cs:chargeBoxIdentity xmlns:cs=\"" + CP16 + "\" env:mustUnderstand=\"true\">"
        + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action xmlns:wsa=\"" + WSA + "\">/" + action + "</wsa:Action>"
        + "<wsa:MessageID xmlns:wsa=\"" + WSA + "\">urn:uuid:" + UUID.randomUUID()
        + "</wsa:MessageID>"
        + "<wsa:From xmlns:wsa=\"" + WSA + "\">" + ownUrl + "</wsa:From>"
        + "<wsa:To xmlns:wsa=\"" + WSA + "\">" + bridge + "</wsa:To>"
        + "</env:Header><env:Body>"
        + "<" + requestElement + " xmlns=\"" + CP16 + "\">" + content + "</" + requestElement + ">"
        + "</env:Body></env:Envelope>";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(bridge)
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"/" + action + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
        HttpResponse.BodyHandlers.ofString());
    Document doc = parse(response.body());
    return new Answer(response.statusCode(), response.body(), doc, keeps(doc));
  }

  /** The client's matching rule: wsa:To is its own URL and chargeBoxIdentity is present. */
  private boolean keeps(Document doc) {
    if (doc == null) {
      return false;
    }
    Element to = (Element) doc.getElementsByTagNameNS(WSA, "To").item(0);
    boolean addressed = to != null && ownUrl.equals(to.getTextContent().trim());
    boolean identified = doc.getElementsByTagNameNS("*", "chargeBoxIdentity").getLength() > 0;
    return addressed && identified;
  }

  private void serve(HttpExchange exchange) throws IOException {
    String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Document doc = parse(raw);
    String element = "?";
    if (doc != null) {
      Element body = (Element) doc.getElementsByTagNameNS(SOAP12, "Body").item(0);
      for (Node n = body == null ? null : body.getFirstChild(); n != null;
          n = n.getNextSibling()) {
        if (n instanceof Element e) {
          element = e.getLocalName();
          break;
        }
      }
    }
    received.add(new Received(element, raw));
    String response = emptyBodyAnswers ? "" : answerTo(element);
    byte[] bytes = ("<env:Envelope xmlns:env=\"" + SOAP12 + "\"><env:Header/><env:Body>"
        + response + "</env:Body></env:Envelope>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/soap+xml; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final Map<String, String> ANSWERS = Map.of(
      "resetRequest", "<resetResponse xmlns=\"" + CP16 + "\"><status>Accepted</status>"
          + "</resetResponse>",
      "changeAvailabilityRequest", "<changeAvailabilityResponse xmlns=\"" + CP16 + "\">"
          + "<status>Scheduled</status></changeAvailabilityResponse>",
      "clearCacheRequest", "<clearCacheResponse xmlns=\"" + CP16 + "\"><status>Accepted"
          + "</status></clearCacheResponse>",
      "unlockConnectorRequest", "<unlockConnectorResponse xmlns=\"" + CP16 + "\"><status>"
          + "Unlocked</status></unlockConnectorResponse>",
      "remoteStartTransactionRequest", "<remoteStartTransactionResponse xmlns=\"" + CP16
          + "\"><status>Accepted</status></remoteStartTransactionResponse>",
      "remoteStopTransactionRequest", "<remoteStopTransactionResponse xmlns=\"" + CP16
          + "\"><status>Rejected</status></remoteStopTransactionResponse>",
      "getLocalListVersionRequest", "<getLocalListVersionResponse xmlns=\"" + CP16 + "\">"
          + "<listVersion>3</listVersion></getLocalListVersionResponse>",
      "triggerMessageRequest", "<triggerMessageResponse xmlns=\"" + CP16 + "\"><status>"
          + "Accepted</status></triggerMessageResponse>",
      "dataTransferRequest", "<dataTransferResponse xmlns=\"" + CP16 + "\"><status>"
          + "UnknownVendorId</status></dataTransferResponse>");

  private static String answerTo(String requestElement) {
    return ANSWERS.getOrDefault(requestElement, "");
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(
          new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
