package io.ocppbridge.app;

import ch.qos.logback.classic.Level;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.sim.SoapChargerSimulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code demo}: the bridge on embedded defaults between a built-in OCPP-J central system and two
 * built-in SOAP chargers (OCPP 1.5 over SOAP 1.2, OCPP 1.2 over SOAP 1.1), each sending every
 * operation once, with the message trace on. Exits 0 when every operation got the central
 * system's answer.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bridge between a simulated central system and simulated chargers.")
final class DemoCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge.trace"))
        .setLevel(Level.DEBUG);
    try (CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
            new SensibleCsmsAnswers(Clock.systemUTC()));
        Bridge bridge = Bridge.start(ConfigLoader.fromValues(Map.of(
            "soap.host", "127.0.0.1",
            "soap.port", "0",
            "csms.url", csms.url().toString(),
            "csms.callTimeout", "10s")))) {
      int failures = 0;
      failures += runCharger(bridge, "DEMO-CP15", OcppVersion.V1_5, true);
      failures += runCharger(bridge, "DEMO-CP12", OcppVersion.V1_2, false);
      System.out.println(failures == 0
          ? "demo: every operation was relayed and answered by the central system"
          : "demo: " + failures + " operation(s) failed");
      return failures == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
  }

  private static int runCharger(Bridge bridge, String id, OcppVersion version, boolean soap12) {
    System.out.printf("demo: charger %s speaks %s over SOAP %s to %s%n", id, version,
        soap12 ? "1.2" : "1.1", bridge.soapAddress());
    int failures = 0;
    try (SoapChargerSimulator charger = new SoapChargerSimulator(bridge.soapAddress(), id,
        version, soap12, "http://127.0.0.1:9/not-listening")) {
      List<SoapChargerSimulator.Exchange> results = charger.sendAll();
      for (SoapChargerSimulator.Exchange r : results) {
        System.out.printf("[%s] %s %s -> %s%n", id, r.ok() ? "ok  " : "FAIL",
            r.action().wireName(), r.text());
        if (!r.ok()) {
          failures++;
        }
      }
    }
    return failures;
  }
}
