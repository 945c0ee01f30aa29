package io.ocppbridge.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.sim.CsmsSimulator;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The central system's view of a takeover: from a given instant, it keeps calling each charger
 * (GetConfiguration, which the bridge relays to the charger's SOAP server) until one call is
 * answered with a CALLRESULT, and records when. A call fails at once while the central system
 * holds no WebSocket for the charger, so the probe retries every {@link #RETRY}.
 */
final class ReachabilityProbe {

  private static final Duration RETRY = Duration.ofMillis(200);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private final CsmsSimulator csms;
  private final long since;
  private final Map<String, Long> reachedAfterNanos = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "reachability-probe");
    t.setDaemon(true);
    return t;
  });

  /** @param since the instant ({@link System#nanoTime()}) times are measured from */
  ReachabilityProbe(CsmsSimulator csms, long since) {
    this.csms = csms;
    this.since = since;
  }

  /**
   * Probes every charger of {@code chargers} until each answered or {@code deadline} passed.
   *
   * @return the time from {@code since} to each charger's first answered call; chargers that
   *     never answered are absent
   */
  Map<String, Duration> await(Collection<String> chargers, Duration deadline)
      throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(chargers.size());
    long end = System.nanoTime() + deadline.toNanos();
    chargers.forEach(id -> probe(id, answered, end));
    answered.await(Math.max(0, end - System.nanoTime()) + CALL_TIMEOUT.toNanos(),
        TimeUnit.NANOSECONDS);
    timer.shutdownNow();
    Map<String, Duration> times = new ConcurrentHashMap<>();
    reachedAfterNanos.forEach((id, nanos) -> times.put(id, Duration.ofNanos(nanos)));
    return times;
  }

  private void retryLater(String id, CountDownLatch answered, long end) {
    try {
      timer.schedule(() -> probe(id, answered, end), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the probe is over
    }
  }

  private void probe(String id, CountDownLatch answered, long end) {
    if (System.nanoTime() > end) {
      return;
    }
    csms.sendCall(id, "GetConfiguration", JsonNodeFactory.instance.objectNode(), CALL_TIMEOUT)
        .whenComplete((frame, failure) -> {
          if (failure == null && frame.get(0).asInt() == 3) {
            reachedAfterNanos.put(id, System.nanoTime() - since);
            answered.countDown();
          } else {
            retryLater(id, answered, end);
          }
        });
  }
}
