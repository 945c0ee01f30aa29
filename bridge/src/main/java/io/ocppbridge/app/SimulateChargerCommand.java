package io.ocppbridge.app;

import ch.qos.logback.classic.Level;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ChargerScript;
import io.ocppbridge.sim.ChargerSession;
import io.ocppbridge.sim.EveryOperation;
import io.ocppbridge.sim.RunData;
import io.ocppbridge.sim.PayloadXml;
import io.ocppbridge.sim.SimulatedChargePointServer;
import io.ocppbridge.sim.SoapChargerSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate-charger}: a SOAP charger for smoke-testing a bridge deployment. It runs its own
 * SOAP server (named in {@code wsa:From}) and plays a scripted charging session
 * ({@link ChargerScript}), or sends every charger-initiated operation once ({@code --all}), or
 * takes commands from standard input ({@code --interactive}); it prints each request and answer,
 * and the central system's remote operations as they arrive. With {@code --stay} it keeps
 * answering those afterwards.
 */
@Command(name = "simulate-charger", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a simulated OCPP 1.2/1.5/1.6 SOAP charger against a bridge.",
        "By default it plays a charging session: boot, connectors Available, heartbeats,"
            + " authorize, start, Occupied, meter values, stop, Available. Exit 0 when every"
            + " step was answered and accepted, 1 otherwise, 2 for invalid options."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  simulate-charger --bridge http://127.0.0.1:8080/ocpp --id CB1",
        "  simulate-charger --bridge http://127.0.0.1:8080/ocpp --id CB2 \\",
        "      --ocpp 1.2 --soap 1.1 --heartbeats 3 --heartbeat-every 5 \\",
        "      --meter-values 4 --id-tag 04A2B3C4",
        "  simulate-charger --bridge http://127.0.0.1:8080/ocpp --all --stay 60",
        "  simulate-charger --bridge http://127.0.0.1:8080/ocpp --interactive",
        "      then type: boot, start 1 SIMTAG01, meter 1 10500, stop, quit"})
final class SimulateChargerCommand implements Callable<Integer> {

  @Option(names = "--bridge", required = true, paramLabel = "<url>",
      description = "The bridge's SOAP URL, where chargers post their requests.")
  URI bridge;

  @Option(names = "--id", defaultValue = "SIM-CP-1", paramLabel = "<identity>",
      description = "The charger's chargeBoxIdentity (default: ${DEFAULT-VALUE}).")
  String identity;

  @Option(names = "--ocpp", defaultValue = "1.5", paramLabel = "<version>",
      description = "OCPP version: 1.5, 1.2 or 1.6 (default: ${DEFAULT-VALUE}).")
  String ocpp;

