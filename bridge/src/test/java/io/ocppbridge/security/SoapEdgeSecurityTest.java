package io.ocppbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.config.TrustMaterial;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import io.ocppbridge.testsupport.TestPki;
import io.ocppbridge.tls.TlsFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardened SOAP edge over real sockets: the HTTPS listener, the unknown-charger policy, basic
 * authentication of chargers, source networks per charger and the per-charger rate limit. A
 * refused request never reaches the central system.
 */
class SoapEdgeSecurityTest {

  private static final HttpClient PLAIN = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;

  /** Verifies that the SOAP endpoint answers over HTTPS with the configured PEM certificate. */
  @Test
  void servesSoapOverHttps() throws Exception {
    // GIVEN a bridge whose listener has a certificate of the test CA
    TestPki pki = TestPki.create(dir, "edge-ca");
    TestPki.Files3 server = pki.write(pki.server(), "soap-server");
    try (BridgeFixture bridge = BridgeFixture.start(Map.of(
        "soap.certificate", server.certificate().toString(),
        "soap.privateKey", server.privateKey().toString()))) {
      URI url = bridge.soapUrl();
      assertThat(url.getScheme()).isEqualTo("https");
      // WHEN a charger trusting that CA posts a Heartbeat
      SSLContext trusting = TlsFiles.clientContext(new TrustMaterial(pki.caPem(), null), null);
      HttpClient https = HttpClient.newBuilder().sslContext(trusting)
          .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> answer = SoapPost.heartbeat15(https, url, "CB-TLS", null);
      // THEN it is answered, and the central system got the Heartbeat
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("heartbeatResponse").contains("currentTime");
      assertThat(bridge.csms().received()).extracting(c -> c.chargerId())
          .containsExactly("CB-TLS");
      // AND a client that does not trust the certificate is refused by TLS
      assertThatThrownBy(() -> SoapPost.heartbeat15(PLAIN, url, "CB-TLS", null))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
  }

  /** Verifies that a PKCS#12 keystore serves HTTPS too. */
  @Test
  void servesSoapOverHttpsFromPkcs12() throws Exception {
    TestPki pki = TestPki.create(dir, "edge-ca");
    TestPki.Files3 server = pki.write(pki.server(), "soap-server");
    try (BridgeFixture bridge = BridgeFixture.start(Map.of(
        "soap.keystore", server.pkcs12().toString(),
        "soap.keystorePassword", TestPki.P12))) {
      SSLContext trusting = TlsFiles.clientContext(
          new TrustMaterial(pki.caPkcs12(), new io.ocppbridge.config.Secret(TestPki.P12, "t")),
          null);
      HttpClient https = HttpClient.newBuilder().sslContext(trusting)
          .version(HttpClient.Version.HTTP_1_1).build();
      assertThat(SoapPost.heartbeat15(https, bridge.soapUrl(), "CB-P12", null).statusCode())
          .isEqualTo(200);
    }
  }

  /** Verifies that with allowUnknown false only configured identities reach the central system. */
  @Test
  void refusesUnknownChargersWhenTold() throws Exception {
    try (BridgeFixture bridge = BridgeFixture.start(Map.of(
        "chargers.allowUnknown", "false", "chargers.CB-KNOWN.timezone", "UTC"))) {
      // WHEN a configured and an unknown charger send a Heartbeat
      HttpResponse<String> known = SoapPost.heartbeat15(bridge.soapUrl(), "CB-KNOWN", null);
      HttpResponse<String> stranger = SoapPost.heartbeat15(bridge.soapUrl(), "CB-STRANGER", null);
      // THEN the stranger gets a SecurityError fault, and only the known one was relayed
      assertThat(known.statusCode()).isEqualTo(200);
      assertThat(stranger.body()).contains("SecurityError")
          .contains("charger 'CB-STRANGER' is not configured on this bridge");
      assertThat(bridge.csms().received()).extracting(c -> c.chargerId())
          .containsExactly("CB-KNOWN");
      assertThat(bridge.csms().acceptedConnections()).isEqualTo(1);
    }
  }

  /**
   * Verifies that a charger with a SOAP password must send basic authentication with its own
   * identity and the right password, and is answered 401 otherwise.
   */
  @Test
  void checksBasicAuthenticationOfChargers() throws Exception {
    try (BridgeFixture bridge = BridgeFixture.start(Map.of(
        "chargers.CB-AUTH.soapPassword", "charger-pw"))) {
      URI url = bridge.soapUrl();
      HttpResponse<String> none = SoapPost.heartbeat15(PLAIN, url, "CB-AUTH", null);
      HttpResponse<String> wrongUser = SoapPost.heartbeat15(PLAIN, url, "CB-AUTH",
          SoapPost.basic("CB-OTHER", "charger-pw"));
      HttpResponse<String> wrongPassword = SoapPost.heartbeat15(PLAIN, url, "CB-AUTH",
          SoapPost.basic("CB-AUTH", "guess"));
      assertThat(List.of(none, wrongUser, wrongPassword)).allSatisfy(r -> {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString()
            .startsWith("Basic");
        assertThat(r.body()).contains("SecurityError");
      });
      assertThat(none.body()).contains("must send HTTP basic authentication");
      assertThat(wrongUser.body()).contains("does not match the chargeBoxIdentity");
      assertThat(wrongPassword.body()).contains("wrong password");
      assertThat(bridge.csms().received()).isEmpty();
      // WHEN it authenticates properly THEN it is served
      HttpResponse<String> right = SoapPost.heartbeat15(PLAIN, url, "CB-AUTH",
          SoapPost.basic("CB-AUTH", "charger-pw"));
      assertThat(right.statusCode()).isEqualTo(200);
      assertThat(bridge.csms().received()).hasSize(1);
    }
  }

  /** Verifies that an identity bound to networks is refused from any other address. */
  @Test
  void bindsIdentitiesToSourceNetworks() throws Exception {
    try (BridgeFixture bridge = BridgeFixture.start(Map.of(
        "chargers.CB-FAR.allowedNetworks", "10.0.0.0/8",
        "chargers.CB-NEAR.allowedNetworks", "10.0.0.0/8,127.0.0.0/8"))) {
      HttpResponse<String> far = SoapPost.heartbeat15(bridge.soapUrl(), "CB-FAR", null);
      HttpResponse<String> near = SoapPost.heartbeat15(bridge.soapUrl(), "CB-NEAR", null);
      assertThat(far.body()).contains("SecurityError")
          .contains("may not send requests from this address");
      assertThat(near.statusCode()).isEqualTo(200);
      assertThat(bridge.csms().received()).extracting(c -> c.chargerId())
          .containsExactly("CB-NEAR");
    }
  }

  /** Verifies that requests beyond soap.rateLimit get a fault and are not relayed. */
  @Test
  void limitsTheRequestRatePerCharger() throws Exception {
    try (BridgeFixture bridge = BridgeFixture.start(Map.of("soap.rateLimit", "2"))) {
      List<HttpResponse<String>> answers = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 8; i++) {
        answers.add(SoapPost.heartbeat15(bridge.soapUrl(), "CB-FAST", null));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long refused = answers.stream().filter(r -> r.body().contains("too many requests")).count();
      // a bucket of 2 plus 2 a second: at most 2 + 2 * elapsed time pass
      long allowed = 2 + (long) Math.floor(2 * seconds);
      assertThat(refused).isGreaterThanOrEqualTo(8 - allowed).isPositive();
      assertThat(bridge.csms().received()).hasSize((int) (8 - refused));
      assertThat(answers.stream().filter(r -> r.body().contains("too many requests")))
          .allSatisfy(r -> assertThat(r.body()).contains("GenericError"));
      // another charger has its own allowance
      assertThat(SoapPost.heartbeat15(bridge.soapUrl(), "CB-CALM", null).statusCode())
          .isEqualTo(200);
      // and the refusals are counted in the metrics
      String metrics = PLAIN.send(java.net.http.HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + bridge.bridge().adminPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).containsPattern(
          "bridge_requests_refused(_total)?\\{reason=\"rate-limit\"\\} " + refused + "\\.0");
    }
  }
}
