package io.ocppbridge.bench;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (f), the measurement of issue 16: {@code wrk} with 20 keep-alive connections posting
 * OCPP 1.5 Heartbeats for 200 charger identities, against the bare CXF endpoint and against the
 * bridge in front of the simulated central system in a child JVM, each warmed up first, then
 * measured in alternating turns ({@code --rounds}). wrk is another process, so the CPU per
 * request counted is the target's alone; with {@code --own-jvms} each target runs in a JVM of its
 * own ({@link ChildTargets}), is warmed up there for {@code --jit-warmup} more, and its CPU and
 * heap are read from that process. Targets: the bridge's throughput at least
 * {@value #TARGET_RATE}/s (what the legacy Node.js SOAP central system answered directly on this
 * machine) and CPU per request no more than the bare endpoint's. Needs Debian's {@code wrk}; runs
 * only when named.
 */
public final class WrkScenario implements OnlyWhenNamed {

  static final int TARGET_RATE = 2_500;
  static final int CONNECTIONS = 20;
  static final int IDENTITIES = 200;
  static final int THREADS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(WrkScenario.class);
  /** Where the charger says its SOAP server is; nothing calls it in this scenario. */
  private static final String CALLBACK = "http://127.0.0.1:9/charger";

  @Override
  public String name() {
    return "wrk";
  }

  @Override
  public String description() {
    return "(f) wrk, " + CONNECTIONS + " keep-alive connections, " + IDENTITIES
        + " identities, Heartbeat: bridge against bare CXF and " + TARGET_RATE + "/s";
  }

  @Override
  public boolean runsInOwnJvms() {
    return true;
  }

  @Override
  public void run(BenchContext context) throws Exception {
    if (!WrkRun.installed()) {
      throw new IllegalStateException("scenario wrk needs " + WrkRun.BINARY
          + " (apt-get install wrk)");
    }
    BenchOptions options = context.options();
    Path dir = Files.createTempDirectory("ocpp-bench-wrk");
    try {
      WrkRun wrk = new WrkRun(dir, THREADS, CONNECTIONS, IDENTITIES);
      WrkRun.Result[] results = options.ownJvms() ? inOwnJvms(wrk, options)
          : inThisJvm(wrk, options);
      report(context.table(), results[0], results[1], options);
    } finally {
      TempFolders.delete(dir);
    }
  }

  /** A target wrk posts to, and the process whose CPU and heap are read around each run. */
  private record Target(URI url, CostMeter process) {}

