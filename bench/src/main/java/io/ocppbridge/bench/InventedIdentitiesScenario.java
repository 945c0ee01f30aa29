package io.ocppbridge.bench;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soak (issue 14): 20,000 made-up {@code chargeBoxIdentity} values ({@code --chargers}) from one
 * source address, each sending a Heartbeat, 50 at a time, against a bridge with its default
 * session limits, while 20 known chargers send a Heartbeat a second each. Samples this process's
 * open descriptors and heap every second. Criteria: the known chargers' Heartbeats at least 99 %
 * answered; descriptors grow by at most two per invented charger the bridge admitted (its
 * WebSocket, both ends in this process) plus the requests in flight; heap after GC grows by at
 * most 64 MiB.
 */
public final class InventedIdentitiesScenario implements SoakScenario {

  static final int FULL_IDENTITIES = 20_000;
  private static final int KNOWN_CHARGERS = 20;
  private static final int CONCURRENCY = 50;
  private static final long HEAP_GROWTH_LIMIT = 64L * 1024 * 1024;
  private static final Duration CHUNK = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(InventedIdentitiesScenario.class);

  @Override
  public String name() {
    return "invented-ids";
  }

  @Override
  public String description() {
    return "soak: 20,000 invented identities from one address; descriptors, heap, known chargers";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    int identities = context.options().chargers(FULL_IDENTITIES);
    List<String> invented = MixedLoad.chargers("MADEUP", identities);
    List<String> known = MixedLoad.chargers("KNOWN", KNOWN_CHARGERS);
    try (SoakBridge bridge = new SoakBridge(Map.of());
        LoadGenerator load = new LoadGenerator(bridge.soapUrl(), MixedLoad.NO_CALLBACK,
            Duration.ofSeconds(10))) {
      LoadResult boots = load.eachOnce(known, Operation.BOOT_NOTIFICATION, KNOWN_CHARGERS,
          Duration.ofSeconds(60));
      if (boots.answered() != KNOWN_CHARGERS) {
        throw new IllegalStateException("the known chargers could not boot: " + boots);
      }
      ProcessMemory baseHeap = ProcessMemory.afterGc();
      int baseFds = ProcessSample.openDescriptors();
      long start = System.nanoTime();
      List<LoadResult> knownChunks = new ArrayList<>();
      LoadResult storm;
      List<ProcessSample> samples;
      try (MetricSampler<ProcessSample> sampler = new MetricSampler<>(1000,
          () -> ProcessSample.now(start, gauge(bridge, "bridge_chargers_held")))) {
        CompletableFuture<LoadResult> inventing = CompletableFuture.supplyAsync(() -> {
          try {
            return load.eachOnce(invented, Operation.HEARTBEAT, CONCURRENCY,
                Duration.ofMinutes(30));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }, runnable -> new Thread(runnable, "invented-identities").start());
        while (!inventing.isDone()) {
          knownChunks.add(load.openLoop(known, i -> Operation.HEARTBEAT, KNOWN_CHARGERS,
              Duration.ZERO, CHUNK, 1000));
        }
        storm = inventing.join();
        samples = sampler.samples();
      }
      ProcessMemory endHeap = ProcessMemory.afterGc();
      int endFds = ProcessSample.openDescriptors();
      PrometheusText metrics = bridge.metrics();
      Report report = new Report(identities, storm, knownChunks, samples, baseFds, endFds,
          baseHeap, endHeap, metrics.byReason("bridge_requests_refused_total"));
      report.log();
      report.addTo(context.table());
      if (!report.met()) {
        throw new CriterionMissed(name(), report.missed());
      }
    }
  }

  private static double gauge(SoakBridge bridge, String name) {
    try {
      return bridge.metrics().value(name);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /** The figures of one run and their criteria. */
  record Report(int identities, LoadResult storm, List<LoadResult> known,
      List<ProcessSample> samples, int baseFds, int endFds, ProcessMemory baseHeap,
      ProcessMemory endHeap, Map<String, Long> refusals) {

    long knownAnswered() {
      return known.stream().mapToLong(LoadResult::answered).sum();
    }

    long knownSent() {
      return known.stream().mapToLong(r -> r.answered() + r.failures() + r.skipped()).sum();
    }

    double knownPercent() {
      return knownSent() == 0 ? 0 : 100.0 * knownAnswered() / knownSent();
    }

    double worstKnownP99() {
      return known.stream().mapToDouble(r -> r.millis(99)).filter(v -> !Double.isNaN(v))
          .max().orElse(Double.NaN);
    }

    int peakFds() {
      return samples.stream().mapToInt(ProcessSample::descriptors).max().orElse(endFds);
    }

    long peakHeap() {
      return samples.stream().mapToLong(ProcessSample::heapUsedBytes).max().orElse(0);
    }

    /** Two descriptors per admitted charger's WebSocket, two per request in flight, slack. */
    long fdBound() {
      return baseFds + 2L * storm.answered() + 2L * CONCURRENCY + 100;
    }

    long heapGrowth() {
      return endHeap.heapUsedBytes() - baseHeap.heapUsedBytes();
    }

    boolean met() {
      return knownPercent() >= 99.0 && peakFds() <= fdBound()
          && heapGrowth() <= HEAP_GROWTH_LIMIT;
    }

    String missed() {
      return String.format("known answered %.2f %%, peak descriptors %d (bound %d), heap growth"
          + " %.0f MiB", knownPercent(), peakFds(), fdBound(), heapGrowth() / 1048576.0);
    }

    void log() {
      LOG.info("invented-ids: storm {}", storm);
      LOG.info("invented-ids: time line (every 5 s): {}", samples.stream()
          .filter(s -> s.secondsIn() % 5 == 0).map(ProcessSample::describe)
          .collect(Collectors.joining("; ")));
    }

    void addTo(ResultTable table) {
      String scenario = "invented-ids " + identities + " ids, 1 address";
      table.add(ResultRow.info(scenario, "invented ids answered / refused / time",
          storm.answered() + " / " + storm.failures() + " / "
              + String.format("%.1f s", storm.seconds()), "", ""));
      table.add(ResultRow.info(scenario, "refused by reason (bridge_requests_refused_total)",
          PrometheusText.describe(refusals), "", ""));
      table.add(ResultRow.judged(scenario, "known chargers' Heartbeats answered (throughout)",
          String.format("%.2f %% (%d of %d)", knownPercent(), knownAnswered(), knownSent()),
          "", "worst p99 of a 5 s slice " + ResultRow.ms(worstKnownP99()), ">= 99 %",
          knownPercent() >= 99.0));
      table.add(ResultRow.judged(scenario, "open descriptors start / peak / end",
          baseFds + " / " + peakFds() + " / " + endFds, "", "whole bench JVM",
          "peak <= " + fdBound(), peakFds() <= fdBound()));
      table.add(ResultRow.judged(scenario, "heap after GC start / end (peak in use)",
          baseHeap.heapMiB() + " / " + endHeap.heapMiB() + " ("
              + String.format("%.0f MiB", peakHeap() / 1048576.0) + ")", "", "",
          "growth <= 64 MiB", heapGrowth() <= HEAP_GROWTH_LIMIT));
      double held = samples.isEmpty() ? Double.NaN : samples.get(samples.size() - 1).gauge();
      table.add(ResultRow.info(scenario, "bridge_chargers_held at the end",
          String.format("%.0f", held), "", ""));
    }
  }
}
