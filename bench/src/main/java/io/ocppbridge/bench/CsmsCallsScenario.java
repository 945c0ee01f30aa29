package io.ocppbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.bench.SoapEnvelopes.Operation;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SimulatedChargePointServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario (e): calls from the central system per second, through the bridge to the chargers'
 * SOAP servers and back. The chargers boot with {@code wsa:From} naming a
 * {@link SimulatedChargePointServer}; then the simulated central system keeps one CALL
 * (GetConfiguration and Reset in turn) outstanding per charger, the most OCPP-J allows.
 */
public final class CsmsCallsScenario implements Scenario {

  static final int FULL_SCALE_CHARGERS = 200;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(CsmsCallsScenario.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  public String name() {
    return "csms-calls";
  }

  @Override
  public String description() {
    return "(e) central-system calls per second through the bridge to SOAP chargers";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    BenchOptions options = context.options();
    List<String> chargers = MixedLoad.chargers("CALL", options.chargers(FULL_SCALE_CHARGERS));
    ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor();
    try (SimulatedChargePointServer server =
            new SimulatedChargePointServer("127.0.0.1", 0, "/charger");
        BridgeUnderTest under = BridgeUnderTest.withSimulator(Duration.ZERO, CALL_TIMEOUT);
        LoadGenerator load = new LoadGenerator(under.soapUrl(), server.url().toString(),
            CALL_TIMEOUT)) {
      // the simulated charger keeps every request it received: forget them as we go
      janitor.scheduleWithFixedDelay(server::clearReceived, 1, 1, TimeUnit.SECONDS);
      LoadResult boots = load.eachOnce(chargers, Operation.BOOT_NOTIFICATION, 200,
          Duration.ofSeconds(120));
      if (boots.answered() < chargers.size()) {
        throw new IllegalStateException("only " + boots.answered() + " of " + chargers.size()
            + " chargers booted: " + boots.failureExamples());
      }
      LOG.info("csms-calls: {} chargers booted; central system calls them, closed loop",
          chargers.size());
      Tally tally = callLoop(under.csms(), chargers, options);
      LOG.info("csms-calls: {} answered in {} s, {} failed (e.g. {})", tally.answered.get(),
          options.duration().toSeconds(), tally.failed.get(), tally.example);
      String scenario = "(e) central-system calls, " + chargers.size() + " chargers";
      double rate = tally.answered.get() / (options.duration().toNanos() / 1e9);
      ResultTable table = context.table();
      table.add(ResultRow.info(scenario, "calls answered", ResultRow.rate(rate), "",
          "GetConfiguration/Reset"));
      table.add(ResultRow.info(scenario, "latency p50 / p99 / max",
          ms(tally.latency, 50) + " / " + ms(tally.latency, 99) + " / "
              + ResultRow.ms(tally.latency.getMaxValue() / 1000.0), "", ""));
      table.add(ResultRow.judged(scenario, "failed calls", Long.toString(tally.failed.get()),
          "", "", "0", tally.failed.get() == 0));
    } finally {
      janitor.shutdownNow();
    }
  }

  private static String ms(Histogram h, double p) {
    return ResultRow.ms(h.getTotalCount() == 0 ? Double.NaN
        : h.getValueAtPercentile(p) / 1000.0);
  }

  /** Answers counted in the measured window, failures over the whole run. */
  private static final class Tally {
    final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
    final AtomicLong answered = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile String example = "none";
  }

  private static Tally callLoop(CsmsSimulator csms, List<String> chargers, BenchOptions options)
      throws InterruptedException {
    Tally tally = new Tally();
    long start = System.nanoTime();
    long measureFrom = start + options.warmup().toNanos();
    long end = measureFrom + options.duration().toNanos();
    CountDownLatch finished = new CountDownLatch(chargers.size());
    for (int i = 0; i < chargers.size(); i++) {
      call(csms, chargers.get(i), i, tally, measureFrom, end, finished);
    }
    long wait = end - System.nanoTime() + CALL_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
    if (!finished.await(wait, TimeUnit.NANOSECONDS)) {
      LOG.warn("csms-calls: {} charger(s) still had a call out after the run",
          finished.getCount());
    }
    return tally;
  }

  private static void call(CsmsSimulator csms, String charger, int n, Tally tally,
      long measureFrom, long end, CountDownLatch finished) {
    long sent = System.nanoTime();
    if (sent >= end) {
      finished.countDown();
      return;
    }
    boolean reset = n % 2 == 1;
    JsonNode payload = reset ? JSON.objectNode().put("type", "Soft") : JSON.objectNode();
    csms.sendCall(charger, reset ? "Reset" : "GetConfiguration", payload, CALL_TIMEOUT)
        .whenCompleteAsync((frame, failure) -> {
          long now = System.nanoTime();
          if (failure != null || frame.get(0).asInt() != 3) {
            tally.failed.incrementAndGet();
            tally.example = failure != null ? failure.toString() : frame.toString();
          } else if (sent >= measureFrom && now <= end) {
            tally.answered.incrementAndGet();
            tally.latency.recordValue(TimeUnit.NANOSECONDS.toMicros(now - sent));
          }
          call(csms, charger, n + 1, tally, measureFrom, end, finished);
        });
  }
}
