package io.ocppbridge.ws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The global bound on WebSocket handshakes toward the central system ({@code csms.handshakeRate}):
 * a token bucket holding one second's worth, in which each handshake reserves the next free
 * slot and waits for it on the timer. Thousands of chargers reconnecting at once thus reach the
 * central system at the configured rate, never in one burst; no thread waits.
 */
final class HandshakePacer {

  private final long intervalNanos;
  private final long burstNanos;
  private final ScheduledExecutorService timer;
  private final LongSupplier nanoClock;
  private final AtomicInteger waiting = new AtomicInteger();
  /** The theoretical arrival time of the next handshake (GCRA). */
  private long next;
  private boolean started;

  HandshakePacer(double perSecond, ScheduledExecutorService timer) {
    this(perSecond, timer, System::nanoTime);
  }

  HandshakePacer(double perSecond, ScheduledExecutorService timer, LongSupplier nanoClock) {
    this.intervalNanos = Math.max(1, (long) (1e9 / perSecond));
    this.burstNanos = (long) ((Math.max(1.0, perSecond) - 1) * intervalNanos);
    this.timer = timer;
    this.nanoClock = nanoClock;
  }

  /** How long the handshake asked for now has to wait, in nanoseconds; reserves its slot. */
  synchronized long reserve() {
    long now = nanoClock.getAsLong();
    if (!started || next - now < 0) {
      next = now;
      started = true;
    }
    long start = Math.max(now, next - burstNanos);
    next += intervalNanos;
    return start - now;
  }

  /** Runs {@code handshake} in its slot; the future is the handshake's. */
  <T> CompletableFuture<T> paced(Supplier<CompletableFuture<T>> handshake) {
    long wait = reserve();
    if (wait <= 0) {
      return handshake.get();
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    waiting.incrementAndGet();
    timer.schedule(() -> {
      waiting.decrementAndGet();
      try {
        handshake.get().whenComplete((value, failure) -> {
          if (failure == null) {
            result.complete(value);
          } else {
            result.completeExceptionally(failure);
          }
        });
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }, wait, TimeUnit.NANOSECONDS);
    return result;
  }

  /** Handshakes waiting for their slot now. */
  int waiting() {
    return waiting.get();
  }
}
