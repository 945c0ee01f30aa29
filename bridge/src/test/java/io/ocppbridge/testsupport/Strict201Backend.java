package io.ocppbridge.testsupport;

import com.networknt.schema.Error;
import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.sim.SimulatedChargePointServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A bridge with {@code csms.protocol: ocpp2.0.1} in front of a strict OCPP 2.0.1 central system
 * (subprotocol {@code ocpp2.0.1} only) that checks every CALL against the official 2.0.1
 * schemas, answers a valid one sensibly (or as a test says) and refuses any other with the 2.0.1
 * error FormatViolation, noting it in {@link #violations()}; plus a simulated charge point SOAP
 * server for the calls back. The bridge can be restarted on the same registry. A skipped test
 * without the reference folder.
 */
public final class Strict201Backend implements AutoCloseable {

  private final Official201Schemas official = Official201Schemas.load();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<ReceivedCall, CsmsReply> answers;
  private final CsmsSimulator csms;
  private final SimulatedChargePointServer chargerServer;
  private final Map<String, String> values = new HashMap<>();
  private volatile Bridge bridge;

  /**
   * Starts all three.
   *
   * @param chargerPath the path of the charge point server
   * @param store the registry file ({@code sessions.store}), or null for memory
   */
  public Strict201Backend(String chargerPath, Path store) {
    this.answers = new SensibleCsmsAnswers(Clock.systemUTC());
    this.csms = new CsmsSimulator("127.0.0.1", 0, "ocpp2.0.1", this::strict);
    values.put("soap.host", "127.0.0.1");
    values.put("soap.port", "0");
    values.put("csms.url", csms.url().toString());
    values.put("csms.protocol", "ocpp2.0.1");
    values.put("csms.callTimeout", "5s");
    values.put("chargers.callTimeout", "5s");
    values.put("sessions.store", store == null ? "memory" : store.toString());
    values.put("soap.shutdownGrace", "1s");
    values.put("admin.enabled", "false");
    values.putAll(BridgeFixture.MANY_IDENTITIES);
    this.bridge = Bridge.start(ConfigLoader.fromValues(values));
    this.chargerServer = new SimulatedChargePointServer("127.0.0.1", 0, chargerPath);
  }

  public Official201Schemas official() {
    return official;
  }

  public CsmsSimulator csms() {
    return csms;
  }

  public Bridge bridge() {
    return bridge;
  }

  public SimulatedChargePointServer chargerServer() {
    return chargerServer;
  }

  /** Stops the bridge (registry flushed) and starts a new one on the same configuration. */
  public Bridge restartBridge() {
    bridge.close();
    bridge = Bridge.start(ConfigLoader.fromValues(values));
    return bridge;
  }

  /** The CALLs the central system refused as invalid OCPP 2.0.1, since the last clear. */
  public List<String> violations() {
    return violations;
  }

  /** How valid CALLs are answered from now on (fresh sensible answers by default). */
  public void answerWith(Function<ReceivedCall, CsmsReply> replies) {
    this.answers = replies;
  }

  /** Forgets violations and received messages, and answers sensibly again. */
  public void clear() {
    violations.clear();
    csms.clearReceived();
    chargerServer.clearReceived();
    answers = new SensibleCsmsAnswers(Clock.systemUTC());
  }

  private CsmsReply strict(ReceivedCall call) {
    if (!official.knows(call.action())) {
      violations.add(call.action() + " is no OCPP 2.0.1 action");
      return CsmsReply.now(call.error("NotImplemented", "not OCPP 2.0.1"));
    }
    List<Error> errors = official.validate(call.action(), true, call.payload());
    if (!errors.isEmpty()) {
      violations.add(call.action() + " " + call.payload() + " -> " + errors);
      return CsmsReply.now(call.error("FormatViolation", errors.toString()));
    }
    return answers.apply(call);
  }

  @Override
  public void close() {
    chargerServer.close();
    bridge.close();
    csms.close();
  }
}
