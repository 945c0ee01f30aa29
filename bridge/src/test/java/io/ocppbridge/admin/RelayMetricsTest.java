package io.ocppbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The relay metrics on {@code /metrics} after real traffic: messages by direction, action and
 * outcome, errors by code and origin, latency histograms per flow and leg, reconnects.
 */
class RelayMetricsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Verifies that answered and failed charger requests are counted apart, with their code. */
  @Test
  void chargerRequestsAreCountedByActionAndOutcome() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      heartbeat(fixture, "CB-M1", 200);
      heartbeat(fixture, "CB-M1", 200);
      fixture.csms().replyWith(call -> CsmsReply.now(call.error("SecurityError", "unknown")));
      heartbeat(fixture, "CB-M1", 400); // SecurityError: a Sender fault
      fixture.csms().replyWith(new SensibleCsmsAnswers(Clock.systemUTC()));

      String metrics = scrape(fixture);
      assertThat(value(metrics, "bridge_messages_total{action=\"Heartbeat\","
          + "direction=\"charger_to_csms\",outcome=\"answered\"}")).isEqualTo(2.0);
      assertThat(value(metrics, "bridge_messages_total{action=\"Heartbeat\","
          + "direction=\"charger_to_csms\",outcome=\"error\"}")).isEqualTo(1.0);
      assertThat(value(metrics, "bridge_errors_total{code=\"SecurityError\","
          + "direction=\"charger_to_csms\",origin=\"central_system\"}")).isEqualTo(1.0);
      assertThat(value(metrics, "bridge_relay_duration_seconds_count{action=\"Heartbeat\","
          + "direction=\"charger_to_csms\"}")).isEqualTo(3.0);
      // the CALLERROR is an answer of the central system: its leg counts as answered
      assertThat(value(metrics, "bridge_leg_duration_seconds_count{action=\"Heartbeat\","
          + "leg=\"csms\",outcome=\"answered\"}")).isEqualTo(3.0);
      assertThat(metrics).contains("bridge_relay_duration_seconds_bucket{action=\"Heartbeat\","
          + "direction=\"charger_to_csms\",le=\"");
    }
  }

  /** Verifies that a request the bridge refuses before sending counts under its own origin. */
  @Test
  void requestsRefusedByTheBridgeCountAsBridgeErrors() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      HttpResponse<String> noIdentity = SoapPost.post(fixture.soapUrl(),
          "application/soap+xml; charset=utf-8",
          "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
              + "<heartbeatRequest xmlns=\"urn://Ocpp/Cs/2012/06/\"/></s:Body></s:Envelope>");
      assertThat(noIdentity.body()).contains("ProtocolError");

      String metrics = scrape(fixture);
      assertThat(value(metrics, "bridge_errors_total{code=\"ProtocolError\","
          + "direction=\"charger_to_csms\",origin=\"bridge\"}")).isEqualTo(1.0);
      assertThat(metrics).doesNotContain("leg=\"csms\"");
    }
  }

  /** Verifies that calls of the central system are counted, and an unreachable charger too. */
  @Test
  void centralSystemCallsAreCountedPerLeg() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      // the callback address is a closed port: the charger leg gets no answer
      heartbeat(fixture, "CB-M2", 200, "http://127.0.0.1:9/");
      var answer = fixture.csms().sendCall("CB-M2", "Reset",
          JsonNodeFactory.instance.objectNode().put("type", "Soft"), Duration.ofSeconds(10))
          .get(15, TimeUnit.SECONDS);
      assertThat(answer.get(0).asInt()).isEqualTo(4);

      String metrics = scrape(fixture);
      assertThat(value(metrics, "bridge_messages_total{action=\"Reset\","
          + "direction=\"csms_to_charger\",outcome=\"error\"}")).isEqualTo(1.0);
      assertThat(value(metrics, "bridge_leg_duration_seconds_count{action=\"Reset\","
          + "leg=\"charger\",outcome=\"no_answer\"}")).isEqualTo(1.0);
      assertThat(value(metrics, "bridge_errors_total{code=\"" + answer.get(2).asText()
          + "\",direction=\"csms_to_charger\",origin=\"bridge\"}")).isEqualTo(1.0);
    }
  }

  /** Verifies that a lost WebSocket reopened by the next request counts as a reconnect. */
  @Test
  void reconnectsAreCounted() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(
        java.util.Map.of("csms.reconnectFloor", "100ms", "csms.reconnectCeiling", "200ms"))) {
      heartbeat(fixture, "CB-M3", 200);
      assertThat(value(scrape(fixture), "bridge_csms_reconnects_total")).isEqualTo(0.0);
      fixture.csms().dropConnections();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (value(scrape(fixture), "bridge_csms_reconnects_total") < 1.0
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      heartbeat(fixture, "CB-M3", 200);
      String metrics = scrape(fixture);
      assertThat(value(metrics, "bridge_csms_reconnects_total")).isEqualTo(1.0);
      assertThat(value(metrics, "bridge_csms_queued_calls")).isEqualTo(0.0);
      assertThat(value(metrics, "bridge_csms_outstanding_calls")).isEqualTo(0.0);
    }
  }

  private static void heartbeat(BridgeFixture fixture, String id, int status) throws Exception {
    heartbeat(fixture, id, status, "http://127.0.0.1:9302/");
  }

  private static void heartbeat(BridgeFixture fixture, String id, int status, String from)
      throws Exception {
    assertThat(SoapPost.heartbeat15(fixture.soapUrl(), id, from).statusCode())
        .isEqualTo(status);
  }

  private static String scrape(BridgeFixture fixture) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + fixture.bridge().adminPort() + "/metrics"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The value of one exact series line; -1 when the series is absent. */
  private static double value(String metrics, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
        .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
