package io.ocppbridge.testsupport;

import com.networknt.schema.Error;
import io.ocppbridge.app.Bridge;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.sim.SimulatedChargePointServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A bridge with {@code csms.protocol: ocpp1.6} in front of a strict OCPP 1.6-J central system
 * (subprotocol {@code ocpp1.6} only) that checks every CALL against the official 1.6 schemas,
 * answers a valid one sensibly (or as a test says) and refuses any other, noting it in
 * {@link #violations()}; plus a simulated charge point SOAP server for the calls back. A skipped
 * test without the reference folder.
 */
public final class Strict16Backend implements AutoCloseable {

  private final Official16Schemas official = Official16Schemas.load();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<ReceivedCall, CsmsReply> answers;
  private final CsmsSimulator csms;
  private final Bridge bridge;
  private final SimulatedChargePointServer chargerServer;

  /** Starts all three; {@code chargerPath} is the path of the charge point server. */
  public Strict16Backend(String chargerPath) {
    this.answers = new SensibleCsmsAnswers(Clock.systemUTC());
    this.csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.6", this::strict);
    Map<String, String> values = new HashMap<>();
    values.put("soap.host", "127.0.0.1");
    values.put("soap.port", "0");
    values.put("csms.url", csms.url().toString());
    values.put("csms.protocol", "ocpp1.6");
    values.put("csms.callTimeout", "5s");
    values.put("sessions.store", "memory");
    values.putAll(BridgeFixture.MANY_IDENTITIES);
    values.put("soap.shutdownGrace", "1s");
    this.bridge = Bridge.start(ConfigLoader.fromValues(values));
    this.chargerServer = new SimulatedChargePointServer("127.0.0.1", 0, chargerPath);
  }

  public Official16Schemas official() {
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

  /** The CALLs the central system refused as invalid OCPP 1.6, since the last {@link #clear()}. */
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
    List<Error> errors;
    try {
      errors = official.validate(call.action(), call.payload());
    } catch (IllegalArgumentException unknown) {
      violations.add(call.action() + " is no OCPP 1.6 action");
      return CsmsReply.now(call.error("NotImplemented", "not OCPP 1.6"));
    }
    if (!errors.isEmpty()) {
      violations.add(call.action() + " " + call.payload() + " -> " + errors);
      return CsmsReply.now(call.error("FormationViolation", errors.toString()));
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