  @Option(names = "--soap", defaultValue = "1.2", paramLabel = "<version>",
      description = "SOAP version: 1.2 or 1.1 (default: ${DEFAULT-VALUE}).")
  String soap;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>",
      description = "Address of the charger's own SOAP server, named in wsa:From so the"
          + " bridge can reach it (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "0", paramLabel = "<port>",
      description = "Port of the charger's own SOAP server (0, the default: any free port).")
  int port;

  @Option(names = "--all",
      description = "Instead of the session, send every charger-initiated operation of the"
          + " version once: the run's id tag authorized and charged with, the numbered"
          + " transaction metered and stopped, built-in samples for the rest.")
  boolean all;

  @Option(names = "--interactive",
      description = "Instead of the session, read commands from standard input (type 'help').")
  boolean interactive;

  @Option(names = "--connectors", defaultValue = "1", paramLabel = "<n>",
      description = "Session: connectors 1..n announced Available (default: ${DEFAULT-VALUE}).")
  int connectors;

  @Option(names = "--heartbeats", defaultValue = "1", paramLabel = "<n>",
      description = "Session: heartbeats after the boot, the first at once, the next ones the"
          + " heartbeat interval of the boot answer apart (default: ${DEFAULT-VALUE}).")
  int heartbeats;

  @Option(names = "--heartbeat-every", paramLabel = "<seconds>",
      description = "Session: wait at most this long between heartbeats, for quick runs"
          + " (default: the interval from the boot answer).")
  Long heartbeatEverySeconds;

  @Option(names = "--id-tag", paramLabel = "<idTag>",
      description = "The id tag authorized and charged with (default: a new one each run,"
          + " SIM and 8 hex digits, so that runs never share a tag; give one the central"
          + " system knows to have it accepted).")
  String idTag;

  @Option(names = "--meter-start", paramLabel = "<Wh>",
      description = "The energy register when the transaction starts (default: one that rises"
          + " with the clock, 10 Wh a minute, so that each run continues the last).")
  Integer meterStartWh;

  @Option(names = "--meter-values", defaultValue = "3", paramLabel = "<n>",
      description = "Session: MeterValues sent during the transaction, the energy register"
          + " rising each time (default: ${DEFAULT-VALUE}).")
  int meterValues;

  @Option(names = "--stay", paramLabel = "<seconds>",
      description = "Afterwards, stay up this long answering the central system's remote"
          + " operations.")
  Long staySeconds;

  private final Terminal terminal;

  SimulateChargerCommand() {
    this(Terminal.system());
  }

  SimulateChargerCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    PrintStream out = terminal.out();
    if (OcppVersion.ofLabel(ocpp).isEmpty() || !"1.2".equals(soap) && !"1.1".equals(soap)
        || all && interactive) {
      System.err.println("invalid options: --ocpp is 1.5, 1.2 or 1.6, --soap 1.2 or 1.1, and"
          + " --all and --interactive exclude each other");
      return Main.EXIT_CONFIG;
    }
    ChargerScript.Plan plan;
    try {
      plan = new ChargerScript.Plan(connectors, heartbeats, heartbeatEverySeconds == null
          ? null : Duration.ofSeconds(heartbeatEverySeconds), runIdTag(), meterValues,
          meterStartWh != null ? meterStartWh : RunData.meterStart(Clock.systemUTC()));
    } catch (IllegalArgumentException e) {
      System.err.println("invalid options: " + e.getMessage());
      return Main.EXIT_CONFIG;
    }
    // the >>/<< lines below say what the simulators would log at INFO
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge.sim"))
        .setLevel(Level.WARN);
    OcppVersion version = OcppVersion.ofLabel(ocpp).orElseThrow();
    boolean ok;
    try (SimulatedChargePointServer server = new SimulatedChargePointServer(host, port, "/");
        SoapChargerSimulator charger = new SoapChargerSimulator(bridge, identity, version,
            !"1.1".equals(soap), server.url().toString())) {
      out.printf("charger %s (%s over SOAP %s) -> %s; its SOAP server: %s%n", identity,
          version, soap, bridge, server.url());
      server.onReceived(call -> out.println(("<< remote " + call.actionName() + " "
          + PayloadXml.parse(call.payloadXml()).summary()).strip()));
      ChargerSession session = new ChargerSession(charger, version, Clock.systemUTC(), out);
      out.printf("id tag %s, meter start %d Wh%n", plan.idTag(), plan.meterStartWh());
      if (all) {
        ok = sendAll(session, plan, out);
      } else if (interactive) {
        ok = new ChargerConsole(session, terminal.in(), out).run() == 0;
      } else {
        ok = new ChargerScript(plan, ChargerScript.Pause.sleeping(), out).run(session);
      }
      if (staySeconds != null) {
        out.println("answering remote operations for " + staySeconds + " s");
        new CountDownLatch(1).await(staySeconds, TimeUnit.SECONDS);
        out.println("received " + server.received().size() + " remote operation(s)");
      }
    }
    return ok ? Main.EXIT_OK : Main.EXIT_FAILURE;
  }

  /** Every operation once; ok when each got a real answer (a refused id tag is an answer). */
  private boolean sendAll(ChargerSession session, ChargerScript.Plan plan, PrintStream out) {
    int failures = 0;
    for (ChargerSession.Step step : EveryOperation.run(session, plan.idTag(),
        plan.meterStartWh())) {
      boolean answered = step.answer() != null;
      out.printf("[%s] %s %s%n", identity, answered ? "ok  " : "FAIL",
          step.action().wireName());
      failures += answered ? 0 : 1;
    }
    return failures == 0;
  }

  private String runIdTag() {
    return idTag != null ? idTag : RunData.idTag(new java.security.SecureRandom());
  }
}
