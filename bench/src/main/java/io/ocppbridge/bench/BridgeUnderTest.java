package io.ocppbridge.bench;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge as the benchmark runs it: started in this JVM through its own wiring
 * ({@link ConfigLoader#fromValues}, {@link Bridge#start}) with the registry in memory, the admin
 * listener off, and {@code csms.url} pointing at a central system that is either the built-in
 * {@link CsmsSimulator} in this JVM or one elsewhere (another process).
 *
 * <p>The system properties {@code bridge.csms.transport} ({@code auto}, {@code nio} or
 * {@code epoll}) and {@code bridge.soap.threads}, when set, become the bridge's
 * {@code csms.transport} and {@code soap.threads}, so that one benchmark jar compares socket
 * transports toward the central system and sizes of the SOAP listener's pool; unset, the
 * bridge's defaults.
 */
public final class BridgeUnderTest implements AutoCloseable {

  /** The bridge's keys a system property {@code bridge.<key>} sets, for comparisons. */
  private static final List<String> PASSED_ON = List.of("csms.transport", "soap.threads");

  private final CsmsSimulator csms;
  private final Bridge bridge;

  private BridgeUnderTest(CsmsSimulator csms, Bridge bridge) {
    this.csms = csms;
    this.bridge = bridge;
  }

  /**
   * The bridge in front of an in-process {@link CsmsSimulator} answering like
   * {@link SensibleCsmsAnswers}, after {@code backendDelay} (zero: at once).
   */
  public static BridgeUnderTest withSimulator(Duration backendDelay, Duration callTimeout) {
    CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
        DelayedAnswers.after(backendDelay, new SensibleCsmsAnswers(Clock.systemUTC())));
    csms.keepRecords(false);
    try {
      return new BridgeUnderTest(csms, start(csms.url(), callTimeout));
    } catch (RuntimeException e) {
      csms.close();
      throw e;
    }
  }

  /** The bridge in front of a central system that runs elsewhere. */
  public static BridgeUnderTest toCentralSystem(URI csmsUrl, Duration callTimeout) {
    return new BridgeUnderTest(null, start(csmsUrl, callTimeout));
  }

  private static Bridge start(URI csmsUrl, Duration callTimeout) {
    Map<String, String> values = new HashMap<>();
    values.put("soap.host", "127.0.0.1");
    values.put("soap.port", "0");
    values.put("soap.shutdownGrace", "2s");
    values.put("csms.url", csmsUrl.toString());
    values.put("csms.callTimeout", callTimeout.toMillis() + "ms");
    values.put("csms.connectTimeout", "30s");
    values.put("sessions.store", "memory");
    values.put("admin.enabled", "false");
    // The benchmarks measure capacity: every load generator speaks from 127.0.0.1 with thousands
    // of identities, which the edge bounds (docs/sessions-limits.md) would rightly refuse.
    values.put("sessions.maxChargers", "1000000");
    values.put("sessions.newIdentityBurst", "1000000");
    values.put("sessions.newIdentityRate", "1000000");
    values.put("sessions.descriptorUse", "0.99");
    values.put("csms.handshakeRate", "100000");
    for (String key : PASSED_ON) {
      String value = System.getProperty("bridge." + key);
      if (value != null) {
        values.put(key, value);
      }
    }
    // 1,000 closed-loop chargers keep up to 1,000 requests in hand, more than the default budget
    // (docs/configuration.md): the rest would be answered 503, measuring the refusal, not the relay
    values.put("soap.limits.maxRequests", "100000");
    values.put("soap.limits.maxConnections", "100000");
    return Bridge.start(ConfigLoader.fromValues(values));
  }

  public URI soapUrl() {
    return bridge.soapAddress();
  }

  public Bridge bridge() {
    return bridge;
  }

  /** The in-process central system, or null when it runs elsewhere. */
  public CsmsSimulator csms() {
    return csms;
  }

  @Override
  public void close() {
    bridge.close();
    if (csms != null) {
      csms.close();
    }
  }
}
