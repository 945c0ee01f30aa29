package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.testsupport.BridgeFixture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While a CALL is out, the charger's HTTP exchange is suspended: no thread of the bridge sits in
 * the endpoint waiting for the central system. Checked on the threads' stacks, not on timing.
 */
class NoThreadWaitsTest {

  /** Verifies that ten outstanding calls hold no thread inside the SOAP endpoint. */
  @Test
  void outstandingCallsHoldNoThread() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      // GIVEN a central system that answers only after two seconds
      fixture.csms().replyWith(call -> CsmsReply.after(Duration.ofSeconds(2), call.result(
          JsonNodeFactory.instance.objectNode().put("currentTime", "2026-11-21T10:00:00Z"))));
      HttpClient http = HttpClient.newHttpClient();

      // WHEN ten chargers send a Heartbeat each
      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        responses.add(http.sendAsync(HttpRequest.newBuilder(fixture.soapUrl())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/soap+xml; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(heartbeat("CB-ASYNC-" + i))).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (fixture.csms().received().size() < 10 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      // THEN all ten are out at the central system, and no thread waits in the endpoint
      assertThat(fixture.csms().received()).hasSize(10);
      long waiting = Thread.getAllStackTraces().values().stream()
          .filter(stack -> Arrays.stream(stack).anyMatch(f ->
              f.getClassName().startsWith("io.ocppbridge.soap.OcppSoapEndpoint")))
          .count();
      assertThat(waiting).isZero();
      // AND every charger still gets its answer
      for (CompletableFuture<HttpResponse<String>> r : responses) {
        HttpResponse<String> response = r.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("heartbeatResponse");
      }
    }
  }

  private static String heartbeat(String identity) {
    return "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/'><soap:Header><cs:chargeBoxIdentity>" + identity
        + "</cs:chargeBoxIdentity></soap:Header><soap:Body><cs:heartbeatRequest/></soap:Body>"
        + "</soap:Envelope>";
  }
}
