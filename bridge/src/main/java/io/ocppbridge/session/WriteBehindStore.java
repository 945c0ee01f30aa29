package io.ocppbridge.session;

import io.ocppbridge.core.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps disk latency off request paths (issue "Persistent registry"): {@link #update} only puts
 * the record into a map of pending records, the newest per identity, and one daemon thread
 * writes all pending records every {@code flushInterval} in one {@link ChargerStore#saveAll}.
 *
 * <p><b>What a crash loses.</b> A {@code kill -9} loses the updates of at most the last flush
 * interval, plus the batch being written at that moment. A graceful stop calls {@link #close},
 * which writes everything still pending.
 *
 * <p><b>Memory.</b> The map holds at most one record per identity, so it never grows beyond the
 * number of chargers, which the session registry holds in memory anyway: a store that is down
 * for hours costs no more memory than one that is down for a second. Past {@code maxPending}
 * identities the next flush is brought forward (unless the store is failing, when flushes keep
 * to the interval) and one WARN says so; no update is dropped.
 *
 * <p><b>Failures.</b> A failed flush keeps its records pending (a newer update of one replaces
 * it as usual) and is retried with a backoff that doubles from the flush interval up to
 * {@link #LONGEST_RETRY}: a registry on a full disk is not hammered. A streak of failures is
 * logged as one WARN when it starts, a reminder at most every {@link #REMINDER_EVERY}, and one
 * INFO when writes succeed again; {@link #health()} tells the admin listener and the metrics;
 * nothing is thrown at callers of {@link #update}.
 */
public final class WriteBehindStore implements AutoCloseable {

  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_MAX_PENDING = 100_000;

  /** The longest wait between two attempts while the registry keeps failing. */
  public static final Duration LONGEST_RETRY = Duration.ofSeconds(60);
  /** How often a failure streak is logged again while it lasts. */
  public static final Duration REMINDER_EVERY = Duration.ofMinutes(5);

  /** How long {@link #close} waits for a flush in progress before its own, final one. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(WriteBehindStore.class);

  private final ChargerStore store;
  private final Duration flushInterval;
  private final int maxPending;
  private final ConcurrentMap<String, ChargerRecord> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;
  private final ReentrantLock flushLock = new ReentrantLock();
  private final AtomicBoolean earlyFlushQueued = new AtomicBoolean();
  private final AtomicBoolean overBoundReported = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Failed flushes in a row; written under flushLock, read by update(). */
  private volatile int failedFlushes;
  /** Failed flushes since the start, for the metrics. */
  private final java.util.concurrent.atomic.AtomicLong failedWrites =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile Instant failingSince;
  private volatile String lastError;
  /** nanoTime before which a scheduled flush is skipped while failing; under flushLock. */
  private long nextAttemptNanos;
  private long lastReminderNanos;

  /**
   * What the admin listener and the metrics show of the registry.
   *
   * @param failing whether the last write failed
   * @param pending records waiting to be written
   * @param failedWrites failed writes since the start
   * @param failingSince when the current streak of failures began; null when not failing
   * @param lastError the last failure's message; null when not failing
   */
  public record Health(boolean failing, int pending, long failedWrites, Instant failingSince,
      String lastError) {}

  /** Flushes every second, brought forward past 100,000 pending identities. */
  public WriteBehindStore(ChargerStore store) {
    this(store, DEFAULT_FLUSH_INTERVAL, DEFAULT_MAX_PENDING);
  }

  public WriteBehindStore(ChargerStore store, Duration flushInterval, int maxPending) {
    this.store = Objects.requireNonNull(store, "store");
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flush interval must be positive: " + flushInterval);
    }
    if (maxPending <= 0) {
      throw new IllegalArgumentException("maxPending must be positive: " + maxPending);
    }
    this.flushInterval = flushInterval;
    this.maxPending = maxPending;
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "charger-registry-writer");
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    this.flusher = executor;
    long millis = flushInterval.toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Records the charger's latest state for the next flush; returns at once, never touches the
   * store, never throws on a store failure. After {@link #close} the update is ignored.
   */
  public void update(ChargerRecord record) {
    if (closed.get()) {
      log.debug("Registry closed; update of charger {} not written", record.identity());
      return;
    }
    pending.put(record.identity(), record);
    int size = pending.size();
    if (size > maxPending && failedFlushes == 0 && earlyFlushQueued.compareAndSet(false, true)) {
      if (overBoundReported.compareAndSet(false, true)) {
        log.warn("{} chargers wait to be written to the registry, more than {}; flushing early",
            size, maxPending);
      }
      try {
        flusher.execute(this::flushQuietly);
      } catch (RejectedExecutionException closing) {
        earlyFlushQueued.set(false);
      }
    }
  }

  /**
   * Writes every pending record now, in one batch, on the calling thread (after any flush in
   * progress). Returns whether everything pending at the start was written; a failure is logged
   * as described in the class comment, not thrown.
   */
  public boolean flush() {
    flushLock.lock();
    try {
      return flushPending();
    } finally {
      flushLock.unlock();
    }
  }

  /** The registry as health checks and metrics show it. */
  public Health health() {
    boolean failing = failedFlushes > 0;
    return new Health(failing, pending.size(), failedWrites.get(),
        failing ? failingSince : null, failing ? lastError : null);
  }

  /** Records waiting for the next flush (for health and metrics). */
  public int pendingCount() {
    return pending.size();
  }

  /**
   * The newest known record of one charger: its pending update if there is one, otherwise what
   * the store holds. Empty when the charger is unknown or the store cannot be read (logged): a
   * charger that writes to us must not be refused because the registry is down.
   */
  public Optional<ChargerRecord> latest(String identity) {
    ChargerRecord queued = pending.get(identity);
    if (queued != null) {
      return Optional.of(queued);
    }
    try {
      return store.find(identity);
    } catch (ChargerStoreException e) {
      log.warn("Registry could not be read for charger {}; it continues without its stored state:"
          + " {}", identity, e.getMessage());
      return Optional.empty();
    }
  }

  /** The store written to, for reads (restart, admin); reads do not see pending updates. */
  public ChargerStore store() {
    return store;
  }

  /**
   * Stops the writer thread, writes what is pending (logging what could not be written), and
   * closes the store. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    flusher.shutdown();
    try {
      if (!flusher.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("A registry write still runs after {}; closing anyway",
            Durations.text(CLOSE_WAIT));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!flush()) {
      log.warn("{} charger records could not be written to the registry before closing",
          pending.size());
    }
    store.close();
  }

  private void flushQuietly() {
    earlyFlushQueued.set(false);
    try {
      flushLock.lock();
      try {
        if (failedFlushes > 0 && System.nanoTime() - nextAttemptNanos < 0) {
          return; // backing off from a failing registry
        }
        flushPending();
      } finally {
        flushLock.unlock();
      }
    } catch (RuntimeException e) {
      // a bug, not a store failure (flushPending catches those); keep the schedule alive
      log.error("Registry flush failed unexpectedly", e);
    }
  }

  private boolean flushPending() {
    if (pending.isEmpty()) {
      return true;
    }
    List<ChargerRecord> batch = new ArrayList<>(pending.values());
    try {
      store.saveAll(batch);
    } catch (RuntimeException e) {
      failedFlushes++;
      failedWrites.incrementAndGet();
      lastError = describe(e);
      long now = System.nanoTime();
      Duration wait = retryDelay(failedFlushes);
      nextAttemptNanos = now + wait.toNanos();
      if (failedFlushes == 1) {
        failingSince = Instant.now();
        lastReminderNanos = now;
        log.warn("Could not write {} charger records to the registry ({}); keeping them and"
            + " retrying, backing off up to {}", batch.size(), lastError,
            Durations.text(LONGEST_RETRY));
      } else if (now - lastReminderNanos >= REMINDER_EVERY.toNanos()) {
        lastReminderNanos = now;
        log.warn("The registry still cannot be written: {} charger records waiting, {} failed"
            + " attempts since {} ({})", pending.size(), failedFlushes, failingSince, lastError);
      }
      log.debug("Registry write failure {} in a row; next attempt in {}", failedFlushes,
          Durations.text(wait), e);
      return false;
    }
    for (ChargerRecord r : batch) {
      // only if no newer update came meanwhile; a newer one waits for the next flush
      pending.remove(r.identity(), r);
    }
    if (failedFlushes > 0) {
      log.info("Registry writes succeed again after {} failed attempts; wrote {} charger records",
          failedFlushes, batch.size());
      failedFlushes = 0;
    }
    if (pending.size() <= maxPending) {
      overBoundReported.set(false);
    }
    return true;
  }

  /** The flush interval doubled for each failure after the first, up to {@link #LONGEST_RETRY}. */
  private Duration retryDelay(int failures) {
    Duration delay = flushInterval;
    for (int i = 1; i < failures && delay.compareTo(LONGEST_RETRY) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
      text.append(": ").append(c.getMessage());
      e = c;
    }
    return text.toString();
  }
}
