package io.ocppbridge.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A last-resort deadline for many futures at once: a future still pending past its deadline is
 * failed with a {@link TimeoutException}. One periodic task on a shared timer checks them all, so
 * bounding a future costs one map entry and no timer task of its own.
 *
 * <p>Meant for waits that something else already times out precisely (the central-system link
 * fails every call at its call timeout), where this only guards against that never happening. A
 * future is failed between its deadline and one period after it. {@link CompletableFuture#orTimeout}
 * does the same with a task per future on the JDK's delay thread, which it schedules and cancels
 * under a lock and wakes whenever its queue runs empty: about 2 % of the bridge's CPU at a few
 * thousand requests per second.
 */
public final class DeadlineSweep implements AutoCloseable {

  private final Map<CompletableFuture<?>, Long> pending = new ConcurrentHashMap<>();
  private final LongAdder expired = new LongAdder();
  private final ScheduledFuture<?> task;

  /**
   * @param timer the shared timer the check runs on
   * @param every how often pending futures are checked (the most a deadline is overrun by)
   */
  public DeadlineSweep(ScheduledExecutorService timer, Duration every) {
    long period = every.toNanos();
    this.task = timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
  }

  /**
   * Fails {@code future} with a {@link TimeoutException} if it is still pending {@code timeout}
   * from now (checked once per period); returns the same future.
   */
  public <T> CompletableFuture<T> bound(CompletableFuture<T> future, Duration timeout) {
    if (future.isDone()) {
      return future;
    }
    pending.put(future, System.nanoTime() + timeout.toNanos());
    future.whenComplete((answer, failure) -> pending.remove(future));
    return future;
  }

  /** Futures bounded and not yet settled. */
  public int pending() {
    return pending.size();
  }

  /** Futures this sweep has failed since it started. */
  public long expired() {
    return expired.sum();
  }

  /** Fails the futures whose deadline has passed. */
  void sweep() {
    long now = System.nanoTime();
    pending.forEach((future, deadline) -> {
      if (now - deadline >= 0 && future.completeExceptionally(new TimeoutException())) {
        expired.increment();
      }
    });
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
