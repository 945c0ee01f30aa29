package io.ocppbridge.bench;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (a): the most the bridge relays with 1,000 closed-loop chargers sending Heartbeat,
 * MeterValues and StatusNotification, beside the same load against the bare CXF endpoint.
 * Target (issue 16): throughput and CPU per request at least the bare endpoint's (ratio 1.0; the
 * project's first target was 0.75). Heap allocated per request is reported beside them; the load
 * generator's CPU and allocation are in both columns.
 */
public final class PeakThroughputScenario implements Scenario {

  static final int FULL_SCALE_CHARGERS = 1_000;
  static final double TARGET_RATIO = 1.0;
  private static final Logger LOG = LoggerFactory.getLogger(PeakThroughputScenario.class);

  @Override
  public String name() {
    return "peak";
  }

  @Override
  public String description() {
    return "(a) peak throughput, 1,000 chargers, mixed Heartbeat/MeterValues/StatusNotification";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    List<String> chargers = MixedLoad.chargers("PEAK", options.chargers(FULL_SCALE_CHARGERS));
    LoadResult bare;
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp")) {
      LOG.info("peak: {} chargers, closed loop, against the bare CXF endpoint", chargers.size());
      bare = MixedLoad.closedLoop(endpoint.url(), chargers, options);
      LOG.info("peak, bare: {}", bare);
    }
    LoadResult bridge;
    // The central system runs in a child JVM so that the CPU counted on the bridge's side is the
    // bridge's (and the load generator's, which the bare endpoint's figure counts as well).
    try (ChildCsms csms = new ChildCsms("512m");
        BridgeUnderTest under = BridgeUnderTest.toCentralSystem(csms.url(),
            Duration.ofSeconds(30))) {
      LOG.info("peak: {} chargers, closed loop, against the bridge", chargers.size());
      bridge = MixedLoad.closedLoop(under.soapUrl(), chargers, options);
      LOG.info("peak, bridge: {}", bridge);
      if (bridge.failures() > 0) {
        LOG.warn("peak, bridge: failures such as {}", bridge.failureExamples());
      }
    }
    context.bridgePeak(bridge.throughput());
    report(context.table(), "(a) peak, " + chargers.size() + " chargers", bridge, bare);
  }

  static void report(ResultTable table, String scenario, LoadResult bridge, LoadResult bare) {
    double ratio = bare.throughput() == 0 ? 0 : bridge.throughput() / bare.throughput();
    table.add(ResultRow.judged(scenario, "throughput", ResultRow.rate(bridge.throughput()),
        ResultRow.rate(bare.throughput()), String.format("ratio %.2f", ratio),
        "ratio >= " + TARGET_RATIO, ratio >= TARGET_RATIO));
    double cpuRatio = bare.cpuMicrosPerRequest() / bridge.cpuMicrosPerRequest();
    table.add(ResultRow.judged(scenario, "CPU per request (whole process)",
        String.format("%.0f us", bridge.cpuMicrosPerRequest()),
        String.format("%.0f us", bare.cpuMicrosPerRequest()),
        String.format("capacity ratio %.2f", cpuRatio), "ratio >= " + TARGET_RATIO,
        cpuRatio >= TARGET_RATIO));
    table.add(ResultRow.info(scenario, "heap allocated per request (whole process)",
        String.format("%.1f KB", bridge.kilobytesPerRequest()),
        String.format("%.1f KB", bare.kilobytesPerRequest()),
        String.format("ratio %.2f", bridge.kilobytesPerRequest() / bare.kilobytesPerRequest())));
    for (double p : new double[] {50, 90, 99, 99.9}) {
      table.add(ResultRow.info(scenario, "latency p" + format(p), ResultRow.ms(bridge.millis(p)),
          ResultRow.ms(bare.millis(p)), "+" + ResultRow.ms(bridge.millis(p) - bare.millis(p))));
    }
    table.add(ResultRow.info(scenario, "latency max", ResultRow.ms(bridge.maxMillis()),
        ResultRow.ms(bare.maxMillis()), ""));
    table.add(ResultRow.judged(scenario, "failed requests", Long.toString(bridge.failures()),
        Long.toString(bare.failures()), "", "0", bridge.failures() == 0));
  }

  static String format(double percentile) {
    return percentile == Math.rint(percentile) ? Integer.toString((int) percentile)
        : Double.toString(percentile);
  }
}
