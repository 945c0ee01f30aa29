package io.ocppbridge.bench;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import io.ocppbridge.core.ChargerId;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (d): 20,000 connected charger sessions. Every charger sends one BootNotification (a
 * boot storm, {@code --boot-concurrency} at a time), so the bridge opens one WebSocket per
 * charger to the central system, which runs in a child process (the descriptors of both ends
 * would not fit one process). Reports how long the storm takes to settle and the bridge
 * process's heap (after GC) and RSS per charger. Targets: 20,000 sessions within 1 GiB of heap,
 * settled within 60 s.
 *
 * <p>When {@code ulimit -n} cannot hold the chargers' WebSockets plus the HTTP connections, the
 * run is scaled down to what fits and the table says so.
 */
public final class SessionsScenario implements Scenario {

  static final int FULL_SCALE_CHARGERS = 20_000;
  private static final long GIB = 1024L * 1024 * 1024;
  private static final Duration SETTLE_TARGET = Duration.ofSeconds(60);
  private static final Duration STORM_DEADLINE = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(SessionsScenario.class);

  @Override
  public String name() {
    return "sessions";
  }

  @Override
  public String description() {
    return "(d) 20,000 chargers boot: storm settle time, heap and RSS per charger";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    int wanted = options.chargers(FULL_SCALE_CHARGERS);
    OsLimits limits = OsLimits.read();
    // this process holds per charger one WebSocket; per lane one HTTP connection on each end
    long budget = limits.socketBudget() - 2L * options.bootConcurrency();
    int count = (int) Math.min(wanted, Math.max(0, budget));
    count = Math.min(count, limits.ephemeralPorts() - 2 * options.bootConcurrency());
    String limited = "";
    if (count < wanted) {
      count = count / 500 * 500;
      limited = " (of " + wanted + ": ulimit -n " + limits.openFiles() + ")";
      LOG.warn("sessions: only {} of {} chargers fit this process's limits: {}; raise them"
          + " (ulimit -n) to run all", count, wanted, limits);
    }
    if (count <= 0) {
      context.table().add(ResultRow.judged("(d) sessions", "not run", "", "", limited, "", false));
      return;
    }
    String scenario = "(d) " + count + " sessions" + limited;
    List<String> chargers = MixedLoad.chargers("SESS", count);
    try (ChildCsms csms = new ChildCsms("1g");
        BridgeUnderTest under = BridgeUnderTest.toCentralSystem(csms.url(),
            Duration.ofSeconds(120));
        LoadGenerator load = new LoadGenerator(under.soapUrl(), MixedLoad.NO_CALLBACK,
            Duration.ofSeconds(120))) {
      // warm up the path with a few chargers of their own, then take the baseline
      load.eachOnce(MixedLoad.chargers("WARM", 50), Operation.BOOT_NOTIFICATION, 50,
          Duration.ofSeconds(60));
      ProcessMemory base = ProcessMemory.afterGc();
      LOG.info("sessions: boot storm of {} chargers, {} at a time; baseline heap {}, RSS {}",
          count, options.bootConcurrency(), base.heapMiB(), base.rssMiB());
      LoadResult storm = load.eachOnce(chargers, Operation.BOOT_NOTIFICATION,
          options.bootConcurrency(), STORM_DEADLINE);
      LOG.info("sessions: {}", storm);
      ProcessMemory after = ProcessMemory.afterGc();
      int connectedAtBridge = (int) chargers.stream()
          .filter(id -> under.bridge().isConnected(new ChargerId(id))).count();
      int atCentralSystem = csms.connections();
      ProcessMemory grown = after.minus(base);
      report(context.table(), scenario, count, storm, after, grown, connectedAtBridge,
          atCentralSystem);
    }
  }

  private static void report(ResultTable table, String scenario, int count, LoadResult storm,
      ProcessMemory after, ProcessMemory grown, int connectedAtBridge, int atCentralSystem) {
    boolean allUp = storm.answered() == count && connectedAtBridge == count;
    table.add(ResultRow.judged(scenario, "boot storm settled in",
        String.format("%.1f s", storm.seconds()), "", String.format("%.0f boots/s, CPU %.0f us"
            + "/boot", storm.answered() / Math.max(storm.seconds(), 1e-9),
            storm.cpuMicrosPerRequest()),
        "<= " + SETTLE_TARGET.toSeconds() + " s, all up",
        allUp && storm.seconds() <= SETTLE_TARGET.toSeconds()));
    table.add(ResultRow.info(scenario, "booted / failed / WebSockets (bridge, CSMS)",
        storm.answered() + " / " + storm.failures() + " / " + connectedAtBridge + ", "
            + atCentralSystem, "", ""));
    table.add(ResultRow.info(scenario, "boot latency p50 / p99 / max",
        ResultRow.ms(storm.millis(50)) + " / " + ResultRow.ms(storm.millis(99)) + " / "
            + ResultRow.ms(storm.maxMillis()), "", ""));
    double heapPerCharger = grown.heapUsedBytes() / (double) count;
    double projected = after.heapUsedBytes() + heapPerCharger * (FULL_SCALE_CHARGERS - count);
    table.add(ResultRow.judged(scenario, "heap after GC (whole JVM)", after.heapMiB(), "",
        String.format("%.1f KiB/charger; %.0f MiB at %,d", heapPerCharger / 1024,
            projected / (1024 * 1024), FULL_SCALE_CHARGERS),
        "<= 1 GiB at 20,000", projected <= GIB));
    // RSS only means something in a JVM that ran nothing before: run 'sessions' on its own
    table.add(ResultRow.info(scenario, "RSS (whole JVM)", after.rssMiB(), "",
        String.format("%.1f KiB/charger (alone in its JVM only)",
            grown.rssBytes() / (double) count / 1024)));
  }
}
