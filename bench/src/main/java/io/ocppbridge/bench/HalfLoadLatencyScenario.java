package io.ocppbridge.bench;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (b): the latency the bridge adds at half its peak: an open-loop rate of 50% of the
 * bridge's measured peak (measured here first when scenario {@code peak} did not run), sent to
 * the bridge and to the bare endpoint; added latency = bridge percentile minus bare percentile.
 * Targets: p50 added at most 0.5 ms, p99 added at most 2 ms. With {@code --own-jvms} each target
 * runs in a JVM of its own, is warmed up there and measured in alternating turns
 * ({@code --rounds}), its CPU and heap read from its own process; without, the bare endpoint is
 * measured first, then the bridge, both in this JVM.
 */
public final class HalfLoadLatencyScenario implements Scenario {

  private static final Logger LOG = LoggerFactory.getLogger(HalfLoadLatencyScenario.class);
  private static final double TARGET_P50_MS = 0.5;
  private static final double TARGET_P99_MS = 2.0;

  @Override
  public String name() {
    return "half-load";
  }

  @Override
  public String description() {
    return "(b) latency added by the bridge at 50% of its measured peak (open loop)";
  }

  @Override
  public boolean runsInOwnJvms() {
    return true;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    List<String> chargers = MixedLoad.chargers("HALF",
        options.chargers(PeakThroughputScenario.FULL_SCALE_CHARGERS));
    if (context.bridgePeak().isEmpty()) {
      LOG.info("half-load: measuring the bridge's peak first");
      new PeakThroughputScenario().run(context);
    }
    double rate = context.bridgePeak().getAsDouble() / 2;
    LOG.info("half-load: {} requests/s open loop over {} chargers", Math.round(rate),
        chargers.size());
    LoadResult[] results = options.ownJvms() ? inTurnsInOwnJvms(chargers, rate, options)
        : oneAfterTheOther(chargers, rate, options);
    report(context.table(), "(b) half load, " + Math.round(rate) + "/s"
        + (options.ownJvms() ? options.turnsLabel() : ""), results[0], results[1],
        options.ownJvms());
  }

  /** The bare endpoint measured, stopped, then the bridge, both in this JVM: {bridge, bare}. */
  private static LoadResult[] oneAfterTheOther(List<String> chargers, double rate,
      BenchOptions options) throws Exception {
    LoadResult bare;
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp")) {
      bare = MixedLoad.openLoop(endpoint.url(), chargers, rate, options);
      LOG.info("half-load, bare: {}", bare);
    }
    LoadResult bridge;
    try (BridgeUnderTest under = BridgeUnderTest.withSimulator(Duration.ZERO,
        Duration.ofSeconds(30))) {
      bridge = MixedLoad.openLoop(under.soapUrl(), chargers, rate, options);
      LOG.info("half-load, bridge: {}", bridge);
    }
    return new LoadResult[] {bridge, bare};
  }

  /**
   * Each target in a JVM of its own, warmed up there (at full scale with the turns' own open
   * loop, not a saturating closed loop), then the open loop in alternating turns
   * ({@link MixedLoad#inTurnsInOwnJvms}): {bridge, bare}.
   */
  private static LoadResult[] inTurnsInOwnJvms(List<String> chargers, double rate,
      BenchOptions options) throws Exception {
    return MixedLoad.inTurnsInOwnJvms("half-load", options, chargers,
        openLoop(chargers, rate, options), JitWarmup.FullScaleLoad.openLoop(rate));
  }

  /** One turn: {@code rate} requests a second over {@code chargers}, warm-up then window. */
  static MixedLoad.Measurement openLoop(List<String> chargers, double rate,
      BenchOptions options) {
    return load -> MixedLoad.openLoop(load, chargers, rate, options);
  }

  /**
   * @param ownJvms each target ran in a process of its own, whose CPU and heap alone were read
   */
  static void report(ResultTable table, String scenario, LoadResult bridge, LoadResult bare,
      boolean ownJvms) {
    String process = ownJvms ? ChildTargets.OWN_PROCESS : "whole process";
    table.add(ResultRow.info(scenario, "throughput", ResultRow.rate(bridge.throughput()),
        ResultRow.rate(bare.throughput()), "open loop"));
    table.add(ResultRow.info(scenario, "CPU per request (" + process + ")",
        String.format("%.0f us", bridge.cpuMicrosPerRequest()),
        String.format("%.0f us", bare.cpuMicrosPerRequest()),
        String.format("%+.0f us", bridge.cpuMicrosPerRequest() - bare.cpuMicrosPerRequest())));
    table.add(ResultRow.info(scenario, "heap allocated per request (" + process + ")",
        String.format("%.1f KB", bridge.kilobytesPerRequest()),
        String.format("%.1f KB", bare.kilobytesPerRequest()),
        String.format("%+.1f KB", bridge.kilobytesPerRequest() - bare.kilobytesPerRequest())));
    table.add(ResultRow.info(scenario, "time stopped by the collector (" + process + ")",
        String.format("%.2f %%", bridge.gcPausePercent()),
        String.format("%.2f %%", bare.gcPausePercent()),
        "requests arriving then wait"));
    for (double p : new double[] {50, 90, 99, 99.9}) {
      double added = bridge.millis(p) - bare.millis(p);
      String metric = "latency p" + PeakThroughputScenario.format(p);
      String comparison = "added " + ResultRow.ms(added);
      if (p == 50) {
        table.add(ResultRow.judged(scenario, metric, ResultRow.ms(bridge.millis(p)),
            ResultRow.ms(bare.millis(p)), comparison, "added <= " + TARGET_P50_MS + " ms",
            added <= TARGET_P50_MS));
      } else if (p == 99) {
        table.add(ResultRow.judged(scenario, metric, ResultRow.ms(bridge.millis(p)),
            ResultRow.ms(bare.millis(p)), comparison, "added <= " + TARGET_P99_MS + " ms",
            added <= TARGET_P99_MS));
      } else {
        table.add(ResultRow.info(scenario, metric, ResultRow.ms(bridge.millis(p)),
            ResultRow.ms(bare.millis(p)), comparison));
      }
    }
    table.add(ResultRow.info(scenario, "latency max", ResultRow.ms(bridge.maxMillis()),
        ResultRow.ms(bare.maxMillis()), ""));
    table.add(ResultRow.judged(scenario, "failed / skipped requests",
        bridge.failures() + " / " + bridge.skipped(), bare.failures() + " / " + bare.skipped(),
        "", "0 failed", bridge.failures() == 0));
  }
}
