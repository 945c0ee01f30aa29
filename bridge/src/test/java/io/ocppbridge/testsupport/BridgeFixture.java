package io.ocppbridge.testsupport;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.DialectCheckingAnswers;
import io.ocppbridge.sim.ReceivedCall;

/**
 * A bridge on 127.0.0.1 with an ephemeral SOAP port, wired to a simulated central system on
 * another ephemeral port that accepts ocpp1.5 and ocpp1.2 and answers sensibly until a test
 * tells it otherwise.
 */
public final class BridgeFixture implements AutoCloseable {

  /** Lifts the per-source bound on new identities (all test chargers share 127.0.0.1). */
  public static final Map<String, String> MANY_IDENTITIES =
      Map.of("sessions.newIdentityBurst", "1000000");

  private final CsmsSimulator csms;
  private final Bridge bridge;

  private BridgeFixture(CsmsSimulator csms, Bridge bridge) {
    this.csms = csms;
    this.bridge = bridge;
  }

  /** Starts both with the given extra configuration values (dotted keys). */
  public static BridgeFixture start(Map<String, String> extra) {
    return start(new SensibleCsmsAnswers(Clock.systemUTC()), extra);
  }

  /**
   * Starts a central system that holds every charger-initiated CALL to the JSON schemas of
   * {@code csmsDialect} (answering a violation with a CALLERROR and its errorDetails, as SteVe
   * does), and a bridge with the given extra configuration values.
   */
  public static BridgeFixture startChecking(JsonDialect csmsDialect, Map<String, String> extra) {
    return start(new DialectCheckingAnswers(csmsDialect, PayloadSchemas.load(),
        new SensibleCsmsAnswers(Clock.systemUTC())), extra);
  }

  /** Starts a central system answering with {@code answers}, and a bridge. */
  public static BridgeFixture start(Function<ReceivedCall, CsmsReply> answers,
      Map<String, String> extra) {
    CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2,ocpp1.6", answers);
    Map<String, String> values = new HashMap<>();
    values.put("soap.host", "127.0.0.1");
    values.put("soap.port", "0");
    values.put("csms.url", csms.url().toString());
    values.put("csms.callTimeout", "5s");
    values.put("csms.connectTimeout", "2s");
    values.put("sessions.store", "memory");
    values.put("soap.shutdownGrace", "1s");
    values.put("admin.enabled", "true");
    values.put("admin.port", "0");
    // Test bridges serve hundreds of identities from 127.0.0.1, which the per-source bound on
    // new identities would refuse; SessionLimitsTest sets the bounds it exercises.
    values.putAll(MANY_IDENTITIES);
    values.putAll(extra);
    try {
      return new BridgeFixture(csms, Bridge.start(ConfigLoader.fromValues(values)));
    } catch (RuntimeException e) {
      csms.close();
      throw e;
    }
  }

  public static BridgeFixture start() {
    return start(Map.of());
  }

  public CsmsSimulator csms() {
    return csms;
  }

  public Bridge bridge() {
    return bridge;
  }

  /** The URL chargers post to. */
  public URI soapUrl() {
    return bridge.soapAddress();
  }

  @Override
  public void close() {
    bridge.close();
    csms.close();
  }
}
