package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A charger the central system does not want (its handshake refused, or its BootNotification
 * answered {@code Rejected} and its WebSocket closed) costs no handshake per request: over real
 * sockets, a chatty charger's requests within the backoff get the refusal without a new
 * handshake at the simulated central system (which counts them), and the WARN is said once.
 */
class RefusedChargerBackoffTest {

  /** Verifies that a charger rejected at boot is not reconnected per request or per second. */
  @Test
  void rejectedBootGetsNoHandshakeUntilItsInterval() throws Exception {
    Function<ReceivedCall, CsmsReply> sensible = new SensibleCsmsAnswers(Clock.systemUTC());
    try (LogCapture log = LogCapture.of(ChargerLine.class.getName());
        BridgeFixture fixture = BridgeFixture.start(call -> "BootNotification"
            .equals(call.action()) ? CsmsReply.now(call.result(JsonNodeFactory.instance
            .objectNode().put("status", "Rejected").put("currentTime", "2026-12-04T03:00:00Z")
            .put("heartbeatInterval", 3))) : sensible.apply(call),
            Map.of("csms.reconnectFloor", "100ms", "csms.reconnectCeiling", "2s"))) {
      CsmsSimulator csms = fixture.csms();
      // GIVEN a charger whose BootNotification the central system answered Rejected, interval 3 s
      HttpResponse<String> boot = SoapPost.post(fixture.soapUrl(),
          "application/soap+xml; charset=utf-8", boot15("CB-REJ"));
      assertThat(boot.statusCode()).isEqualTo(200);
      assertThat(boot.body()).contains("Rejected");
      assertThat(csms.handshakes()).hasSize(1);
      // AND the central system then closed its WebSocket
      csms.dropConnections();
      long closed = System.nanoTime();

      // WHEN the charger keeps sending, boots and heartbeats, for about 1.5 s
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        statuses.add(i % 2 == 0 ? SoapPost.post(fixture.soapUrl(),
            "application/soap+xml; charset=utf-8", boot15("CB-REJ")).statusCode()
            : SoapPost.heartbeat15(fixture.soapUrl(), "CB-REJ", null).statusCode());
        Thread.sleep(150);
      }
      long elapsed = System.nanoTime() - closed;

      // THEN no new handshake was made within the backoff (at least 1 s: the 2 s ceiling
      // bounds the 3 s interval, jitter halves it at most), neither in the background nor per
      // request, and each request got a fault instead of waiting
      if (elapsed < Duration.ofSeconds(1).toNanos()) {
        assertThat(csms.handshakes()).hasSize(1);
      } else {
        assertThat(csms.handshakes().size()).isLessThanOrEqualTo(2);
      }
      assertThat(statuses).contains(500);
      // AND it was said once, and counted
      assertThat(log.warnings()).filteredOn(w -> w.contains("rejected the BootNotification"))
          .hasSize(1);
      assertThat(metrics(fixture)).contains("bridge_csms_rejected_boots_total 1.0");

      // WHEN the backoff has passed THEN the next request connects again and is answered
      Thread.sleep(2_100);
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-REJ", null).statusCode())
          .isEqualTo(200);
      assertThat(csms.handshakes().size()).isBetween(2, 3);
    }
  }

  /** Verifies that a refused handshake is retried neither per request nor in the background. */
  @Test
  void refusedHandshakeIsNotRetriedPerRequest() throws Exception {
    try (LogCapture log = LogCapture.of(ChargerLine.class.getName());
        BridgeFixture fixture = BridgeFixture.start(Map.of(
            "csms.reconnectFloor", "3s", "csms.reconnectCeiling", "10s"))) {
      CsmsSimulator csms = fixture.csms();
      // GIVEN a central system that refuses the charger's WebSocket with 403
      csms.refuseHandshakes(HttpResponseStatus.FORBIDDEN);

      // WHEN the charger sends ten requests within about a second
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        statuses.add(SoapPost.heartbeat15(fixture.soapUrl(), "CB-403", null).statusCode());
        Thread.sleep(100);
      }

      // THEN the central system saw one handshake (the backoff's first delay is at least 1.5 s)
      assertThat(csms.handshakes()).hasSize(1);
      assertThat(statuses).containsOnly(500);
      // AND the refusal was logged once, and counted once
      assertThat(log.warnings()).filteredOn(w -> w.contains("refused the connection"))
          .hasSize(1);
      assertThat(metrics(fixture)).contains("bridge_csms_refused_handshakes_total 1.0");
    }
  }

  private static String boot15(String identity) {
    return "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/' xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
        + "<soap:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/BootNotification</wsa:Action><wsa:MessageID>urn:uuid:"
        + UUID.randomUUID() + "</wsa:MessageID></soap:Header><soap:Body>"
        + "<cs:bootNotificationRequest><cs:chargePointVendor>V</cs:chargePointVendor>"
        + "<cs:chargePointModel>M</cs:chargePointModel></cs:bootNotificationRequest>"
        + "</soap:Body></soap:Envelope>";
  }

  private static String metrics(BridgeFixture fixture) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + fixture.bridge().adminPort() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
