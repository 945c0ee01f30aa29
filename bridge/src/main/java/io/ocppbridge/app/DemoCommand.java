package io.ocppbridge.app;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.sim.SimulatedChargePointServer;
import io.ocppbridge.sim.SoapChargerSimulator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code demo}: the bridge on embedded defaults between a built-in OCPP-J central system and four
 * built-in SOAP chargers (OCPP 1.5 over SOAP 1.2, OCPP 1.2 over SOAP 1.1, OCPP 1.6 over SOAP 1.2,
 * and an OCPP 1.5 one presented as an OCPP 2.0.1 charging station by the 2.0.1 upgrade profile)
 * with their own SOAP server. Each charger sends every operation once; then the central system
 * sends a few remote operations, which the chargers (or, for the 2.0.1 one, the bridge where the
 * charger cannot) answer. The message trace is on. Exits 0 when every message got its real
 * answer.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bridge between a simulated central system and simulated chargers.")
final class DemoCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The charger presented as an OCPP 2.0.1 charging station ({@code chargers.<id>.protocol}). */
  private static final String CP201 = "DEMO-CP201";

  /** Remote operations the central system sends, per charger, with their payloads. */
  private static final Map<String, List<String[]>> REMOTE = Map.of(
      "DEMO-CP15", List.of(
          new String[] {"GetConfiguration", "{\"key\":[\"HeartbeatInterval\"]}"},
          new String[] {"ChangeConfiguration", "{\"key\":\"HeartbeatInterval\",\"value\":\"600\"}"},
          new String[] {"RemoteStartTransaction", "{\"idTag\":\"04A2B3C4D5\",\"connectorId\":1}"},
          new String[] {"ReserveNow", "{\"connectorId\":1,\"expiryDate\":\"2026-11-21T12:00:00Z\","
              + "\"idTag\":\"04A2B3C4D5\",\"reservationId\":7}"},
          new String[] {"Reset", "{\"type\":\"Soft\"}"}),
      "DEMO-CP12", List.of(
          new String[] {"UnlockConnector", "{\"connectorId\":2}"},
          new String[] {"RemoteStopTransaction", "{\"transactionId\":9}"},
          new String[] {"Reset", "{\"type\":\"Hard\"}"}),
      "DEMO-CP16", List.of(
          new String[] {"TriggerMessage", "{\"requestedMessage\":\"StatusNotification\","
              + "\"connectorId\":1}"},
          new String[] {"SetChargingProfile", "{\"connectorId\":1,\"csChargingProfiles\":{"
              + "\"chargingProfileId\":1,\"stackLevel\":0,\"chargingProfilePurpose\":"
              + "\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{"
              + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,"
              + "\"limit\":16.0}]}}}"},
          new String[] {"GetCompositeSchedule", "{\"connectorId\":1,\"duration\":3600}"},
          new String[] {"UnlockConnector", "{\"connectorId\":1}"}),
      CP201, List.of(
          new String[] {"GetBaseReport", "{\"requestId\":1,\"reportBase\":\"FullInventory\"}"},
          new String[] {"GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":"
              + "\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}"},
          new String[] {"SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"600\","
              + "\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":"
              + "\"HeartbeatInterval\"}}]}"},
          new String[] {"RequestStartTransaction", "{\"evseId\":1,\"remoteStartId\":1,"
              + "\"idToken\":{\"idToken\":\"04A2B3C4D5\",\"type\":\"ISO14443\"}}"},
          new String[] {"ReserveNow", "{\"id\":7,\"expiryDateTime\":\"2026-11-21T12:00:00Z\","
              + "\"idToken\":{\"idToken\":\"04A2B3C4D5\",\"type\":\"ISO14443\"},\"evseId\":1}"},
          new String[] {"Reset", "{\"type\":\"Immediate\"}"}));

  @Override
  public Integer call() throws IOException {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge.trace"))
        .setLevel(Level.DEBUG);
    // The demo hosts two CXF listeners in one process (the bridge and the charge points). When
    // the first closes, CXF's engine factory, whose engines are process-wide, asks the other's
    // engine to stop too, which refuses with a harmless "still in use" WARN; a bridge started
    // with `run` has one listener and never sees it.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
        "org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine")).setLevel(Level.ERROR);
    try (CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0,
            "ocpp1.5,ocpp1.2,ocpp1.6,ocpp2.0.1",
            new SensibleCsmsAnswers(Clock.systemUTC()));
        SimulatedChargePointServer chargePoints =
            new SimulatedChargePointServer("127.0.0.1", 0, "/charger");
        Bridge bridge = Bridge.start(ConfigLoader.fromValues(Map.of(
            "soap.host", "127.0.0.1",
            "soap.port", "0",
            "csms.url", csms.url().toString(),
            "csms.callTimeout", "10s",
            "chargers.callTimeout", "10s",
            "sessions.store", "memory",
            "sessions.maxChargers", "100",
            "chargers." + CP201 + ".protocol", "ocpp2.0.1",
            "admin.enabled", "false")))) {
      int failures = 0;
      failures += runCharger(bridge, csms, chargePoints, "DEMO-CP15", OcppVersion.V1_5, true);
      failures += runCharger(bridge, csms, chargePoints, "DEMO-CP12", OcppVersion.V1_2, false);
      failures += runCharger(bridge, csms, chargePoints, "DEMO-CP16", OcppVersion.V1_6, true);
      failures += runCharger(bridge, csms, chargePoints, CP201, OcppVersion.V1_5, true);
      System.out.println(failures == 0
          ? "demo: every operation was relayed and answered, in both directions"
          : "demo: " + failures + " operation(s) failed");
      return failures == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
  }

  private static int runCharger(Bridge bridge, CsmsSimulator csms,
      SimulatedChargePointServer chargePoints, String id, OcppVersion version, boolean soap12)
      throws IOException {
    System.out.printf(
        "demo: charger %s speaks %s over SOAP %s to %s; its own SOAP server is %s%s%n", id, version, soap12 ? "1.2" : "1.1", bridge.soapAddress(), chargePoints.url(),
        id.equals(CP201) ? "; the central system sees an OCPP 2.0.1 charging station" : "");
    int failures = 0;
    try (SoapChargerSimulator charger = new SoapChargerSimulator(bridge.soapAddress(), id,
        version, soap12, chargePoints.url().toString())) {
      for (SoapChargerSimulator.Exchange r : charger.sendAll()) {
        System.out.printf("[%s] %s %s -> %s%n", id, r.ok() ? "ok  " : "FAIL",
            r.action().wireName(), r.text());
        failures += r.ok() ? 0 : 1;
      }
    }
    for (String[] remote : REMOTE.get(id)) {
      JsonNode answer = remoteCall(csms, id, remote[0], remote[1]);
      boolean ok = answer != null && answer.get(0).asInt() == 3;
      System.out.printf("[%s] %s %s (from the central system) -> %s%n", id, ok ? "ok  " : "FAIL",
          remote[0], answer);
      failures += ok ? 0 : 1;
    }
    return failures;
  }

  private static JsonNode remoteCall(CsmsSimulator csms, String id, String action,
      String payload) throws IOException {
    try {
      return csms.sendCall(id, action, JSON.readTree(payload), Duration.ofSeconds(15))
          .get(20, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
