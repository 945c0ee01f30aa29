package io.ocppbridge.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import io.ocppbridge.testsupport.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Central-system calls to a charger's HTTPS SOAP server (WireMock with a certificate of the test
 * CA, asking for a client certificate): trusted through {@code callbacks.truststore}, with the
 * bridge's certificate from {@code callbacks.keystore}; and what the central system hears when
 * either is missing.
 */
class TlsCallbackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private TestPki pki;
  private WireMockServer charger;
  private BridgeFixture bridge;

  @BeforeEach
  void startCharger() {
    pki = TestPki.create(dir, "charger-ca");
    TestPki.Files3 server = pki.write(pki.server(), "charger-server");
    WireMockConfiguration options = options().bindAddress("127.0.0.1").httpDisabled(true)
        .dynamicHttpsPort()
        .keystorePath(server.pkcs12().toString()).keystoreType("PKCS12")
        .keystorePassword(TestPki.P12).keyManagerPassword(TestPki.P12)
        .needClientAuth(true)
        .trustStorePath(pki.caPkcs12().toString()).trustStoreType("PKCS12")
        .trustStorePassword(TestPki.P12);
    charger = new WireMockServer(options);
    charger.start();
    charger.stubFor(post(urlEqualTo("/cp")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/soap+xml; charset=utf-8")
        .withBody("<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body>"
            + "<resetResponse xmlns='urn://Ocpp/Cp/2012/06/'><status>Accepted</status>"
            + "</resetResponse></s:Body></s:Envelope>")));
  }

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    charger.stop();
  }

  /** Verifies a Reset over HTTPS with the configured truststore and client certificate. */
  @Test
  void callsAnHttpsChargerWithAClientCertificate() throws Exception {
    TestPki.Files3 client = pki.write(pki.client("bridge"), "bridge-client");
    bridge = BridgeFixture.start(Map.of(
        "callbacks.truststore", pki.caPem().toString(),
        "callbacks.certificate", client.certificate().toString(),
        "callbacks.privateKey", client.privateKey().toString()));
    JsonNode answer = reset("CB-HTTPS");
    assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
    assertThat(answer.get(2).get("status").asText()).isEqualTo("Accepted");
    assertThat(charger.getAllServeEvents()).hasSize(1);
  }

  /** Verifies that a charger asking for a certificate the bridge lacks gives a clear error. */
  @Test
  void reportsAMissingClientCertificate() throws Exception {
    bridge = BridgeFixture.start(Map.of("callbacks.truststore", pki.caPem().toString()));
    JsonNode answer = reset("CB-NOCERT");
    assertThat(answer.get(0).asInt()).isEqualTo(4);
    assertThat(answer.get(2).asText()).isEqualTo("InternalError");
    assertThat(answer.get(3).asText()).contains("TLS with the charger's SOAP server failed");
    assertThat(charger.getAllServeEvents()).isEmpty();
  }

  /** Verifies that a charger certificate nobody configured trust for is refused. */
  @Test
  void refusesAnUntrustedChargerCertificate() throws Exception {
    TestPki.Files3 client = pki.write(pki.client("bridge"), "bridge-client");
    Map<String, String> values = new HashMap<>();
    values.put("callbacks.keystore", client.pkcs12().toString());
    values.put("callbacks.keystorePassword", TestPki.P12);
    bridge = BridgeFixture.start(values);
    JsonNode answer = reset("CB-UNTRUSTED");
    assertThat(answer.get(0).asInt()).isEqualTo(4);
    assertThat(answer.get(3).asText()).contains("TLS").contains("not trusted");
    assertThat(charger.getAllServeEvents()).isEmpty();
  }

  private JsonNode reset(String identity) throws Exception {
    String from = "https://127.0.0.1:" + charger.httpsPort() + "/cp";
    assertThat(SoapPost.heartbeat15(bridge.soapUrl(), identity, from).statusCode())
        .isEqualTo(200);
    return bridge.csms().sendCall(identity, "Reset", JSON.readTree("{\"type\":\"Soft\"}"),
        Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
  }
}
