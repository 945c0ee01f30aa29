package io.ocppbridge.app;

import ch.qos.logback.classic.Level;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.DialectCheckingAnswers;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate-csms}: an OCPP-J central system that accepts every charger-initiated operation
 * of OCPP 1.2, 1.5, 1.6 and, on {@code ocpp2.0.1} connections, of OCPP 2.0.1 (the 2.0.1 upgrade
 * profile), for trying a bridge without a real backend. Lines on standard input send
 * remote operations to connected chargers ({@link CsmsConsole}). Runs until Ctrl-C, {@code quit}
 * or the end of {@code --duration}; the end of the input alone does not stop it (in a container
 * standard input is closed from the start).
 */
@Command(name = "simulate-csms", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a simulated OCPP-J central system that accepts every charger operation.",
        "Type '<chargerId> <Action> [<json payload>]' to send a remote operation and see its"
            + " answer, 'list' for the connected chargers, 'help', 'quit'."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  simulate-csms --port 9000",
        "      then: CB1 Reset {\"type\":\"Soft\"}",
        "            CB1 RemoteStartTransaction {\"idTag\":\"SIMTAG01\",\"connectorId\":1}",
        "            CB1 ClearCache",
        "  with csms.protocol: ocpp2.0.1 in the bridge, 2.0.1 calls:",
        "            CB1 RequestStartTransaction {\"idToken\":{\"idToken\":\"SIMTAG01\","
            + "\"type\":\"ISO14443\"},\"remoteStartId\":1,\"evseId\":1}",
        "            CB1 GetBaseReport {\"requestId\":1,\"reportBase\":\"FullInventory\"}",
        "  simulate-csms --host 0.0.0.0 --subprotocols ocpp1.5 --duration 600",
        "  simulate-csms --json-dialect xsd   (refuses what SteVe would refuse)"})
final class SimulateCsmsCommand implements Callable<Integer> {

  /** Subprotocols the simulator may offer. */
  private static final Set<String> KNOWN_SUBPROTOCOLS =
      Set.of("ocpp1.2", "ocpp1.5", "ocpp1.6", "ocpp2.0.1");

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>",
      description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", defaultValue = "9000", paramLabel = "<port>",
      description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(names = "--subprotocols", defaultValue = "ocpp1.5,ocpp1.2,ocpp1.6,ocpp2.0.1",
      paramLabel = "<list>",
      description = {"WebSocket subprotocols accepted, comma-separated, of ocpp1.2, ocpp1.5,"
          + " ocpp1.6 (1.6 SOAP chargers, or 1.2/1.5 ones under the 1.6 upgrade profile) and"
          + " ocpp2.0.1 (chargers under the 2.0.1 upgrade profile).",
          "Default: ${DEFAULT-VALUE}"})
  String subprotocols;

  @Option(names = "--call-timeout", defaultValue = "30", paramLabel = "<seconds>",
      description = "How long a remote operation typed on the input waits for the charger's"
          + " answer (default: ${DEFAULT-VALUE}).")
  long callTimeoutSeconds;

  @Option(names = "--json-dialect", paramLabel = "<xsd|ocppjs>",
      description = {"Hold every ocpp1.2/1.5/1.6 call to the JSON schemas of this dialect and"
          + " refuse a violation as SteVe does: a CALLERROR with the reason in errorDetails"
          + " (xsd: as SteVe; ocppjs: as ocppjs). Default: no check."})
  String jsonDialect;

  @Option(names = "--duration", paramLabel = "<seconds>",
      description = "Stop after this many seconds (default: run until Ctrl-C or 'quit').")
  Long durationSeconds;

  private final Terminal terminal;

  SimulateCsmsCommand() {
    this(Terminal.system());
  }

  SimulateCsmsCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<String> offered = Arrays.stream(subprotocols.split(",")).map(String::trim).toList();
    if (offered.isEmpty() || !KNOWN_SUBPROTOCOLS.containsAll(offered) || callTimeoutSeconds < 1) {
      System.err.println("invalid options: --subprotocols takes ocpp1.2, ocpp1.5, ocpp1.6,"
          + " ocpp2.0.1"
          + " (got '" + subprotocols + "'); --call-timeout at least 1 second");
      return Main.EXIT_CONFIG;
    }
    java.util.Optional<JsonDialect> dialect = Arrays.stream(JsonDialect.values())
        .filter(d -> d.configName().equals(jsonDialect)).findFirst();
    if (jsonDialect != null && dialect.isEmpty()) {
      System.err.println("invalid options: --json-dialect takes xsd or ocppjs (got '"
          + jsonDialect + "')");
      return Main.EXIT_CONFIG;
    }
    java.util.function.Function<ReceivedCall, CsmsReply> answers =
        new SensibleCsmsAnswers(Clock.systemUTC());
    if (dialect.isPresent()) {
      answers = new DialectCheckingAnswers(dialect.get(), PayloadSchemas.load(), answers);
    }
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge.sim"))
        .setLevel(Level.INFO);
    PrintStream out = terminal.out();
    try (CsmsSimulator csms = new CsmsSimulator(host, port, String.join(",", offered),
        answers)) {
      out.println("simulated central system listening; point csms.url at " + csms.url()
          + dialect.map(d -> " (calls held to the " + d + " JSON names)").orElse(""));
      CountDownLatch stop = new CountDownLatch(1);
      Thread hook = new Thread(stop::countDown, "csms-sim-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      startConsole(csms, stop);
      if (durationSeconds == null) {
        stop.await();
      } else {
        stop.await(Duration.ofSeconds(durationSeconds).toMillis(), TimeUnit.MILLISECONDS);
      }
      removeHook(hook);
      out.println("simulated central system stopping; it answered "
          + csms.answers().size() + " call(s)");
    }
    return Main.EXIT_OK;
  }

  /** Reads the input on a thread of its own; only 'quit' stops the simulator, not its end. */
  private void startConsole(CsmsSimulator csms, CountDownLatch stop) {
    CsmsConsole console = new CsmsConsole(csms, terminal.in(), terminal.out(),
        Duration.ofSeconds(callTimeoutSeconds));
    Thread reader = new Thread(() -> {
      try {
        if (console.run()) {
          stop.countDown();
        }
      } catch (IOException e) {
        terminal.out().println("standard input is unreadable (" + e.getMessage()
            + "); remote operations on command are off");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "csms-sim-console");
    reader.setDaemon(true);
    reader.start();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running or ran
    }
  }
}
