package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the bridge: requests in flight finish within the grace period, new ones are refused. */
class GracefulShutdownTest {

  /**
   * Verifies that a request in flight when the bridge is told to stop still gets the central
   * system's answer, that the WebSocket is closed afterwards with 1001 (going away), and that
   * the stop waits for it.
   */
  @Test
  void inFlightRequestFinishesDuringTheGracePeriod() throws Exception {
    try (CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5",
        new SensibleCsmsAnswers(Clock.systemUTC()))) {
      Bridge bridge = Bridge.start(ConfigLoader.fromValues(Map.of("soap.host", "127.0.0.1",
          "soap.port", "0", "csms.url", csms.url().toString(), "sessions.store", "memory",
          "soap.shutdownGrace", "5s", "csms.callTimeout", "10s")));
      // GIVEN a charger known to the bridge and a central system that answers after 1.5 s
      assertThat(SoapPost.heartbeat15(bridge.soapAddress(), "CB-STOP", null).statusCode())
          .isEqualTo(200);
      csms.replyWith(call -> CsmsReply.after(Duration.ofMillis(1500), call.result(
          JsonNodeFactory.instance.objectNode().put("currentTime", "2026-11-21T10:00:00Z"))));
      CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
        try {
          return SoapPost.heartbeat15(bridge.soapAddress(), "CB-STOP", null);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (csms.received().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(csms.received()).hasSize(2);

      // WHEN the bridge is stopped while that request waits for its answer
      bridge.close();

      // THEN the request got the central system's answer, and the WebSocket is closed
      HttpResponse<String> answer = inFlight.get(1, TimeUnit.SECONDS);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("2026-11-21T10:00:00Z");
      assertThat(csms.connectionCount()).isZero();
      // AND it was closed as "going away" (1001), not as a normal closure or a dropped socket
      assertThat(csms.closeCode("CB-STOP")).hasValue(1001);
    }
  }

  /** Verifies that a request arriving while the bridge drains gets a fault saying so. */
  @Test
  void requestDuringTheDrainIsRefusedWithAFault() throws Exception {
    try (CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5",
        new SensibleCsmsAnswers(Clock.systemUTC()))) {
      Bridge bridge = Bridge.start(ConfigLoader.fromValues(Map.of("soap.host", "127.0.0.1",
          "soap.port", "0", "csms.url", csms.url().toString(), "sessions.store", "memory",
          "soap.shutdownGrace", "3s", "csms.callTimeout", "10s")));
      csms.replyWith(call -> CsmsReply.after(Duration.ofMillis(2000), call.result(
          JsonNodeFactory.instance.objectNode().put("currentTime", "2026-11-21T10:00:00Z"))));
      CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
        try {
          return SoapPost.heartbeat15(bridge.soapAddress(), "CB-DRAIN-1", null);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (csms.received().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(bridge::close);
      Thread.sleep(300); // the drain has begun: the first request is still out

      HttpResponse<String> refused = SoapPost.heartbeat15(bridge.soapAddress(), "CB-DRAIN-2",
          null);

      assertThat(refused.statusCode()).isEqualTo(500);
      assertThat(refused.body()).contains("shutting down");
      assertThat(inFlight.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      stopping.get(10, TimeUnit.SECONDS);
    }
  }
}
