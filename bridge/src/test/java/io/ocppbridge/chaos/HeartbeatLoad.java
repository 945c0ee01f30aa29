package io.ocppbridge.chaos;

import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chargers sending SOAP Heartbeats in a loop from a small thread pool, round robin over their
 * identities, bounded both by a duration and by a request count. Every request's outcome and
 * latency is recorded; an I/O error or a missing answer is an outcome too, never an exception.
 */
final class HeartbeatLoad implements AutoCloseable {

  private static final Pattern CURRENT_TIME =
      Pattern.compile("<(?:\\w+:)?currentTime>([^<]+)</(?:\\w+:)?currentTime>");

  /**
   * What one SOAP request got: the HTTP status (-1: no HTTP answer), whether it is a fault, the
   * answer's {@code currentTime} (null when none), and when it was sent and answered
   * ({@link System#nanoTime()}).
   */
  record Outcome(String identity, int status, boolean soapFault, long latencyMillis,
      String error, String currentTime, long startNanos, long endNanos) {

    boolean answered() {
      return status > 0;
    }

    /** Whether the request was in flight at some moment between {@code from} and {@code to}. */
    boolean overlaps(long fromNanos, long toNanos) {
      return startNanos <= toNanos && endNanos >= fromNanos;
    }
  }

  private final URI bridge;
  private final List<String> identities;
  private final ExecutorService pool;
  private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger next = new AtomicInteger();
  private volatile boolean stopped;

  private HeartbeatLoad(URI bridge, List<String> identities, int threads) {
    this.bridge = bridge;
    this.identities = List.copyOf(identities);
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "chaos-charger");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts {@code threads} workers sending until {@code duration} passed or {@code max} sent. */
  static HeartbeatLoad start(URI bridge, List<String> identities, int threads, Duration duration,
      int max) {
    HeartbeatLoad load = new HeartbeatLoad(bridge, identities, threads);
    long deadline = System.nanoTime() + duration.toNanos();
    for (int i = 0; i < threads; i++) {
      load.pool.execute(() -> {
        while (!load.stopped && System.nanoTime() < deadline) {
          int n = load.next.getAndIncrement();
          if (n >= max) {
            return;
          }
          load.outcomes.add(send(bridge, load.identities.get(n % load.identities.size())));
        }
      });
    }
    return load;
  }

  /** Sends one Heartbeat and records what came back and how long it took. */
  static Outcome send(URI bridge, String identity) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = SoapPost.heartbeat15(bridge, identity, null);
      String body = response.body() == null ? "" : response.body();
      Matcher time = CURRENT_TIME.matcher(body);
      return new Outcome(identity, response.statusCode(), body.contains("Fault>"),
          elapsed(start), null, time.find() ? time.group(1) : null, start, System.nanoTime());
    } catch (Exception e) {
      return new Outcome(identity, -1, false, elapsed(start), e.toString(), null, start,
          System.nanoTime());
    }
  }

  /** Waits up to {@code timeout} for every worker to finish its last request. */
  boolean awaitDone(Duration timeout) throws InterruptedException {
    pool.shutdown();
    return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  @Override
  public void close() {
    stopped = true;
    pool.shutdownNow();
  }

  private static long elapsed(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
