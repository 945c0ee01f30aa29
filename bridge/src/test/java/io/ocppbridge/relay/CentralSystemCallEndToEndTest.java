package io.ocppbridge.relay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CALL from the central system's WebSocket, through the bridge, to a charger's SOAP server
 * (WireMock) and back as a CALLRESULT, over real sockets.
 */
class CentralSystemCallEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private WireMockServer charger;
  private BridgeFixture fixture;

  @BeforeEach
  void start() {
    charger = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    charger.start();
    fixture = BridgeFixture.start();
  }

  @AfterEach
  void stop() {
    fixture.close();
    charger.stop();
  }

  /** Verifies a Reset travels CSMS → bridge → charger and the charger's answer comes back. */
  @Test
  void relaysResetToTheChargerAndItsAnswerBack() throws Exception {
    // GIVEN a charger whose SOAP server accepts a Reset, and which has talked to the bridge
    charger.stubFor(post(urlEqualTo("/cp")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/soap+xml; charset=utf-8")
        .withBody("<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body>"
            + "<resetResponse xmlns='urn://Ocpp/Cp/2012/06/'><status>Accepted</status>"
            + "</resetResponse></s:Body></s:Envelope>")));
    String from = "http://127.0.0.1:" + charger.port() + "/cp";
    assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-E2E", from).statusCode())
        .isEqualTo(200);

    // WHEN the central system sends Reset on the charger's WebSocket
    JsonNode answer = fixture.csms().sendCall("CB-E2E", "Reset",
        JSON.readTree("{\"type\":\"Soft\"}"), Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);

    // THEN it gets the charger's answer
    assertThat(answer.get(0).asInt()).isEqualTo(3);
    assertThat(answer.get(2)).isEqualTo(JSON.readTree("{\"status\":\"Accepted\"}"));
    // AND the charger received a SOAP 1.2 Reset with the OCPP and addressing headers
    charger.verify(postRequestedFor(urlEqualTo("/cp"))
        .withHeader("Content-Type", containing("application/soap+xml"))
        .withHeader("Content-Type", containing("action=\"/Reset\""))
        .withRequestBody(containing("chargeBoxIdentity"))
        .withRequestBody(containing(">CB-E2E<"))
        .withRequestBody(containing("/Reset</"))
        .withRequestBody(containing(from + "</"))
        .withRequestBody(containing("http://www.w3.org/2005/08/addressing/anonymous"))
        .withRequestBody(containing(fixture.soapUrl().toString()))
        .withRequestBody(containing("<type>Soft</type>")));
  }

  /** Verifies that a From outside the callback policy is never called. */
  @Test
  void neverCallsAnAddressOutsideThePolicy() throws Exception {
    charger.stubFor(post(urlEqualTo("/cp")).willReturn(aResponse().withStatus(200)));
    // 127.0.0.2 is loopback too, but not the address the request came from (127.0.0.1)
    String from = "http://127.0.0.2:" + charger.port() + "/cp";
    assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-EVIL", from).statusCode())
        .isEqualTo(200);

    JsonNode answer = fixture.csms().sendCall("CB-EVIL", "Reset",
        JSON.readTree("{\"type\":\"Hard\"}"), Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);

    assertThat(answer.get(0).asInt()).isEqualTo(4);
    assertThat(answer.get(2).asText()).isEqualTo("SecurityError");
    assertThat(answer.get(3).asText()).contains("127.0.0.2").contains("policy");
    assertThat(charger.getAllServeEvents()).isEmpty();
  }
}
