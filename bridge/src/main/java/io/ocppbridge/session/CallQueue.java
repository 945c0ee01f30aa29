package io.ocppbridge.session;

import io.ocppbridge.core.Failures;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the calls of one charger one at a time, in arrival order. Each call has one deadline
 * covering its wait in the queue and its time on the wire; when it passes, the caller gets the
 * timeout error and the queue moves on. No thread waits: the deadline is a scheduled task.
 */
public final class CallQueue {

  private final int maxWaiting;
  private final ScheduledExecutorService timer;
  private final ArrayDeque<Entry<?>> waiting = new ArrayDeque<>();
  private boolean busy;

  /**
   * @param maxWaiting calls that may wait behind the running one before new ones are refused
   * @param timer the shared scheduler for deadlines
   */
  public CallQueue(int maxWaiting, ScheduledExecutorService timer) {
    this.maxWaiting = maxWaiting;
    this.timer = timer;
  }

  /**
   * Queues {@code work}, which is given the time left until the deadline when it starts.
   *
   * @param timeout the whole time the caller may wait
   * @param timeoutError what the caller gets when the deadline passes
   */
  public <T> CompletableFuture<T> submit(Function<Duration, CompletableFuture<T>> work,
      Duration timeout, Supplier<OcppException> timeoutError) {
    Entry<T> entry = new Entry<>(work, System.nanoTime() + timeout.toNanos(), timeoutError);
    boolean runNow;
    synchronized (this) {
      if (busy && waiting.size() >= maxWaiting) {
        return CompletableFuture.failedFuture(new OcppException(OcppErrorCode.INTERNAL_ERROR,
            "too many calls waiting for the central system (" + maxWaiting
                + " queued behind the outstanding one)"));
      }
      runNow = !busy;
      if (runNow) {
        busy = true;
      } else {
        waiting.add(entry);
      }
    }
    ScheduledFuture<?> deadline =
        timer.schedule(entry::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    entry.result.whenComplete((r, e) -> deadline.cancel(false));
    if (runNow) {
      entry.start();
    }
    return entry.result;
  }

  /** True while a call is outstanding. */
  public synchronized boolean isBusy() {
    return busy;
  }

  /** Calls waiting behind the outstanding one. */
  public synchronized int waitingCount() {
    return waiting.size();
  }

  private void next() {
    Entry<?> nextEntry;
    synchronized (this) {
      do {
        nextEntry = waiting.poll();
      } while (nextEntry != null && nextEntry.result.isDone());
      if (nextEntry == null) {
        busy = false;
        return;
      }
    }
    nextEntry.start();
  }

  private final class Entry<T> {
    final Function<Duration, CompletableFuture<T>> work;
    final long deadlineNanos;
    final Supplier<OcppException> timeoutError;
    final CompletableFuture<T> result = new CompletableFuture<>();
    volatile CompletableFuture<T> running;

    Entry(Function<Duration, CompletableFuture<T>> work, long deadlineNanos,
        Supplier<OcppException> timeoutError) {
      this.work = work;
      this.deadlineNanos = deadlineNanos;
      this.timeoutError = timeoutError;
    }

    /** Runs the work; whatever happens, the queue moves on once the result is settled. */
    void start() {
      result.whenComplete((r, e) -> next());
      if (result.isDone()) {
        return;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        result.completeExceptionally(timeoutError.get());
        return;
      }
      CompletableFuture<T> f;
      try {
        f = work.apply(Duration.ofNanos(left));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      running = f;
      f.whenComplete((r, e) -> {
        if (e != null) {
          result.completeExceptionally(Failures.cause(e));
        } else {
          result.complete(r);
        }
      });
    }

    void expire() {
      if (result.completeExceptionally(timeoutError.get())) {
        synchronized (CallQueue.this) {
          waiting.remove(this);
        }
        CompletableFuture<T> f = running;
        if (f != null) {
          f.cancel(false);
        }
      }
    }
  }
}
