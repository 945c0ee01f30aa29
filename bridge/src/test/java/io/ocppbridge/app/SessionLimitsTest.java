package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.session.ChargerRecord;
import io.ocppbridge.session.JdbcChargerStore;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounds on what invented identities cost, over real sockets: a flood of made-up
 * chargeBoxIdentity values holds at most {@code sessions.maxChargers} WebSockets (counted at the
 * simulated central system) and registry rows; one source address introduces new identities at
 * its rate only; an identity the central system never accepted leaves no row, is not retried in
 * the background and is forgotten after {@code sessions.unacceptedWindow}.
 */
class SessionLimitsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Verifies that a flood of invented identities holds no more than the cap, rows included. */
  @Test
  void inventedIdentityFloodIsBoundedByTheCap(@TempDir Path dir) throws Exception {
    Path registry = dir.resolve("registry");
    Map<String, String> config = new HashMap<>();
    config.put("sessions.maxChargers", "10");
    config.put("sessions.newIdentityBurst", "1000"); // the cap is what this test exercises
    config.put("sessions.store", registry.toString());
    config.put("sessions.flushInterval", "100ms");
    int answered = 0;
    int refused = 0;
    try (BridgeFixture fixture = BridgeFixture.start(config)) {
      // WHEN 40 requests come with 40 made-up identities
      for (int i = 0; i < 40; i++) {
        HttpResponse<String> response =
            SoapPost.heartbeat15(fixture.soapUrl(), "FAKE-" + i, null);
        if (response.statusCode() == 200) {
          answered++;
        } else {
          refused++;
          // THEN the excess gets a Receiver fault that tells the charger to come back later
          assertThat(response.body()).contains("Receiver").contains("try again later")
              .contains("maximum of 10 chargers");
        }
      }
      assertThat(answered).isEqualTo(10);
      assertThat(refused).isEqualTo(30);
      // AND the central system saw no more than 10 WebSockets, ever
      assertThat(fixture.csms().acceptedConnections()).isEqualTo(10);
      // AND a charger held keeps being served
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "FAKE-3", null).statusCode())
          .isEqualTo(200);
      // AND the refusals are counted and the saturation is named, readiness kept
      String metrics = admin(fixture, "/metrics").body();
      assertThat(metrics).contains("bridge_requests_refused_total{reason=\"capacity\"} 30.0")
          .contains("bridge_chargers_held 10.0");
      HttpResponse<String> ready = admin(fixture, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("saturated: 10 chargers held")
          .contains("refusing: new chargers refused in the last minute (capacity)");
    }
    // AND the registry holds the ten accepted chargers only
    try (JdbcChargerStore store = JdbcChargerStore.open(JdbcChargerStore.h2FileUrl(registry))) {
      assertThat(store.seenSince(Instant.EPOCH)).hasSize(10);
    }
  }

  /** Verifies that one address introduces new identities at its burst, then its rate. */
  @Test
  void newIdentitiesFromOneAddressAreRateLimited() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(Map.of(
        "sessions.newIdentityBurst", "3", "sessions.newIdentityRate", "0.01"))) {
      for (int i = 0; i < 3; i++) {
        assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "NEW-" + i, null).statusCode())
            .isEqualTo(200);
      }

      HttpResponse<String> fourth = SoapPost.heartbeat15(fixture.soapUrl(), "NEW-3", null);

      assertThat(fourth.statusCode()).isEqualTo(500);
      assertThat(fourth.body()).contains("Receiver")
          .contains("too many new charger identities from this address; try again later");
      // the identities already introduced keep being served
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "NEW-1", null).statusCode())
          .isEqualTo(200);
      assertThat(fixture.csms().connectedChargers()).containsExactly("NEW-0", "NEW-1", "NEW-2");
      assertThat(admin(fixture, "/metrics").body())
          .contains("bridge_requests_refused_total{reason=\"new-identity-rate\"} 1.0");
    }
  }

  /**
   * Verifies that an identity whose handshake the central system refuses leaves no registry
   * row, is not retried without a request, and is forgotten after its short window.
   */
  @Test
  void unacceptedIdentityIsNotPersistedNorRetriedAndIsForgotten(@TempDir Path dir)
      throws Exception {
    Path registry = dir.resolve("registry");
    Map<String, String> config = new HashMap<>();
    config.put("sessions.store", registry.toString());
    config.put("sessions.flushInterval", "100ms");
    config.put("sessions.unacceptedWindow", "2s");
    config.put("csms.reconnectFloor", "100ms");
    config.put("csms.reconnectCeiling", "400ms");
    try (BridgeFixture fixture = BridgeFixture.start(config)) {
      CsmsSimulator csms = fixture.csms();
      // GIVEN a central system refusing the identity
      csms.refuseHandshakes(HttpResponseStatus.NOT_FOUND);
      HttpResponse<String> refused = SoapPost.heartbeat15(fixture.soapUrl(), "CB-NOPE", null);
      // the refusal did happen: the charger was told, the central system saw the handshake
      assertThat(refused.statusCode()).isEqualTo(500);
      assertThat(refused.body()).contains("HTTP 404");
      assertThat(handshakesOf(csms, "CB-NOPE")).isEqualTo(1);
      csms.refuseHandshakes(null);
      // and a charger it accepts is served meanwhile
      assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-YES", null).statusCode())
          .isEqualTo(200);

      // WHEN nobody asks for CB-NOPE any more
      ChargerId nope = new ChargerId("CB-NOPE");
      awaitTrue(() -> fixture.bridge().sessions().find(nope).isEmpty(),
          "CB-NOPE forgotten after sessions.unacceptedWindow");

      // THEN it was never retried (the old backoff would have retried every few 100 ms)
      assertThat(handshakesOf(csms, "CB-NOPE")).isEqualTo(1);
      assertThat(fixture.bridge().sessions().find(new ChargerId("CB-YES"))).isPresent();
      assertThat(admin(fixture, "/metrics").body())
          .contains("bridge_csms_refused_handshakes_total 1.0");
    }
    // AND the registry holds the accepted charger only
    try (JdbcChargerStore store = JdbcChargerStore.open(JdbcChargerStore.h2FileUrl(registry))) {
      assertThat(store.seenSince(Instant.EPOCH)).extracting(ChargerRecord::identity)
          .containsExactly("CB-YES");
    }
  }

  static long handshakesOf(CsmsSimulator csms, String id) {
    return csms.handshakes().stream().filter(h -> h.chargerId().equals(id)).count();
  }

  private static HttpResponse<String> admin(BridgeFixture fixture, String path)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + fixture.bridge().adminPort() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static List<Long> times(CsmsSimulator csms) {
    return csms.handshakes().stream().map(CsmsSimulator.Handshake::nanoTime).toList();
  }
}
