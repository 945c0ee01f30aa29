package io.ocppbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.config.TrustMaterial;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import io.ocppbridge.testsupport.TestPki;
import io.ocppbridge.tls.TlsFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XML and JSON hardening re-verified end to end over TLS: an HTTPS SOAP listener refuses a
 * DOCTYPE (XXE) and an oversized body before parsing them, and a {@code wss://} central system's
 * oversized frame fails the call at once; the bridge keeps serving after each.
 */
class HardeningOverTlsTest {

  private static final String XXE = "<?xml version=\"1.0\"?>"
      + "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\""
      + " xmlns:cs=\"urn://Ocpp/Cs/2012/06/\"><soap:Header><cs:chargeBoxIdentity>CB-XXE"
      + "</cs:chargeBoxIdentity></soap:Header><soap:Body><cs:authorizeRequest><cs:idTag>&x;"
      + "</cs:idTag></cs:authorizeRequest></soap:Body></soap:Envelope>";

  @TempDir
  Path dir;

  /** Verifies that DOCTYPE and oversized requests over HTTPS are refused, and serving goes on. */
  @Test
  void httpsListenerRefusesDoctypeAndOversizedBodies() throws Exception {
    TestPki pki = TestPki.create(dir, "hardening-ca");
    TestPki.Files3 server = pki.write(pki.server(), "soap-server");
    try (BridgeFixture bridge = BridgeFixture.start(Map.of(
        "soap.certificate", server.certificate().toString(),
        "soap.privateKey", server.privateKey().toString(),
        "soap.maxMessageSize", "4096"))) {
      HttpClient https = HttpClient.newBuilder()
          .sslContext(TlsFiles.clientContext(new TrustMaterial(pki.caPem(), null), null))
          .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
      URI url = bridge.soapUrl();
      assertThat(url.getScheme()).isEqualTo("https");

      HttpResponse<String> xxe = post(https, url, XXE);
      assertThat(xxe.statusCode()).isBetween(400, 599);
      assertThat(xxe.body()).contains("FormationViolation").doesNotContain("root:");

      String big = XXE.replace("<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "")
          .replace("&x;", "A".repeat(8000));
      HttpResponse<String> oversized = post(https, url, big);
      assertThat(oversized.statusCode()).isBetween(400, 599);
      assertThat(oversized.body()).contains("FormationViolation");

      assertThat(bridge.csms().received()).isEmpty();
      assertThat(SoapPost.heartbeat15(https, url, "CB-XXE", null).statusCode()).isEqualTo(200);
    }
  }

  /** Verifies that an oversized frame from a wss:// central system fails the call at once. */
  @Test
  void oversizedFrameOverWssFailsTheCallAndServingGoesOn() throws Exception {
    TestPki pki = TestPki.create(dir, "hardening-ca");
    try (CsmsSimulator csms = CsmsSecurityProfilesTest.tlsCsms(
            CsmsSecurityProfilesTest.serverTls(pki.server()), null);
        BridgeFixture bridge = BridgeFixture.start(Map.of(
            "csms.url", csms.url().toString(),
            "csms.truststore", pki.caPem().toString(),
            "csms.maxFrameSize", "2048"))) {
      assertThat(csms.url().getScheme()).isEqualTo("wss");
      assertThat(SoapPost.heartbeat15(bridge.soapUrl(), "CB-WSS", null).statusCode())
          .isEqualTo(200);
      csms.replyWith(call -> CsmsReply.now(call.result(JsonNodeFactory.instance.objectNode()
          .put("currentTime", "2026-11-22T01:00:00Z").put("padding", "x".repeat(5000)))));
      long start = System.nanoTime();
      HttpResponse<String> refused = SoapPost.heartbeat15(bridge.soapUrl(), "CB-WSS", null);
      assertThat(refused.statusCode()).isBetween(400, 599);
      // the frame limit closed the connection; an oversized but valid-looking answer never
      // reached the schema check
      assertThat(refused.body()).contains("connection to the central system was lost");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));

      csms.replyWith(new io.ocppbridge.sim.SensibleCsmsAnswers(java.time.Clock.systemUTC()));
      assertThat(SoapPost.heartbeat15(bridge.soapUrl(), "CB-WSS", null).statusCode())
          .isEqualTo(200);
    }
  }

  private static HttpResponse<String> post(HttpClient client, URI url, String body)
      throws Exception {
    return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/soap+xml; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
