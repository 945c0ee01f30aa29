package io.ocppbridge.bench;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SOAP chargers behind a load balancer, each posting to {@code <lb>/ocpp/<identity>} (routing by
 * path): all boot once, then the busy ones send a Heartbeat every period until stopped. Every
 * answer is checked (HTTP 200 and the response element); each failure is kept with its time, so
 * that a run can count the requests that failed after a given instant.
 */
final class ChaosChargers implements AutoCloseable {

  private static final int FAILURE_EXAMPLES = 5;

  private final URI lb;
  private final String callbackUrl;
  private final Duration requestTimeout;
  private final SoapEnvelopes envelopes;
  private final ExecutorService executor = Executors.newFixedThreadPool(3, daemon("chaos-http"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("chaos-timer"));
  private final HttpClient client;
  private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
  private final List<Long> failureTimes = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failureExamples = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong sent = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * @param callbackUrl the chargers' own SOAP server, named in {@code wsa:From}
   */
  ChaosChargers(URI lb, String callbackUrl, Duration requestTimeout) {
    this.lb = lb;
    this.callbackUrl = callbackUrl;
    this.requestTimeout = requestTimeout;
    this.envelopes = new SoapEnvelopes(lb.resolve("/ocpp").toString());
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
  }

  /**
   * One BootNotification per charger, {@code concurrency} at a time.
   *
   * @return the chargers whose boot was not answered
   */
  List<String> boot(List<String> ids, int concurrency) throws InterruptedException {
    Semaphore lanes = new Semaphore(concurrency);
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Boolean>> all = new ArrayList<>();
    for (String id : ids) {
      lanes.acquire();
      CompletableFuture<Boolean> boot = send(id, Operation.BOOT_NOTIFICATION);
      boot.whenComplete((ok, e) -> {
        lanes.release();
        if (!ok) {
          failed.add(id);
        }
      });
      all.add(boot);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return List.copyOf(failed);
  }

  /** From now until {@link #stop}, each of {@code busy} sends a Heartbeat every period. */
  void startHeartbeats(List<String> busy, Duration period) {
    running.set(true);
    for (String id : busy) {
      long first = ThreadLocalRandom.current().nextLong(period.toMillis());
      timer.schedule(() -> heartbeat(id, period), first, TimeUnit.MILLISECONDS);
    }
  }

  private void heartbeat(String id, Duration period) {
    if (!running.get()) {
      return;
    }
    inFlight.incrementAndGet();
    send(id, Operation.HEARTBEAT).whenComplete((ok, e) -> {
      inFlight.decrementAndGet();
      if (ok) {
        acknowledged.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      }
      if (running.get()) {
        timer.schedule(() -> heartbeat(id, period), period.toMillis(), TimeUnit.MILLISECONDS);
      }
    });
  }

  /** Stops the heartbeats and waits up to {@code within} for those in flight. */
  void stop(Duration within) throws InterruptedException {
    running.set(false);
    long deadline = System.nanoTime() + within.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** Completes true when the answer was HTTP 200 with the operation's response element. */
  private CompletableFuture<Boolean> send(String id, Operation op) {
    sent.incrementAndGet();
    HttpRequest request = HttpRequest.newBuilder(lb.resolve("/ocpp/" + id))
        .timeout(requestTimeout)
        .header("Content-Type", SoapEnvelopes.contentType(op))
        .POST(HttpRequest.BodyPublishers.ofString(envelopes.request(id, op, callbackUrl)))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, e) -> {
          if (e == null && response.statusCode() == 200
              && SoapEnvelopes.isAnswer(op, response.body())) {
            return true;
          }
          failureTimes.add(System.nanoTime());
          if (failureExamples.size() < FAILURE_EXAMPLES) {
            failureExamples.add(id + " " + op.wireName() + ": " + (e != null ? e.toString()
                : "HTTP " + response.statusCode() + " " + abbreviate(response.body())));
          }
          return false;
        });
  }

  /** Heartbeats acknowledged so far, per charger. */
  Map<String, Integer> acknowledged() {
    Map<String, Integer> copy = new ConcurrentHashMap<>();
    acknowledged.forEach((id, n) -> copy.put(id, n.get()));
    return copy;
  }

  long sent() {
    return sent.get();
  }

  /** Failed requests at or after {@code nanoTime}. */
  long failedSince(long nanoTime) {
    synchronized (failureTimes) {
      return failureTimes.stream().filter(t -> t >= nanoTime).count();
    }
  }

  /** The latest failure, as {@link System#nanoTime()}, or empty. */
  java.util.OptionalLong lastFailure() {
    synchronized (failureTimes) {
      return failureTimes.stream().mapToLong(Long::longValue).max();
    }
  }

  List<String> failureExamples() {
    return List.copyOf(failureExamples);
  }

  @Override
  public void close() {
    running.set(false);
    timer.shutdownNow();
    executor.shutdownNow();
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
