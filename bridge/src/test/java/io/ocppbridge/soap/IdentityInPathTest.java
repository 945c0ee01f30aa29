package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.Poll;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The charger's identity in the URL path ({@code /ocpp/{chargeBoxIdentity}}), so that a load
 * balancer can route by path; {@code /ocpp} with the header alone keeps working.
 */
class IdentityInPathTest {

  private static final String SOAP12 = "application/soap+xml; charset=utf-8";

  private BridgeFixture fixture;

  @BeforeEach
  void start() {
    fixture = BridgeFixture.start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private URI at(String path) {
    return fixture.soapUrl().resolve(path);
  }

  /** Verifies that the identity in the path alone, without the header, names the charger. */
  @Test
  void identityInThePathAloneNamesTheCharger() throws Exception {
    // GIVEN a Heartbeat without chargeBoxIdentity header, posted to /ocpp/CP-PATH
    // WHEN the bridge relays it
    HttpResponse<String> answer = SoapPost.post(at("/ocpp/CP-PATH"), SOAP12, heartbeat(null));

    // THEN it is answered and the charger has its WebSocket under that identity
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("heartbeatResponse");
    Poll.until(Duration.ofSeconds(5), "CP-PATH connected",
        () -> fixture.bridge().isConnected(new ChargerId("CP-PATH")));
  }

  /** Verifies that a percent-encoded path segment is decoded, as the WebSocket URL encodes it. */
  @Test
  void percentEncodedIdentityInThePathIsDecoded() throws Exception {
    HttpResponse<String> answer = SoapPost.post(at("/ocpp/CP%20SPACE"), SOAP12,
        heartbeat("CP SPACE"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(fixture.bridge().isConnected(new ChargerId("CP SPACE"))).isTrue();
  }

  /** Verifies that header and path naming the same charger are accepted. */
  @Test
  void sameIdentityInHeaderAndPathIsAccepted() throws Exception {
    HttpResponse<String> answer = SoapPost.heartbeat15(at("/ocpp/CP-BOTH"), "CP-BOTH", null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  /** Verifies that header and path naming different chargers are refused as the sender's fault. */
  @Test
  void headerAndPathDisagreeingIsASenderFault() throws Exception {
    // GIVEN a request whose header says CP-HEADER and whose path says CP-PATH
    // WHEN it is posted
    HttpResponse<String> answer = SoapPost.heartbeat15(at("/ocpp/CP-PATH"), "CP-HEADER", null);

    // THEN a Sender fault names both, and no WebSocket was opened for either
    assertThat(answer.statusCode()).isBetween(400, 500);
    assertThat(answer.body()).contains("Sender").contains("CP-HEADER").contains("CP-PATH");
    assertThat(fixture.bridge().isConnected(new ChargerId("CP-HEADER"))).isFalse();
    assertThat(fixture.bridge().isConnected(new ChargerId("CP-PATH"))).isFalse();
  }

  /** Verifies that a path with more than one segment after /ocpp is refused, not guessed. */
  @Test
  void pathWithSeveralSegmentsIsRefused() throws Exception {
    HttpResponse<String> answer = SoapPost.heartbeat15(at("/ocpp/a/b"), "CP-X", null);
    assertThat(answer.statusCode()).isBetween(400, 500);
    assertThat(fixture.bridge().isConnected(new ChargerId("CP-X"))).isFalse();
  }

  private static String heartbeat(String identity) {
    String header = identity == null ? ""
        : "<cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>";
    return "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/' xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
        + "<soap:Header>" + header + "<wsa:Action>/Heartbeat</wsa:Action>"
        + "<wsa:MessageID>urn:uuid:" + java.util.UUID.randomUUID() + "</wsa:MessageID>"
        + "</soap:Header><soap:Body><cs:heartbeatRequest/></soap:Body></soap:Envelope>";
  }
}
