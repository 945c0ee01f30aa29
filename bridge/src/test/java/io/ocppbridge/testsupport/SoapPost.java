package io.ocppbridge.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts hand-written SOAP envelopes to the bridge, as a charger would. */
public final class SoapPost {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private SoapPost() {}

  /**
   * A Heartbeat from {@code identity}, OCPP 1.5 over SOAP 1.2 with WS-Addressing 2005/08, naming
   * {@code from} as its own SOAP server (null: no From header).
   */
  public static HttpResponse<String> heartbeat15(URI bridge, String identity, String from)
      throws Exception {
    return HTTP.send(heartbeatRequest(bridge, identity, from, null),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The same Heartbeat sent with {@code client} (an HTTPS client, say), with an
   * {@code Authorization} header when {@code authorization} is not null.
   */
  public static HttpResponse<String> heartbeat15(HttpClient client, URI bridge, String identity,
      String authorization) throws Exception {
    return client.send(heartbeatRequest(bridge, identity, null, authorization),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An {@code Authorization} header value for HTTP basic authentication. */
  public static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** That Heartbeat as a request, for sending it with a client of one's own (asynchronously). */
  public static HttpRequest heartbeatRequest(URI bridge, String identity) {
    return heartbeatRequest(bridge, identity, null, null);
  }

  private static HttpRequest heartbeatRequest(URI bridge, String identity, String from,
      String authorization) {
    String fromHeader = from == null ? ""
        : "<wsa:From><wsa:Address>" + from + "</wsa:Address></wsa:From>";
    String envelope =
        "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
            + " xmlns:cs='urn://Ocpp/Cs/2012/06/' xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
            + "<soap:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
            + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:" + java.util.UUID
            .randomUUID() + "</wsa:MessageID>" + fromHeader + "</soap:Header>"
            + "<soap:Body><cs:heartbeatRequest/></soap:Body></soap:Envelope>";
    HttpRequest.Builder request = HttpRequest.newBuilder(bridge).timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/soap+xml; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(envelope));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }

  public static HttpResponse<String> post(URI bridge, String contentType, String envelope)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(bridge).timeout(Duration.ofSeconds(15))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
