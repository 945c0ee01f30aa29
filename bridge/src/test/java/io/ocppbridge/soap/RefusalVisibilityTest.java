package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, "never refuse in silence": every request the bridge answers with a SOAP fault leaves
 * one log line (rate-limited per source address), a count by code and origin in
 * {@code bridge_charger_refusals}, and the charger's last refusal in {@code /api/chargers}, over
 * real sockets. A fresh bridge per test: the log's rate limit is per source address, and every
 * test posts from 127.0.0.1.
 */
class RefusalVisibilityTest {

  private static final String SOAP12 = "application/soap+xml; charset=utf-8";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private BridgeFixture fixture;
  private LogCapture logs;

  @BeforeEach
  void start() {
    logs = LogCapture.of(RefusalRecorder.class.getName());
    fixture = BridgeFixture.start(Map.of());
  }

  @AfterEach
  void stop() {
    fixture.close();
    logs.close();
  }

  /** Verifies that a fault CXF raises itself (MustUnderstand) is logged, counted and shown. */
  @Test
  void mustUnderstandRefusalIsLoggedCountedAndShown() throws Exception {
    // GIVEN a request with a mustUnderstand header the bridge does not know
    String envelope = "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2015/10/'><s:Header>"
        + "<cs:chargeBoxIdentity>CB-MU</cs:chargeBoxIdentity>"
        + "<x:session xmlns:x='urn:example:session' s:mustUnderstand='true'>1</x:session>"
        + "</s:Header><s:Body><cs:heartbeatRequest/></s:Body></s:Envelope>";

    // WHEN it is posted
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12, envelope);

    // THEN the charger gets a MustUnderstand fault
    assertThat(response.body()).contains("MustUnderstand");
    // AND one line names the charger, its address, the code and the reason
    assertThat(refusalLines()).singleElement().satisfies(line -> assertThat(line)
        .startsWith("INFO").contains("[CB-MU]").contains("127.0.0.1").contains("MustUnderstand")
        .contains("urn:example:session"));
    // AND the metric counts it as the charger's
    assertThat(metrics()).contains(
        "bridge_charger_refusals_total{code=\"MustUnderstand\",origin=\"charger\"} 1.0");
    // AND /api/chargers lists the charger, never relayed, with its last refusal
    JsonNode shown = NonConformantSoapChargerTest.charger(fixture, "CB-MU");
    assertThat(shown.get("state").asText()).isEqualTo("refused");
    assertThat(shown.get("lastRefusal").get("code").asText()).isEqualTo("MustUnderstand");
    assertThat(shown.get("lastRefusal").get("origin").asText()).isEqualTo("charger");
    assertThat(shown.get("lastRefusal").get("reason").asText()).contains("not understood");
    assertThat(shown.get("lastRefusal").get("time").asText()).isNotEmpty();
  }

  /** Verifies that a refusal of a request naming no charger is still logged and counted. */
  @Test
  void refusalWithoutIdentityIsLoggedAndCounted() throws Exception {
    // WHEN something that is not XML is posted
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(), SOAP12, "hello bridge");

    // THEN it is refused
    assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
    // AND logged with no identity, but with the source address
    assertThat(refusalLines()).singleElement().satisfies(line -> assertThat(line)
        .contains("[?]").contains("127.0.0.1"));
    // AND counted as the charger's (the sender's) fault
    assertThat(metrics()).containsPattern(
        "bridge_charger_refusals_total\\{code=\"[A-Za-z]+\",origin=\"charger\"} 1.0");
  }

  /** Verifies that a flood from one address leaves one line per interval, every one counted. */
  @Test
  void floodFromOneSourceIsRateLimitedInTheLogButFullyCounted() throws Exception {
    // WHEN one address sends 20 requests without a charger identity's required content
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      SoapPost.post(fixture.soapUrl(), SOAP12, bootWithoutModel("CB-FLOOD"));
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    // THEN at most one line per interval was logged (one, unless the machine is very slow)
    List<String> lines = refusalLines();
    assertThat(lines).isNotEmpty();
    assertThat(lines.size()).isLessThanOrEqualTo(
        1 + (int) (seconds / RefusalRecorder.LOG_INTERVAL.toSeconds()));
    // AND every refusal is counted
    assertThat(metrics()).contains("bridge_charger_refusals_total{code=\""
        + "OccurenceConstraintViolation\",origin=\"charger\"} 20.0");
  }

  /** Verifies that a CALLERROR of the central system passed on as a fault is its refusal. */
  @Test
  void centralSystemErrorIsCountedAsTheCentralSystems() throws Exception {
    // GIVEN a central system answering every CALL with a CALLERROR
    fixture.csms().replyWith(call -> CsmsReply.now(call.error("SecurityError", "not today")));

    // WHEN a charger sends a Heartbeat
    SoapPost.heartbeat15(fixture.soapUrl(), "CB-CSERR", null);

    // THEN the refusal is counted with the central system as its origin
    assertThat(metrics()).contains(
        "bridge_charger_refusals_total{code=\"SecurityError\",origin=\"central-system\"} 1.0");
    assertThat(NonConformantSoapChargerTest.charger(fixture, "CB-CSERR").get("lastRefusal")
        .get("origin").asText()).isEqualTo("central-system");
    assertThat(refusalLines()).singleElement().satisfies(line -> assertThat(line)
        .contains("[CB-CSERR]").contains("central system").contains("not today"));
  }

  private static String bootWithoutModel(String identity) {
    return "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2015/10/'><s:Header>"
        + "<cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity></s:Header><s:Body>"
        + "<cs:bootNotificationRequest><cs:chargePointVendor>V" + UUID.randomUUID()
            .toString().substring(0, 4) + "</cs:chargePointVendor></cs:bootNotificationRequest>"
        + "</s:Body></s:Envelope>";
  }

  private List<String> refusalLines() {
    return logs.lines().stream().filter(l -> l.contains("RefusalRecorder")).toList();
  }

  private String metrics() throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + fixture.bridge().adminPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
