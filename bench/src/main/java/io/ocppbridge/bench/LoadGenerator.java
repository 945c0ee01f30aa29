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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated SOAP chargers posting to one URL over keep-alive HTTP/1.1 (the JDK client, async):
 * closed loop (each charger sends its next request when the previous is answered), open loop
 * (a fixed rate, latency counted from the intended send time, so a stall is not hidden) or one
 * request per charger with bounded concurrency (a boot storm). Every answer is checked: HTTP 200
 * and a SOAP body with the operation's response element.
 */
public final class LoadGenerator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

  static {
    // for the tests, which have no main: in time unless another HTTP client was built before
    ClientKeepAlive.belowServers();
  }
  /** Failure examples a result keeps. */
  static final int FAILURE_EXAMPLES = 5;
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);
  private static final long MAX_CONNECTS_PER_SECOND = 1000;

  private final URI target;
  private final String from;
  private final Duration requestTimeout;
  private final SoapEnvelopes envelopes;
  private final ExecutorService executor;
  private final HttpClient client;
  private final CostMeter meter;
  /** Its own threads, whose CPU is the load generator's: executor, ramp, HTTP selector. */
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService ramp = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "load-ramp");
    t.setDaemon(true);
    threads.add(t);
    return t;
  });

  /**
   * @param from the address the chargers name in {@code wsa:From}
   * @param requestTimeout the longest one request may take before it counts as failed
   */
  public LoadGenerator(URI target, String from, Duration requestTimeout) {
    this(target, from, requestTimeout, null);
  }

  /**
   * @param meter where the CPU and heap of a run's window are read: the target's own process,
   *     or null for this process (the target in it, the load generator's threads told apart)
   */
  LoadGenerator(URI target, String from, Duration requestTimeout, CostMeter meter) {
    this.meter = meter == null ? CostMeter.THIS_PROCESS : meter;
    this.target = target;
    this.from = from;
    this.requestTimeout = requestTimeout;
    this.envelopes = new SoapEnvelopes(target.toString());
    this.executor = Executors.newFixedThreadPool(3, r -> {
      Thread t = new Thread(r, "load-client");
      t.setDaemon(true);
      threads.add(t);
      return t;
    });
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    // the client's selector thread, started as it is built
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.getName().startsWith("HttpClient-")) {
        threads.add(t);
      }
    }
  }

  /**
   * The pause between two chargers' first requests: their connections are opened over
   * {@code within} (at most {@link #MAX_CONNECTS_PER_SECOND} a second) rather than all at once.
   * A thousand SYNs in the same millisecond overflow the listener's accept queue (Jetty's
   * default backlog, 50 on Linux), and the dropped ones are retried by TCP only after 1, 3, 7 s:
   * the run would measure the kernel's SYN retransmission, not the server.
   */
  private static long rampStep(int chargers, long within) {
    long floor = TimeUnit.SECONDS.toNanos(1) / MAX_CONNECTS_PER_SECOND;
    return Math.max(floor, chargers <= 1 ? 0 : within / chargers);
  }

  /** The identity of charger number {@code i}. */
  public static String chargerId(String prefix, int i) {
    return String.format("%s%05d", prefix, i);
  }

  /** A run's counters and histogram, filled by many threads. */
  private static final class Tally {
    final Histogram latency = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    final AtomicLong answered = new AtomicLong();
    final AtomicLong answeredInRun = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final List<String> examples = Collections.synchronizedList(new ArrayList<>());
    private volatile CostMeter.Cost atStart = CostMeter.Cost.UNKNOWN;
    private volatile CostMeter.Cost atEnd = CostMeter.Cost.UNKNOWN;
    private volatile long loadCpuAtStart = -1;
    private volatile long loadCpuAtEnd = -1;
    private volatile Thread clock;
    private final Set<Thread> loadThreads;

    /** The target's process: this one ({@link CostMeter#THIS_PROCESS}) or another. */
    private final CostMeter meter;

    Tally(Set<Thread> loadThreads, CostMeter meter) {
      this.loadThreads = loadThreads;
      this.meter = meter;
    }

    void openWindow() {
      atStart = meter.read();
      loadCpuAtStart = loadCpu();
    }

    void closeWindow() {
      atEnd = meter.read();
      loadCpuAtEnd = loadCpu();
    }

    /** The load generator's CPU in the target's process: none in another one. */
    private long loadCpu() {
      return meter == CostMeter.THIS_PROCESS ? CpuClock.threadsCpuNanos(loadThreads) : 0;
    }

    void fail(String what) {
      failures.incrementAndGet();
      if (examples.size() < FAILURE_EXAMPLES) {
        examples.add(what);
      }
    }

    LoadResult result(double seconds) {
      CostMeter.Cost spent = atEnd.since(atStart);
      long loadCpu = loadCpuAtStart < 0 || loadCpuAtEnd < 0 ? -1 : loadCpuAtEnd - loadCpuAtStart;
      return new LoadResult(answered.get(), failures.get(), skipped.get(), seconds,
          latency.copy(), List.copyOf(examples), answeredInRun.get(), spent.cpuNanos(),
          spent.allocatedBytes(), loadCpu, spent.gcPauseNanos());
    }

    /**
     * Reads the process's CPU time when the window opens and when it closes, on a thread of its
     * own; {@link #result} waits for the second reading.
     */
    void clockCpu(long from, long to) {
      Thread t = new Thread(() -> {
        if (sleepUntil(from)) {
          openWindow();
        }
        if (sleepUntil(to)) {
          closeWindow();
        }
      }, "load-cpu-clock");
      t.setDaemon(true);
      clock = t;
      t.start();
    }

    /** Waits until the window's CPU has been read (the lanes may all end before its close). */
    void awaitClock() throws InterruptedException {
      Thread t = clock;
      if (t != null) {
        t.join(TimeUnit.SECONDS.toMillis(5));
      }
    }

    private static boolean sleepUntil(long nanoTime) {
      try {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
          TimeUnit.NANOSECONDS.sleep(left);
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /**
   * Closed loop: every charger keeps one request outstanding, mixing operations by its own
   * request count; latencies and throughput are counted only for requests sent after the
   * warm-up and answered before its end.
   */
  public LoadResult closedLoop(List<String> chargers, IntFunction<Operation> mix,
      Duration warmup, Duration measure) throws InterruptedException {
    Tally tally = new Tally(threads, meter);
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    tally.clockCpu(measureFrom, end);
    CountDownLatch finished = new CountDownLatch(chargers.size());
    long step = rampStep(chargers.size(), warmup.toNanos() / 2);
    for (int i = 0; i < chargers.size(); i++) {
      String id = chargers.get(i);
      int first = i;
      ramp.schedule(() -> loop(id, first, mix, tally, measureFrom, end, finished), i * step,
          TimeUnit.NANOSECONDS);
    }
    awaitAll(finished, end);
    tally.awaitClock();
    return tally.result(measure.toNanos() / 1e9);
  }

  private void loop(String id, int n, IntFunction<Operation> mix, Tally tally, long measureFrom,
      long end, CountDownLatch finished) {
    long sent = System.nanoTime();
    if (sent >= end) {
      finished.countDown();
      return;
    }
    Operation op = mix.apply(n);
    send(id, op).whenComplete((response, failure) -> {
      long now = System.nanoTime();
      boolean ok = check(op, response, failure, tally);
      if (ok && sent >= measureFrom && now <= end) {
        tally.answered.incrementAndGet();
        tally.latency.recordValue(Math.min(HIGHEST_MICROS, LoadResult.micros(now - sent)));
      }
      loop(id, n + 1, mix, tally, measureFrom, end, finished);
    });
  }

  /**
   * Open loop at {@code rate} requests per second, chargers taken in turn; latency is measured
   * from when a request should have been sent. At most {@code maxInFlight} are outstanding;
   * sends beyond that are skipped and counted.
   */
  public LoadResult openLoop(List<String> chargers, IntFunction<Operation> mix, double rate,
      Duration warmup, Duration measure, int maxInFlight) throws InterruptedException {
    Tally tally = new Tally(threads, meter);
    long interval = (long) (1e9 / rate);
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long end = measureFrom + measure.toNanos();
    tally.clockCpu(measureFrom, end);
    AtomicInteger inFlight = new AtomicInteger();
    for (long k = 0; ; k++) {
      long intended = start + k * interval;
      if (intended >= end) {
        break;
      }
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= maxInFlight) {
        tally.skipped.incrementAndGet();
        continue;
      }
      String id = chargers.get((int) (k % chargers.size()));
      Operation op = mix.apply((int) (k / chargers.size()));
      inFlight.incrementAndGet();
      send(id, op).whenComplete((response, failure) -> {
        long now = System.nanoTime();
        inFlight.decrementAndGet();
        if (check(op, response, failure, tally) && intended >= measureFrom) {
          tally.answered.incrementAndGet();
          tally.latency.recordValue(Math.min(HIGHEST_MICROS, LoadResult.micros(now - intended)));
        }
      });
    }
    long deadline = System.nanoTime() + requestTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    tally.awaitClock();
    return tally.result(measure.toNanos() / 1e9);
  }

  /**
   * Each charger sends {@code op} once, at most {@code concurrency} at a time; the result's
   * window is the time until the last answer (every answer counted).
   */
  public LoadResult eachOnce(List<String> chargers, Operation op, int concurrency,
      Duration deadline) throws InterruptedException {
    Tally tally = new Tally(threads, meter);
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicLong lastAnswer = new AtomicLong(start);
    int lanes = Math.min(concurrency, chargers.size());
    CountDownLatch finished = new CountDownLatch(lanes);
    tally.openWindow();
    long step = rampStep(lanes, TimeUnit.SECONDS.toNanos(1));
    for (int lane = 0; lane < lanes; lane++) {
      ramp.schedule(() -> once(chargers, op, next, tally, lastAnswer, finished), lane * step,
          TimeUnit.NANOSECONDS);
    }
    if (!finished.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("not every charger was answered within {} s", deadline.toSeconds());
    }
    tally.closeWindow();
    return tally.result((lastAnswer.get() - start) / 1e9);
  }

  private void once(List<String> chargers, Operation op, AtomicInteger next, Tally tally,
      AtomicLong lastAnswer, CountDownLatch finished) {
    int i = next.getAndIncrement();
    if (i >= chargers.size()) {
      finished.countDown();
      return;
    }
    long sent = System.nanoTime();
    send(chargers.get(i), op).whenComplete((response, failure) -> {
      long now = System.nanoTime();
      if (check(op, response, failure, tally)) {
        tally.answered.incrementAndGet();
        tally.latency.recordValue(Math.min(HIGHEST_MICROS, LoadResult.micros(now - sent)));
        lastAnswer.accumulateAndGet(now, Math::max);
      }
      once(chargers, op, next, tally, lastAnswer, finished);
    });
  }

  private java.util.concurrent.CompletableFuture<HttpResponse<String>> send(String id,
      Operation op) {
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(requestTimeout)
        .header("Content-Type", SoapEnvelopes.contentType(op))
        .POST(HttpRequest.BodyPublishers.ofString(envelopes.request(id, op, from)))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static boolean check(Operation op, HttpResponse<String> response, Throwable failure,
      Tally tally) {
    tally.answeredInRun.incrementAndGet();
    if (failure != null) {
      tally.answeredInRun.decrementAndGet();
      tally.fail(op.wireName() + ": " + failure);
      return false;
    }
    if (response.statusCode() != 200 || !SoapEnvelopes.isAnswer(op, response.body())) {
      tally.answeredInRun.decrementAndGet();
      String body = response.body() == null ? "" : response.body();
      tally.fail(op.wireName() + ": HTTP " + response.statusCode() + " "
          + body.substring(0, Math.min(900, body.length())));
      return false;
    }
    return true;
  }

  private void awaitAll(CountDownLatch finished, long end) throws InterruptedException {
    long waitNanos = end - System.nanoTime() + requestTimeout.toNanos()
        + TimeUnit.SECONDS.toNanos(5);
    if (!finished.await(Math.max(0, waitNanos), TimeUnit.NANOSECONDS)) {
      LOG.warn("{} charger(s) still waiting for an answer after the run", finished.getCount());
    }
  }

  @Override
  public void close() {
    // Java 17's HttpClient has no close(): its connections go with its executor and the GC
    ramp.shutdownNow();
    executor.shutdownNow();
  }
}
