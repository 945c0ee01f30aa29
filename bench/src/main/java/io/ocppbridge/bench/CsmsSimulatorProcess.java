package io.ocppbridge.bench;

import ch.qos.logback.classic.Level;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.LoggerFactory;

/**
 * The built-in central system simulator in a process of its own. For scenario {@code sessions}:
 * 20,000 WebSockets need 20,000 descriptors on each end, more than one process may open under a
 * typical {@code ulimit -n}; for {@code peak}: the CPU counted for the bridge is then its own.
 * Prints {@code READY <url>} when listening, then {@code CONNECTIONS <n>} for every line read on
 * standard input, and stops at end of input.
 */
public final class CsmsSimulatorProcess {

  static final String READY = "READY ";
  static final String CONNECTIONS = "CONNECTIONS ";

  private CsmsSimulatorProcess() {}

  public static void main(String[] args) throws IOException {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge"))
        .setLevel(Level.WARN);
    try (CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
        new SensibleCsmsAnswers(Clock.systemUTC()))) {
      csms.keepRecords(false);
      System.out.println(READY + csms.url());
      System.out.flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        System.out.println(CONNECTIONS + csms.connectionCount());
        System.out.flush();
      }
    }
  }
}
