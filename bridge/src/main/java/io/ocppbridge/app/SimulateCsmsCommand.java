package io.ocppbridge.app;

import ch.qos.logback.classic.Level;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate-csms}: an OCPP-J central system that accepts every charger-initiated operation
 * of OCPP 1.2 and 1.5, for trying a bridge without a real backend. Runs until Ctrl-C (or for
 * {@code --duration}).
 */
@Command(name = "simulate-csms", mixinStandardHelpOptions = true,
    description = "Run a simulated OCPP-J central system (ocpp1.2, ocpp1.5).")
final class SimulateCsmsCommand implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind.")
  String host;

  @Option(names = "--port", defaultValue = "9000", description = "Port (0: any free port).")
  int port;

  @Option(names = "--subprotocols", defaultValue = "ocpp1.5,ocpp1.2",
      description = "WebSocket subprotocols accepted.")
  String subprotocols;

  @Option(names = "--duration", description = "Stop after this many seconds (default: run until"
      + " stopped).")
  Long durationSeconds;

  @Override
  public Integer call() throws InterruptedException {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge.sim"))
        .setLevel(Level.INFO);
    try (CsmsSimulator csms = new CsmsSimulator(host, port, subprotocols,
        new SensibleCsmsAnswers(Clock.systemUTC()))) {
      System.out.println("simulated central system listening; point csms.url at " + csms.url());
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "csms-sim-stop"));
      if (durationSeconds == null) {
        stop.await();
      } else {
        stop.await(Duration.ofSeconds(durationSeconds).toMillis(), TimeUnit.MILLISECONDS);
      }
      System.out.println("simulated central system stopping; it answered "
          + csms.answers().size() + " call(s)");
    }
    return Main.EXIT_OK;
  }
}
