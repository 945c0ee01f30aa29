package io.ocppbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (c): a central system that answers every CALL after 1 s, and 2,000 closed-loop
 * chargers all waiting on it at once. Reports how many were answered, the latency distribution
 * and the most threads this JVM had meanwhile (waiting must not pin a thread per request).
 * Target: every request answered within 1.5 s.
 */
public final class SlowBackendScenario implements Scenario {

  static final int FULL_SCALE_CHARGERS = 2_000;
  static final Duration BACKEND_DELAY = Duration.ofSeconds(1);
  private static final double TARGET_MS = 1500;
  private static final Logger LOG = LoggerFactory.getLogger(SlowBackendScenario.class);

  @Override
  public String name() {
    return "slow-backend";
  }

  @Override
  public String description() {
    return "(c) central system answering after 1 s, 2,000 chargers waiting at once";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    List<String> chargers = MixedLoad.chargers("SLOW",
        options.chargers(FULL_SCALE_CHARGERS));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    LoadResult result;
    int peakThreads;
    int threadsBefore;
    try (BridgeUnderTest under = BridgeUnderTest.withSimulator(BACKEND_DELAY,
        Duration.ofSeconds(30))) {
      threadsBefore = threads.getThreadCount();
      threads.resetPeakThreadCount();
      LOG.info("slow-backend: {} chargers, closed loop, central system answering after {} ms",
          chargers.size(), BACKEND_DELAY.toMillis());
      result = MixedLoad.closedLoop(under.soapUrl(), chargers, options);
      peakThreads = threads.getPeakThreadCount();
      LOG.info("slow-backend, bridge: {}", result);
    }
    String scenario = "(c) slow backend (1 s), " + chargers.size() + " chargers";
    ResultTable table = context.table();
    long within = result.latencyMicros().getCountBetweenValues(0, (long) (TARGET_MS * 1000));
    boolean allWithin = result.failures() == 0 && result.maxMillis() <= TARGET_MS;
    table.add(ResultRow.judged(scenario, "answered (in window) / failed",
        result.answered() + " / " + result.failures(), "", within + " within 1.5 s",
        "all within 1.5 s", allWithin));
    table.add(ResultRow.info(scenario, "throughput", ResultRow.rate(result.throughput()), "",
        "ideal " + ResultRow.rate(chargers.size() / (BACKEND_DELAY.toMillis() / 1000.0))));
    for (double p : new double[] {50, 90, 99, 99.9}) {
      table.add(ResultRow.info(scenario, "latency p" + PeakThroughputScenario.format(p),
          ResultRow.ms(result.millis(p)), "", ""));
    }
    table.add(ResultRow.info(scenario, "latency max", ResultRow.ms(result.maxMillis()), "", ""));
    table.add(ResultRow.info(scenario, "JVM threads before / peak", threadsBefore + " / "
        + peakThreads, "", "load generator included"));
  }
}
