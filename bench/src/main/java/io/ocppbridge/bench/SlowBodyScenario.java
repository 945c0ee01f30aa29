package io.ocppbridge.bench;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soak (issue 14): {@code N} connections (default 2,000; {@code --chargers}) send a POST
 * declaring {@code Content-Length: 100000} and then one body byte a second, reopened whenever
 * the bridge closes them, for {@code D} ({@code --duration}); meanwhile 20 known chargers send a
 * Heartbeat a second each. Criteria: at least 99 % of their Heartbeats answered, p99 at most 2 s.
 * The bridge runs with its default edge limits ({@code soap.limits.*}).
 */
public final class SlowBodyScenario implements SoakScenario {

  static final int FULL_CONNECTIONS = 2_000;
  static final int KNOWN_CHARGERS = 20;
  private static final int CONTENT_LENGTH = 100_000;
  private static final double ANSWERED_TARGET = 99.0;
  private static final double P99_TARGET_MS = 2_000;
  private static final Duration SETTLE = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(SlowBodyScenario.class);

  @Override
  public String name() {
    return "slow-body";
  }

  @Override
  public String description() {
    return "soak: 2,000 slow-body connections while 20 chargers send Heartbeats";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    int connections = context.options().chargers(FULL_CONNECTIONS);
    Result result = measure(connections, context.options().duration());
    result.report(context.table());
    if (!result.met()) {
      throw new CriterionMissed(name(), result.answeredPercent() + " % answered, p99 "
          + ResultRow.ms(result.heartbeats().millis(99)));
    }
  }

  /** What one run measured. */
  record Result(int connections, Duration duration, LoadResult heartbeats,
      SlowBodyClients attack, Map<String, Long> edgeRefusals, double peakConnections) {

    double answeredPercent() {
      long sent = heartbeats.answered() + heartbeats.failures() + heartbeats.skipped();
      return sent == 0 ? 0 : 100.0 * heartbeats.answered() / sent;
    }

    boolean met() {
      return answeredPercent() >= ANSWERED_TARGET && heartbeats.millis(99) <= P99_TARGET_MS;
    }

    void report(ResultTable table) {
      String scenario = "slow-body " + connections + " conns, " + duration.toSeconds() + " s";
      long sent = heartbeats.answered() + heartbeats.failures() + heartbeats.skipped();
      table.add(ResultRow.judged(scenario, "known chargers' Heartbeats answered",
          String.format("%.2f %% (%d of %d)", answeredPercent(), heartbeats.answered(), sent),
          "", heartbeats.failureExamples().isEmpty() ? ""
              : "e.g. " + heartbeats.failureExamples().get(0),
          ">= 99 %", answeredPercent() >= ANSWERED_TARGET));
      table.add(ResultRow.judged(scenario, "Heartbeat latency p50 / p99 / max",
          ResultRow.ms(heartbeats.millis(50)) + " / " + ResultRow.ms(heartbeats.millis(99))
              + " / " + ResultRow.ms(heartbeats.maxMillis()), "", "",
          "p99 <= 2 s", heartbeats.millis(99) <= P99_TARGET_MS));
      table.add(ResultRow.info(scenario, "attack connections opened / closed by the bridge",
          attack.opened() + " / " + attack.closedByServer(), "",
          attack.bytesSent() + " body bytes trickled"));
      table.add(ResultRow.info(scenario, "bridge's answers to the attack",
          PrometheusText.describe(attack.answers()), "", ""));
      table.add(ResultRow.info(scenario, "refused by the bridge (bridge_soap_edge_refused_total)",
          PrometheusText.describe(edgeRefusals), "", ""));
      table.add(ResultRow.info(scenario, "peak bridge_soap_connections",
          String.format("%.0f", peakConnections), "", ""));
    }
  }

  /** Runs the attack and the chargers' load against a bridge of its own. */
  static Result measure(int connections, Duration duration) throws Exception {
    if (duration.compareTo(SETTLE.multipliedBy(3)) < 0) {
      throw new IllegalArgumentException("slow-body needs a duration of at least "
          + SETTLE.multipliedBy(3).toSeconds() + " s");
    }
    List<String> known = MixedLoad.chargers("KNOWN", KNOWN_CHARGERS);
    try (SoakBridge bridge = new SoakBridge(Map.of());
        LoadGenerator load = new LoadGenerator(bridge.soapUrl(), MixedLoad.NO_CALLBACK,
            Duration.ofSeconds(10))) {
      URI url = bridge.soapUrl();
      LoadResult boots = load.eachOnce(known, Operation.BOOT_NOTIFICATION, KNOWN_CHARGERS,
          Duration.ofSeconds(60));
      if (boots.answered() != KNOWN_CHARGERS) {
        throw new IllegalStateException("the known chargers could not boot: " + boots);
      }
      SlowBodyClients attack = new SlowBodyClients(url, connections, CONTENT_LENGTH);
      LOG.info("slow-body: {} connections trickling for {} s; {} chargers send Heartbeats",
          connections, duration.toSeconds(), KNOWN_CHARGERS);
      CompletableFuture<Void> attacking = CompletableFuture.runAsync(() -> {
        try {
          attack.run(duration);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, runnable -> new Thread(runnable, "slow-body-attack").start());
      LoadResult heartbeats;
      double peak;
      try (MetricSampler<Double> connectionsAtBridge = new MetricSampler<>(1000,
          () -> gauge(bridge, "bridge_soap_connections"))) {
        Thread.sleep(SETTLE.toMillis());
        heartbeats = load.openLoop(known, i -> Operation.HEARTBEAT, KNOWN_CHARGERS,
            Duration.ZERO, duration.minus(SETTLE.multipliedBy(2)), 1000);
        peak = connectionsAtBridge.samples().stream().mapToDouble(Double::doubleValue)
            .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
      }
      attacking.join();
      LOG.info("slow-body: {}", heartbeats);
      return new Result(connections, duration, heartbeats, attack,
          bridge.metrics().byReason("bridge_soap_edge_refused_total"), peak);
    }
  }

  private static double gauge(SoakBridge bridge, String name) {
    try {
      return bridge.metrics().value(name);
    } catch (Exception e) {
      return Double.NaN;
    }
  }
}
