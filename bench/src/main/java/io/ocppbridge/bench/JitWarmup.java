package io.ocppbridge.bench;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the mixed load with a few chargers against the bare endpoint and the bridge, unmeasured,
 * so that the JIT has compiled CXF, Jetty, Xerces, Jackson and Netty before either side is
 * measured (on a busy 2-core machine that takes tens of seconds of CPU, and the side measured
 * first would otherwise pay for both): in this JVM before any scenario ({@link #run}), or in
 * each target's own JVM ({@link #inChildren}, {@code --own-jvms}). A few chargers, because the
 * JIT compiles at the rate of requests: a thousand cold chargers at once run far fewer in the
 * same time and leave the code half compiled.
 */
final class JitWarmup {

  private static final Logger LOG = LoggerFactory.getLogger(JitWarmup.class);
  static final int CHARGERS = 50;

  private JitWarmup() {}

  /** Both targets started in this JVM, warmed up for {@code each}, stopped again. */
  static void run(Duration each) throws Exception {
    if (each.isZero()) {
      return;
    }
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        LoadGenerator load = MixedLoad.generator(endpoint.url())) {
      warm("JIT warm-up, bare", load, each);
    }
    try (BridgeUnderTest under = BridgeUnderTest.withSimulator(Duration.ZERO,
            Duration.ofSeconds(30));
        LoadGenerator load = MixedLoad.generator(under.soapUrl())) {
      warm("JIT warm-up, bridge", load, each);
    }
  }

  /**
   * The targets in JVMs of their own, each warmed up for {@code each} through its load generator.
   *
   * @param scenario the name the log lines start with
   */
  static void inChildren(String scenario, LoadGenerator toBare, LoadGenerator toBridge,
      Duration each) throws InterruptedException {
    if (each.isZero()) {
      return;
    }
    warm(scenario + ", JIT warm-up of its own JVM, bare", toBare, each);
    warm(scenario + ", JIT warm-up of its own JVM, bridge", toBridge, each);
  }

  private static void warm(String what, LoadGenerator load, Duration each)
      throws InterruptedException {
    LOG.info("{}: {} chargers, {} s", what, CHARGERS, each.toSeconds());
    List<String> few = MixedLoad.chargers("JIT", CHARGERS);
    LOG.info("{}: {}", what, load.closedLoop(few, MixedLoad.mix(), Duration.ZERO, each));
  }
}
