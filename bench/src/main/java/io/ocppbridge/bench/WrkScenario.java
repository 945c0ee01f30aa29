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
 * bridge in front of the simulated central system in a child JVM, alternating, each warmed up
 * first. wrk is another process, so the CPU per request counted is the target's alone. Targets:
 * the bridge's throughput at least {@value #TARGET_RATE}/s (what the legacy Node.js SOAP
 * central system answered directly on this machine) and CPU per request no more than the bare
 * endpoint's. Needs Debian's {@code wrk}; runs only when named.
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
  public void run(BenchContext context) throws Exception {
    if (!WrkRun.installed()) {
      throw new IllegalStateException("scenario wrk needs " + WrkRun.BINARY
          + " (apt-get install wrk)");
    }
    BenchOptions options = context.options();
    Path dir = Files.createTempDirectory("ocpp-bench-wrk");
    try {
      WrkRun wrk = new WrkRun(dir, THREADS, CONNECTIONS, IDENTITIES);
      WrkRun.Result bare;
      WrkRun.Result bridge;
      try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
          ChildCsms csms = new ChildCsms("512m");
          BridgeUnderTest under = BridgeUnderTest.toCentralSystem(csms.url(),
              Duration.ofSeconds(30))) {
        URI bareUrl = endpoint.url();
        URI bridgeUrl = under.soapUrl();
        LOG.info("wrk: warming up the bare endpoint and the bridge, {} each", options.warmup());
        measure(wrk, bareUrl, options.warmup());
        measure(wrk, bridgeUrl, options.warmup());
        bare = measure(wrk, bareUrl, options.duration());
        LOG.info("wrk, bare: {}", bare);
        bridge = measure(wrk, bridgeUrl, options.duration());
        LOG.info("wrk, bridge: {}", bridge);
      }
      report(context.table(), bridge, bare);
    } finally {
      TempFolders.delete(dir);
    }
  }

  private static WrkRun.Result measure(WrkRun wrk, URI url, Duration duration)
      throws IOException, InterruptedException {
    return wrk.run(url, envelope(url.toString()), SoapEnvelopes.contentType(Operation.HEARTBEAT),
        duration);
  }

  /** The Heartbeat wrk posts to {@code to}, with the marks for identity and message id. */
  static String envelope(String to) {
    return new SoapEnvelopes(to).request(WrkRun.ID_MARK, Operation.HEARTBEAT, CALLBACK)
        .replaceFirst("urn:uuid:bench-" + WrkRun.ID_MARK + "-\\d+", WrkRun.MESSAGE_ID_MARK);
  }

  static void report(ResultTable table, WrkRun.Result bridge, WrkRun.Result bare) {
    String scenario = "(f) wrk, " + CONNECTIONS + " connections, " + IDENTITIES + " identities";
    table.add(ResultRow.judged(scenario, "throughput", ResultRow.rate(bridge.perSecond()),
        ResultRow.rate(bare.perSecond()),
        String.format("ratio %.2f", bridge.perSecond() / bare.perSecond()),
        ">= " + TARGET_RATE + "/s", bridge.perSecond() >= TARGET_RATE));
    double cpuRatio = bare.cpuMicrosPerRequest() / bridge.cpuMicrosPerRequest();
    table.add(ResultRow.judged(scenario, "CPU per request (target process only)",
        String.format("%.0f us", bridge.cpuMicrosPerRequest()),
        String.format("%.0f us", bare.cpuMicrosPerRequest()),
        String.format("capacity ratio %.2f", cpuRatio), "ratio >= 1.0", cpuRatio >= 1.0));
    table.add(ResultRow.info(scenario, "heap allocated per request (target process only)",
        String.format("%.1f KB", bridge.kilobytesPerRequest()),
        String.format("%.1f KB", bare.kilobytesPerRequest()),
        String.format("ratio %.2f", bridge.kilobytesPerRequest() / bare.kilobytesPerRequest())));
    table.add(ResultRow.info(scenario, "latency p50 / p90 / p99",
        ResultRow.ms(bridge.p50Millis()) + " / " + ResultRow.ms(bridge.p90Millis()) + " / "
            + ResultRow.ms(bridge.p99Millis()),
        ResultRow.ms(bare.p50Millis()) + " / " + ResultRow.ms(bare.p90Millis()) + " / "
            + ResultRow.ms(bare.p99Millis()), ""));
    table.add(ResultRow.judged(scenario, "failed requests (errors, non-2xx)",
        Long.toString(bridge.failures()), Long.toString(bare.failures()), "", "0",
        bridge.failures() == 0 && bare.failures() == 0));
  }
}
