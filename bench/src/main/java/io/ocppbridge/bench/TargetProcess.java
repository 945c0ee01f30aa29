package io.ocppbridge.bench;

import ch.qos.logback.classic.Level;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * A benchmark target in a process of its own: {@code bare} (the bare CXF endpoint) or
 * {@code bridge <central system URL>}. Alone in its JVM, a target compiles, collects and is
 * measured as it would run in production, not beside the other target, whose turns would
 * otherwise make the JIT recompile the code both share at every switch. Prints
 * {@code READY <SOAP URL>} when listening, then {@code COST <cpu ns> <heap bytes> <GC pause ns>}
 * (this process's CPU time, heap allocated and time stopped by its collector so far) for every
 * line read on standard input, and stops
 * at end of input.
 */
public final class TargetProcess {

  static final String READY = "READY ";
  static final String COST = "COST ";
  static final String BARE = "bare";
  static final String BRIDGE = "bridge";

  private TargetProcess() {}

  public static void main(String[] args) throws IOException {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge"))
        .setLevel(Level.WARN);
    if (args.length == 1 && BARE.equals(args[0])) {
      try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp")) {
        serve(endpoint.url());
      }
    } else if (args.length == 2 && BRIDGE.equals(args[0])) {
      try (BridgeUnderTest under = BridgeUnderTest.toCentralSystem(URI.create(args[1]),
          Duration.ofSeconds(30))) {
        serve(under.soapUrl());
      }
    } else {
      System.err.println("usage: TargetProcess bare | bridge <central system URL>");
      System.exit(2);
    }
  }

  private static void serve(URI url) throws IOException {
    System.out.println(READY + url);
    System.out.flush();
    BufferedReader in = new BufferedReader(
        new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      CostMeter.Cost cost = CostMeter.THIS_PROCESS.read();
      System.out.println(COST + cost.cpuNanos() + " " + cost.allocatedBytes() + " "
          + cost.gcPauseNanos());
      System.out.flush();
    }
  }
}
