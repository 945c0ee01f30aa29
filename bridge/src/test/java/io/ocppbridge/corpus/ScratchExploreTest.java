package io.ocppbridge.corpus;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScratchExploreTest {
  static final ObjectMapper M = new ObjectMapper();

  @Test
  void explore() throws Exception {
    WireMockServer cp = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    cp.start();
    cp.stubFor(post(urlMatching("/cp/.*")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/soap+xml; charset=utf-8")
        .withBody("<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body>"
            + "<resetResponse xmlns='urn://Ocpp/Cp/2012/06/'><status>Accepted</status>"
            + "</resetResponse></s:Body></s:Envelope>")));
    try (BridgeFixture f = BridgeFixture.start()) {
      String[][] cases = {
        {"Reset", "{}"},
        {"Reset", "{\"type\":5}"},
        {"Reset", "{\"type\":\"Medium\"}"},
        {"Reset", "{\"type\":\"Soft\",\"x\":1}"},
        {"Reset", "{\"type\":null}"},
        {"RemoteStartTransaction", "{\"idTag\":\"123456789012345678901\"}"},
        {"RemoteStartTransaction", "{\"idTag\":\"A\",\"connectorId\":\"1\"}"},
        {"RemoteStartTransaction", "{\"idTag\":\"A\",\"connectorId\":1.5}"},
        {"RemoteStartTransaction", "{\"idTag\":\"A\",\"connectorId\":99999999999}"},
        {"UpdateFirmware", "{\"retrieveDate\":\"tomorrow\",\"location\":\"ftp://x/y\"}"},
        {"UpdateFirmware", "{\"retrieveDate\":\"2013-01-01\",\"location\":\"ftp://x/y\"}"},
        {"UpdateFirmware", "{\"retrieveDate\":\"2013-01-01T00:00:00Z\",\"location\":\"not a uri\"}"},
        {"ReserveNow", "{\"connectorId\":1,\"expiryDate\":\"2013-01-01T00:00:00\",\"idTag\":\"A\",\"reservationId\":1}"},
        {"SendLocalList", "{\"updateType\":\"Full\",\"listVersion\":1,\"localAuthorisationList\":[{\"idTag\":\"A\",\"idTagInfo\":{\"status\":\"Nope\"}}]}"},
        {"SendLocalList", "{\"updateType\":\"Full\",\"listVersion\":1,\"localAuthorisationList\":[{\"idTagInfo\":{\"status\":\"Accepted\"}}]}"},
        {"GetConfiguration", "{\"key\":[1]}"},
        {"GetConfiguration", "{\"key\":\"a\"}"},
        {"Foo", "{}"},
        {"BootNotification", "{}"},
        {"DataTransfer", "{}"},
        {"", "{}"},
        {"Reset", "[]"},
        {"Reset", "\"x\""},
        {"Reset", "{\"type\":\"Soft\"}"},
      };
      int i = 0;
      for (String[] c : cases) {
        String id = "J" + (i++);
        SoapPost.heartbeat15(f.soapUrl(), id, "http://127.0.0.1:" + cp.port() + "/cp/" + id);
        var answer = f.csms().sendCall(id, c[0], M.readTree(c[1]), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        System.out.println("CASE " + c[0] + " " + c[1] + "\n  => " + answer);
      }
      System.out.println("WIREMOCK " + cp.getAllServeEvents().size());
    } finally { cp.stop(); }
  }
}
