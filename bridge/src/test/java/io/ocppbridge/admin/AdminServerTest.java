package io.ocppbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin listener over a real socket: health, metrics, the charger list, the status page. */
class AdminServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static BridgeFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = BridgeFixture.start();
    assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-ADMIN",
        "http://127.0.0.1:9302/").statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Verifies that liveness and readiness answer 200 while the bridge serves. */
  @Test
  void healthChecksAnswer() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    assertThat(get("/health/ready").body()).isEqualTo("ready\n");
  }

  /** Verifies that the charger list shows state, versions and the callback with its source. */
  @Test
  void chargerListShowsTheCharger() throws Exception {
    JsonNode list = JSON.readTree(get("/api/chargers").body());
    JsonNode charger = list.get(0);
    assertThat(charger.get("id").asText()).isEqualTo("CB-ADMIN");
    assertThat(charger.get("state").asText()).isEqualTo("connected");
    assertThat(charger.get("ocppVersion").asText()).isEqualTo("1.5");
    assertThat(charger.get("callbackAddress").asText()).isEqualTo("http://127.0.0.1:9302/");
    assertThat(charger.get("callbackSource").asText()).isEqualTo("wsa:From");
    assertThat(JSON.readTree(get("/api/chargers/CB-ADMIN").body()).get("soapVersion").asText())
        .isEqualTo("1.2");
    assertThat(get("/api/chargers/NOPE").statusCode()).isEqualTo(404);
  }

  /** Verifies that Prometheus metrics carry the charger counts and the quirk counters. */
  @Test
  void metricsInPrometheusFormat() throws Exception {
    String metrics = get("/metrics").body();
    assertThat(metrics).contains("bridge_chargers_known 1.0")
        .contains("bridge_chargers_connected 1.0")
        .contains("bridge_quirks_accepted_total{quirk=\"no-addressing\"}")
        .contains("jvm_memory_used_bytes")
        .contains("bridge_messages_total{action=\"Heartbeat\",direction=\"charger_to_csms\","
            + "outcome=\"answered\"} 1.0")
        .contains("bridge_csms_reconnects_total 0.0");
  }

  /** Verifies that the status page lists the charger. */
  @Test
  void statusPageListsChargers() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<td>CB-ADMIN</td><td>connected</td><td>1.5</td>"
        + "<td>1.2</td><td>ocpp1.5</td><td>http://127.0.0.1:9302/ (wsa:From)</td>");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + fixture.bridge().adminPort() + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
