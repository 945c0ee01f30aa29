package io.ocppbridge.bench;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the mixed load with a few chargers against the bare endpoint and the bridge before any
 * scenario, unmeasured, so that the JIT has compiled CXF, Jetty, Xerces, Jackson and Netty before
 * either side is measured (on a busy 2-core machine that takes tens of seconds of CPU, and the
 * side measured first would otherwise pay for both).
 */
final class JitWarmup {

  private static final Logger LOG = LoggerFactory.getLogger(JitWarmup.class);
  static final int CHARGERS = 50;

  private JitWarmup() {}

  static void run(Duration each) throws Exception {
    if (each.isZero()) {
      return;
    }
    BenchOptions options = new BenchOptions(Duration.ZERO, each, 1.0, CHARGERS, CHARGERS,
        ChaosSettings.DEFAULT_NODES);
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp")) {
      LOG.info("JIT warm-up: bare endpoint, {} chargers, {} s", CHARGERS, each.toSeconds());
      LOG.info("JIT warm-up, bare: {}", MixedLoad.closedLoop(endpoint.url(),
          MixedLoad.chargers("JIT", CHARGERS), options));
    }
    try (BridgeUnderTest under = BridgeUnderTest.withSimulator(Duration.ZERO,
        Duration.ofSeconds(30))) {
      LOG.info("JIT warm-up: bridge, {} chargers, {} s", CHARGERS, each.toSeconds());
      LOG.info("JIT warm-up, bridge: {}", MixedLoad.closedLoop(under.soapUrl(),
          MixedLoad.chargers("JIT", CHARGERS), options));
    }
  }
}
