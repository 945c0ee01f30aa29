package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The life of a charger's WebSocket over real sockets: reconnecting on its own after a loss,
 * calls waiting through an outage, dead connections found by pings, and presence.
 */
class ConnectionLifecycleTest {

  private static final Map<String, String> FAST = Map.of(
      "csms.reconnectFloor", "100ms", "csms.reconnectCeiling", "400ms",
      "csms.callTimeout", "8s");

  /** Verifies that a lost connection is reopened without waiting for a charger's request. */
  @Test
  void reconnectsOnItsOwnAfterTheConnectionIsLost() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(FAST)) {
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-RE", null).statusCode())
          .isEqualTo(200);
      awaitTrue(() -> fixture.csms().connectionCount() == 1, "first connection");

      fixture.csms().dropConnections();

      awaitTrue(() -> fixture.csms().connectionCount() == 1, "reconnection");
      assertThat(fixture.csms().received()).hasSize(1); // no request was invented
    }
  }

  /** Verifies that a request made while the central system is down waits for it to return. */
  @Test
  void requestWaitsThroughAShortOutage() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(FAST)) {
      int port = fixture.csms().port();
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-OUT", null).statusCode())
          .isEqualTo(200);
      fixture.csms().close(); // the central system goes away

      CompletableFuture<HttpResponse<String>> during = CompletableFuture.supplyAsync(() -> {
        try {
          return SoapPost.heartbeat15(fixture.soapUrl(), "CB-OUT", null);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(1000); // the request is waiting, the bridge retrying
      assertThat(during).isNotDone();
      try (CsmsSimulator back = new CsmsSimulator("127.0.0.1", port, "ocpp1.5,ocpp1.2",
          new SensibleCsmsAnswers(Clock.systemUTC()))) {
        HttpResponse<String> response = during.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(back.received()).hasSize(1);
      }
    }
  }

  /**
   * Verifies that a request does not wait out a long backoff: when the central system is back, a
   * charger's request connects at once rather than at the next scheduled retry.
   */
  @Test
  void requestConnectsAtOnceInsteadOfWaitingForTheBackoff() throws Exception {
    Map<String, String> slowRetries = Map.of("csms.reconnectFloor", "20s",
        "csms.reconnectCeiling", "60s", "csms.callTimeout", "3s");
    try (BridgeFixture fixture = BridgeFixture.start(slowRetries)) {
      int port = fixture.csms().port();
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-BACK", null).statusCode())
          .isEqualTo(200);
      fixture.csms().close(); // lost: the next retry is 10 to 20 s away
      Thread.sleep(300);
      try (CsmsSimulator back = new CsmsSimulator("127.0.0.1", port, "ocpp1.5,ocpp1.2",
          new SensibleCsmsAnswers(Clock.systemUTC()))) {
        HttpResponse<String> response = SoapPost.heartbeat15(fixture.soapUrl(), "CB-BACK", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(back.received()).hasSize(1);
      }
    }
  }

  /** Verifies that a refusal fails the waiting request at once with the reason. */
  @Test
  void refusalFailsTheWaitingRequestAtOnce() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(FAST)) {
      fixture.csms().refuseHandshakes(HttpResponseStatus.UNAUTHORIZED);
      long start = System.nanoTime();
      HttpResponse<String> response = SoapPost.heartbeat15(fixture.soapUrl(), "CB-401", null);
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).contains("HTTP 401");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }
  }

  /** Verifies that a central system that stops answering pings is declared dead and redialled. */
  @Test
  void silentConnectionIsDeclaredDeadByPings() throws Exception {
    Map<String, String> config = new java.util.HashMap<>(FAST);
    config.put("csms.pingInterval", "200ms");
    try (BridgeFixture fixture = BridgeFixture.start(config)) {
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-PING", null).statusCode())
          .isEqualTo(200);
      awaitTrue(() -> fixture.csms().connectionCount() == 1, "first connection");
      Thread.sleep(600); // pings answered: the connection stays
      assertThat(fixture.csms().connectionCount()).isEqualTo(1);

      fixture.csms().freezeConnections();

      // the frozen connection is closed by the bridge and a new one opened
      awaitTrue(() -> fixture.csms().acceptedConnections() >= 2, "a new connection");
    }
  }

  /** Verifies that a silent charger goes offline: its WebSocket closes until it speaks again. */
  @Test
  void silentChargerGoesOfflineAndComesBack() throws Exception {
    Map<String, String> config = new java.util.HashMap<>(FAST);
    config.put("sessions.presenceFloor", "1s");
    try (BridgeFixture fixture = BridgeFixture.start(config)) {
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-PRES", null).statusCode())
          .isEqualTo(200);
      awaitTrue(() -> fixture.csms().connectionCount() == 1, "connection");

      awaitTrue(() -> fixture.csms().connectionCount() == 0, "offline after 1 s of silence");
      Thread.sleep(500);
      assertThat(fixture.csms().connectionCount()).isZero(); // and no reconnect

      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-PRES", null).statusCode())
          .isEqualTo(200);
      assertThat(fixture.csms().connectionCount()).isEqualTo(1);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
