package io.ocppbridge.bench;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The bridge as the soak scenarios run it: in this JVM, in front of the built-in
 * {@link CsmsSimulator}, with the edge limits at their defaults (unlike {@link BridgeUnderTest},
 * which lifts them to measure capacity) unless a scenario names a value, and the admin listener
 * on an ephemeral port so that its refusal counters can be read from {@code /metrics}.
 */
final class SoakBridge implements AutoCloseable {

  private static final HttpClient ADMIN = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final CsmsSimulator csms;
  private final Bridge bridge;

  SoakBridge(Map<String, String> extra) {
    csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
        new SensibleCsmsAnswers(Clock.systemUTC()));
    csms.keepRecords(false);
    Map<String, String> values = new HashMap<>();
    values.put("soap.host", "127.0.0.1");
    values.put("soap.port", "0");
    values.put("soap.shutdownGrace", "2s");
    values.put("csms.url", csms.url().toString());
    values.put("sessions.store", "memory");
    values.put("admin.enabled", "true");
    values.put("admin.port", "0");
    values.putAll(extra);
    try {
      bridge = Bridge.start(ConfigLoader.fromValues(values));
    } catch (RuntimeException e) {
      csms.close();
      throw e;
    }
  }

  URI soapUrl() {
    return bridge.soapAddress();
  }

  CsmsSimulator csms() {
    return csms;
  }

  /** The admin listener's {@code /metrics} now. */
  PrometheusText metrics() throws Exception {
    HttpResponse<String> response = ADMIN.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + bridge.adminPort() + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return new PrometheusText(response.body());
  }

  @Override
  public void close() {
    bridge.close();
    csms.close();
  }
}
