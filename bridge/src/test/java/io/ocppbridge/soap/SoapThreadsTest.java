package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.config.ConfigException;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.config.SoapConfig;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The SOAP listener's threads ({@code soap.threads}): bounded, named, shown in the metrics, and
 * enough for many more waiting requests than there are threads, since no request holds one while
 * its call is out.
 */
class SoapThreadsTest {

  private static final int THREADS = 8;
  private static final int CHARGERS = 120;

  @Nested
  class UnderLoad {

    /**
     * Verifies that 120 requests waiting at once for a slow central system are all relayed and
     * answered by a listener of 8 threads, that no more than 8 of its threads ever live, and
     * that the metrics say so.
     */
    @Test
    void manyMoreWaitingRequestsThanThreadsAreAllAnswered() throws Exception {
      try (LogCapture log = LogCapture.of("io.ocppbridge.soap.SoapServer");
          BridgeFixture fixture = BridgeFixture.start(
              Map.of("soap.threads", String.valueOf(THREADS)))) {
        // GIVEN a listener of 8 threads, and a central system answering after 3 s
        fixture.csms().replyWith(call -> CsmsReply.after(Duration.ofSeconds(3), call.result(
            JsonNodeFactory.instance.objectNode().put("currentTime", "2026-12-05T10:00:00Z"))));
        assertThat(log.lines()).singleElement().asString()
            .startsWith("INFO io.ocppbridge.soap.SoapServer SOAP listener threads: at most 8, ")
            .endsWith(" of them held by Jetty (acceptor, selectors, reserve) (soap.threads)");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // WHEN 120 chargers send a Heartbeat each, at once, each on its own connection
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CHARGERS; i++) {
          answers.add(http.sendAsync(SoapPost.heartbeatRequest(fixture.soapUrl(), "CB-THREADS-" + i),
              HttpResponse.BodyHandlers.ofString()));
        }
        int mostSoapThreads = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fixture.csms().received().size() < CHARGERS && System.nanoTime() < deadline) {
          mostSoapThreads = Math.max(mostSoapThreads, soapThreadsAlive());
          Thread.sleep(10);
        }

        // THEN all 120 are out at the central system at the same time, on 8 threads at most
        assertThat(fixture.csms().received()).hasSize(CHARGERS);
        mostSoapThreads = Math.max(mostSoapThreads, soapThreadsAlive());
        assertThat(mostSoapThreads).isBetween(1, THREADS);
        Map<String, Double> metrics = metrics(fixture);
        assertThat(metrics.get("bridge_soap_threads_max")).isEqualTo(THREADS);
        assertThat(metrics.get("bridge_soap_threads")).isBetween(1.0, (double) THREADS);
        assertThat(metrics.get("bridge_soap_threads_busy")).isBetween(0.0, (double) THREADS);
        assertThat(metrics.get("bridge_soap_requests_in_flight")).isEqualTo(CHARGERS);
        // AND every charger gets its answer
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
          HttpResponse<String> response = answer.get(15, TimeUnit.SECONDS);
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.body()).contains("heartbeatResponse");
        }
        assertThat(soapThreadsAlive()).isBetween(1, THREADS);
        assertThat(metrics(fixture).get("bridge_soap_queued_tasks")).isZero();
      }
    }

    /** Verifies that a bridge left to the default runs the automatic number of threads. */
    @Test
    void theDefaultIsFourPerCoreAndAtLeastSixteen() throws Exception {
      try (BridgeFixture fixture = BridgeFixture.start(Map.of())) {
        // GIVEN soap.threads left at 0 WHEN the metrics are read
        // THEN the listener may run four threads per core, and at least 16
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(metrics(fixture).get("bridge_soap_threads_max"))
            .isEqualTo(Math.max(16, 4 * cores));
      }
    }
  }

  @Nested
  class Setting {

    /** Verifies the automatic number for a few machine sizes. */
    @Test
    void automaticIsFourPerCoreAndAtLeastSixteen() {
      SoapConfig automatic = ConfigLoader.fromValues(values("soap.threads", "0")).soap();
      assertThat(automatic.listenerThreads(1)).isEqualTo(16);
      assertThat(automatic.listenerThreads(2)).isEqualTo(16);
      assertThat(automatic.listenerThreads(4)).isEqualTo(16);
      assertThat(automatic.listenerThreads(16)).isEqualTo(64);
    }

    /** Verifies that a number too small for Jetty's own threads is refused, naming the key. */
    @Test
    void fewerThanEightIsRefused() {
      // GIVEN soap.threads: 4 WHEN the configuration is built
      // THEN the error names the key, the value and what it must be
      assertThatThrownBy(() -> ConfigLoader.fromValues(values("soap.threads", "4")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("soap.threads")
          .hasMessageContaining("'4' must be 0 (automatic) or at least 8");
    }

    /**
     * Verifies that a pool whose threads Jetty would nearly all hold for itself is refused with
     * what to set, and that one with room for requests is not.
     */
    @Test
    void aPoolJettyWouldHoldAlmostWhollyIsRefused() {
      // GIVEN a pool of 8 threads of which Jetty holds 5
      SoapThreads threads = new SoapThreads(SoapThreads.NAME, 8);
      threads.pool().getThreadPoolBudget().leaseTo("acceptor and selectors", 5);
      // WHEN it is checked THEN it is refused, naming the key and the least that would do
      assertThatThrownBy(threads::checkRoomForRequests)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("soap.threads is 8, but Jetty holds 5 of them for itself on this machine"
              + " (acceptor, selectors, reserve), leaving fewer than 4 for requests; set"
              + " soap.threads to at least 9, or to 0 (automatic)");
      // AND a pool of 9 with the same held is accepted
      SoapThreads enough = new SoapThreads(SoapThreads.NAME, 9);
      enough.pool().getThreadPoolBudget().leaseTo("acceptor and selectors", 5);
      enough.checkRoomForRequests();
      assertThat(enough.heldByJetty()).isEqualTo(5);
    }

    /** Verifies that a number given is the number used. */
    @Test
    void aNumberGivenIsUsed() {
      assertThat(ConfigLoader.fromValues(values("soap.threads", "24")).soap().listenerThreads(2))
          .isEqualTo(24);
      assertThat(ConfigLoader.fromValues(values("soap.threads", "24")).soap().listenerThreads(64))
          .isEqualTo(24);
    }

    private static Map<String, String> values(String key, String value) {
      return Map.of("csms.url", "ws://127.0.0.1:9/ocpp", key, value);
    }
  }

  /** Threads of this JVM named as the SOAP listener names its own. */
  private static int soapThreadsAlive() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(SoapThreads.NAME + "-"))
        .count();
  }

  private static final Pattern SAMPLE = Pattern.compile("^(bridge_soap_\\w+) (\\S+)$",
      Pattern.MULTILINE);

  /** The bridge's SOAP listener gauges, read from its admin listener's /metrics. */
  private static Map<String, Double> metrics(BridgeFixture fixture) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + fixture.bridge().adminPort() + "/metrics"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Double> values = new HashMap<>();
    Matcher m = SAMPLE.matcher(response.body());
    while (m.find()) {
      values.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return values;
  }
}