  /** Both targets in this JVM, its CPU and heap read: {bridge, bare}. */
  private static WrkRun.Result[] inThisJvm(WrkRun wrk, BenchOptions options) throws Exception {
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        ChildCsms csms = new ChildCsms("512m");
        BridgeUnderTest under = BridgeUnderTest.toCentralSystem(csms.url(),
            Duration.ofSeconds(30))) {
      return compare(wrk, new Target(endpoint.url(), CostMeter.THIS_PROCESS),
          new Target(under.soapUrl(), CostMeter.THIS_PROCESS), options.warmup(), options);
    }
  }

  /**
   * Each target in a JVM of its own, warmed up there for {@code --jit-warmup} and
   * {@code --warmup}, its own process's CPU and heap read: {bridge, bare}.
   */
  private static WrkRun.Result[] inOwnJvms(WrkRun wrk, BenchOptions options) throws Exception {
    try (ChildTargets targets = ChildTargets.start("wrk")) {
      return inOwnJvms(wrk, targets, options);
    }
  }

  /** As {@link #inOwnJvms(WrkRun, BenchOptions)}, in child JVMs already started. */
  static WrkRun.Result[] inOwnJvms(WrkRun wrk, ChildTargets targets, BenchOptions options)
      throws Exception {
    return compare(wrk, new Target(targets.bare().url(), targets.bare()),
        new Target(targets.bridge().url(), targets.bridge()),
        options.jitWarmup().plus(options.warmup()), options);
  }

  /**
   * Each target warmed up for {@code warmup}, then both measured in alternating turns of
   * {@code --duration} ({@link AlternatingTurns}), each side's turns summed: {bridge, bare}.
   */
  private static WrkRun.Result[] compare(WrkRun wrk, Target bare, Target bridge,
      Duration warmup, BenchOptions options) throws Exception {
    if (!warmup.isZero()) {
      LOG.info("wrk: warming up the bare endpoint and the bridge, {} each", warmup);
      LOG.info("wrk, warm-up, bare: {}", measure(wrk, bare, warmup));
      LOG.info("wrk, warm-up, bridge: {}", measure(wrk, bridge, warmup));
    }
    AlternatingTurns.Sides<WrkRun.Result> turns = AlternatingTurns.run("wrk", options.rounds(),
        () -> measure(wrk, bare, options.duration()),
        () -> measure(wrk, bridge, options.duration()));
    return new WrkRun.Result[] {WrkRun.Result.sum(turns.bridge()),
        WrkRun.Result.sum(turns.bare())};
  }

  private static WrkRun.Result measure(WrkRun wrk, Target target, Duration duration)
      throws IOException, InterruptedException {
    return wrk.run(target.url(), envelope(target.url().toString()),
        SoapEnvelopes.contentType(Operation.HEARTBEAT), duration, target.process());
  }

  /** The Heartbeat wrk posts to {@code to}, with the marks for identity and message id. */
  static String envelope(String to) {
    return new SoapEnvelopes(to).request(WrkRun.ID_MARK, Operation.HEARTBEAT, CALLBACK)
        .replaceFirst("urn:uuid:bench-" + WrkRun.ID_MARK + "-\\d+", WrkRun.MESSAGE_ID_MARK);
  }

  static void report(ResultTable table, WrkRun.Result bridge, WrkRun.Result bare,
      BenchOptions options) {
    String scenario = "(f) wrk, " + CONNECTIONS + " connections, " + IDENTITIES + " identities"
        + options.turnsLabel();
    String process = options.ownJvms() ? ChildTargets.OWN_PROCESS : "target process only";
    table.add(ResultRow.judged(scenario, "throughput", ResultRow.rate(bridge.perSecond()),
        ResultRow.rate(bare.perSecond()),
        String.format("ratio %.2f", bridge.perSecond() / bare.perSecond()),
        ">= " + TARGET_RATE + "/s", bridge.perSecond() >= TARGET_RATE));
    double cpuRatio = bare.cpuMicrosPerRequest() / bridge.cpuMicrosPerRequest();
    table.add(ResultRow.judged(scenario, "CPU per request (" + process + ")",
        String.format("%.0f us", bridge.cpuMicrosPerRequest()),
        String.format("%.0f us", bare.cpuMicrosPerRequest()),
        String.format("capacity ratio %.2f", cpuRatio), "ratio >= 1.0", cpuRatio >= 1.0));
    table.add(ResultRow.info(scenario, "heap allocated per request (" + process + ")",
        String.format("%.1f KB", bridge.kilobytesPerRequest()),
        String.format("%.1f KB", bare.kilobytesPerRequest()),
        String.format("ratio %.2f", bridge.kilobytesPerRequest() / bare.kilobytesPerRequest())));
    // wrk gives percentiles, not its histogram: over several turns their mean (WrkRun.Result.sum)
    table.add(ResultRow.info(scenario, "latency p50 / p90 / p99"
            + (options.rounds() > 1 ? " (turns' mean)" : ""),
        ResultRow.ms(bridge.p50Millis()) + " / " + ResultRow.ms(bridge.p90Millis()) + " / "
            + ResultRow.ms(bridge.p99Millis()),
        ResultRow.ms(bare.p50Millis()) + " / " + ResultRow.ms(bare.p90Millis()) + " / "
            + ResultRow.ms(bare.p99Millis()), ""));
    table.add(ResultRow.judged(scenario, "failed requests (errors, non-2xx)",
        Long.toString(bridge.failures()), Long.toString(bare.failures()), "", "0",
        bridge.failures() == 0 && bare.failures() == 0));
  }
}
