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
 * generator's CPU and allocation are in both columns, and its threads' CPU is also shown apart.
 * With {@code --rounds N} both targets run at once and are measured in alternating turns; with
 * {@code --own-jvms} each in a JVM of its own.
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
  public boolean runsInOwnJvms() {
    return true;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    List<String> chargers = MixedLoad.chargers("PEAK", options.chargers(FULL_SCALE_CHARGERS));
    LoadResult[] results = options.ownJvms() ? inTurnsInOwnJvms(chargers, options)
        : options.rounds() > 1 ? inTurns(chargers, options)
        : oneAfterTheOther(chargers, options);
    LoadResult bridge = results[0];
    LoadResult bare = results[1];
    if (bridge.failures() > 0) {
      LOG.warn("peak, bridge: failures such as {}", bridge.failureExamples());
    }
    context.bridgePeak(bridge.throughput());
    report(context.table(), "(a) peak, " + chargers.size() + " chargers" + options.turnsLabel(),
        bridge, bare, options.ownJvms());
  }

  /** The bare endpoint measured, stopped, then the bridge: {bridge, bare}. */
  private static LoadResult[] oneAfterTheOther(List<String> chargers, BenchOptions options)
      throws Exception {
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
    }
    return new LoadResult[] {bridge, bare};
  }

  /**
   * Both targets up at once, measured in turn {@code rounds} times, the order alternating
   * ({@link AlternatingTurns}), each target's turns summed: {bridge, bare}.
   */
  static LoadResult[] inTurns(List<String> chargers, BenchOptions options) throws Exception {
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        ChildCsms csms = new ChildCsms("512m");
        BridgeUnderTest under = BridgeUnderTest.toCentralSystem(csms.url(),
            Duration.ofSeconds(30));
        LoadGenerator toBare = MixedLoad.generator(endpoint.url());
        LoadGenerator toBridge = MixedLoad.generator(under.soapUrl())) {
      return MixedLoad.inTurns("peak", options.rounds(), toBare, toBridge,
          closedLoop(chargers, options));
    }
  }

  /**
   * As {@link #inTurns}, with each target in a JVM of its own
   * ({@link MixedLoad#inTurnsInOwnJvms}): {bridge, bare}.
   */
  static LoadResult[] inTurnsInOwnJvms(List<String> chargers, BenchOptions options)
      throws Exception {
    return MixedLoad.inTurnsInOwnJvms("peak", options, chargers, closedLoop(chargers, options),
        JitWarmup.FullScaleLoad.closedLoop());
  }

  /** One turn: every charger in closed loop, a warm-up then a measured window. */
  static MixedLoad.Measurement closedLoop(List<String> chargers, BenchOptions options) {
    return load -> load.closedLoop(chargers, MixedLoad.mix(), options.warmup(),
        options.duration());
  }

  /**
   * @param ownJvms each target ran in a process of its own, whose CPU and heap alone were read
   */
  static void report(ResultTable table, String scenario, LoadResult bridge, LoadResult bare,
      boolean ownJvms) {
    String process = ownJvms ? ChildTargets.OWN_PROCESS : "whole process";
    double ratio = bare.throughput() == 0 ? 0 : bridge.throughput() / bare.throughput();
    table.add(ResultRow.judged(scenario, "throughput", ResultRow.rate(bridge.throughput()),
        ResultRow.rate(bare.throughput()), String.format("ratio %.2f", ratio),
        "ratio >= " + TARGET_RATIO, ratio >= TARGET_RATIO));
    double cpuRatio = bare.cpuMicrosPerRequest() / bridge.cpuMicrosPerRequest();
    table.add(ResultRow.judged(scenario, "CPU per request (" + process + ")",
        String.format("%.0f us", bridge.cpuMicrosPerRequest()),
        String.format("%.0f us", bare.cpuMicrosPerRequest()),
        String.format("capacity ratio %.2f", cpuRatio), "ratio >= " + TARGET_RATIO,
        cpuRatio >= TARGET_RATIO));
    if (!ownJvms) {
      table.add(ResultRow.info(scenario,
          "CPU per request (without the load generator's threads)",
          String.format("%.0f us", bridge.targetCpuMicrosPerRequest()),
          String.format("%.0f us", bare.targetCpuMicrosPerRequest()),
          String.format("capacity ratio %.2f",
              bare.targetCpuMicrosPerRequest() / bridge.targetCpuMicrosPerRequest())));
    }
    table.add(ResultRow.info(scenario, "heap allocated per request (" + process + ")",
        String.format("%.1f KB", bridge.kilobytesPerRequest()),
        String.format("%.1f KB", bare.kilobytesPerRequest()),
        String.format("ratio %.2f", bridge.kilobytesPerRequest() / bare.kilobytesPerRequest())));
    for (double p : new double[] {50, 90, 99, 99.9}) {
      table.add(ResultRow.info(scenario, "latency p" + format(p), ResultRow.ms(bridge.millis(p)),
          ResultRow.ms(bare.millis(p)), ResultRow.msDifference(bridge.millis(p) - bare.millis(p))));
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
