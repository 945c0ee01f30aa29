package io.ocppbridge.app;

import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.SimulatedChargePointServer;
import io.ocppbridge.sim.SoapChargerSimulator;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate-charger}: a SOAP charger for smoke-testing a bridge deployment. It runs its own
 * SOAP server (named in {@code wsa:From}), sends every charger-initiated operation of its OCPP
 * version once, prints each answer, and with {@code --stay} keeps answering the central system's
 * remote operations. Exit 0 when every operation got a real answer.
 */
@Command(name = "simulate-charger", mixinStandardHelpOptions = true,
    description = "Run a simulated SOAP charger against a bridge.")
final class SimulateChargerCommand implements Callable<Integer> {

  @Option(names = "--bridge", required = true, description = "The bridge's SOAP URL.")
  URI bridge;

  @Option(names = "--id", defaultValue = "SIM-CP-1", description = "chargeBoxIdentity.")
  String identity;

  @Option(names = "--ocpp", defaultValue = "1.5", description = "OCPP version: 1.5 or 1.2.")
  String ocpp;

  @Option(names = "--soap", defaultValue = "1.2", description = "SOAP version: 1.2 or 1.1.")
  String soap;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address of the charger's own SOAP server (named in wsa:From).")
  String host;

  @Option(names = "--port", defaultValue = "0", description = "Its port (0: any free port).")
  int port;

  @Option(names = "--stay", description = "Stay up for this many seconds, answering remote"
      + " operations.")
  Long staySeconds;

  @Override
  public Integer call() throws InterruptedException {
    OcppVersion version = "1.2".equals(ocpp) ? OcppVersion.V1_2 : OcppVersion.V1_5;
    int failures = 0;
    try (SimulatedChargePointServer server = new SimulatedChargePointServer(host, port, "/");
        SoapChargerSimulator charger = new SoapChargerSimulator(bridge, identity, version,
            !"1.1".equals(soap), server.url().toString())) {
      System.out.printf("charger %s (%s over SOAP %s) -> %s; its SOAP server: %s%n", identity,
          version, soap, bridge, server.url());
      for (SoapChargerSimulator.Exchange r : charger.sendAll()) {
        System.out.printf("[%s] %s %s -> %s%n", identity, r.ok() ? "ok  " : "FAIL",
            r.action().wireName(), r.text());
        failures += r.ok() ? 0 : 1;
      }
      if (staySeconds != null) {
        System.out.println("answering remote operations for " + staySeconds + " s");
        new CountDownLatch(1).await(staySeconds, TimeUnit.SECONDS);
        System.out.println("received " + server.received().size() + " remote operation(s)");
      }
    }
    return failures == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
  }
}
