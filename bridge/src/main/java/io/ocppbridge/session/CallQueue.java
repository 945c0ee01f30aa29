package io.ocppbridge.session;

import io.ocppbridge.core.Failures;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the calls of one charger one at a time, in arrival order. Each call has one deadline
 * covering its wait in the queue and its time on the wire; when it passes, the caller gets the
 * timeout error and the queue moves on. No thread waits.
 *
 * <p>The deadlines share one alarm per queue, set for the earliest deadline of an unsettled
 * call: a call that is answered leaves the alarm as it is (no task to cancel per call), and when
 * the alarm rings it fails the calls whose deadline has passed and is set again for the next one,
 * if any. Calls usually share one timeout, so their deadlines come in arrival order and the alarm
 * rings about once per timeout while the charger is busy, not once per call; an idle queue keeps
 * at most one alarm, until it rings for nothing.
 */
public final class CallQueue {

  private final int maxWaiting;
  private final ScheduledExecutorService timer;
  private final ArrayDeque<Entry<?>> waiting = new ArrayDeque<>();
  private boolean busy;
  /** The call started last; unsettled while {@link #busy}. */
  private Entry<?> running;
  /** The pending alarm and when it rings (a {@link System#nanoTime} value), or null. */
  private ScheduledFuture<?> alarm;
  private long alarmAt;

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
        running = entry;
      } else {
        waiting.add(entry);
      }
      alarmFor(entry.deadlineNanos);
    }
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

  /** True while an alarm is set (for tests: at most one per queue, none once it rang idle). */
  synchronized boolean alarmSet() {
    return alarm != null;
  }

  private void next() {
    Entry<?> nextEntry;
    synchronized (this) {
      do {
        nextEntry = waiting.poll();
      } while (nextEntry != null && nextEntry.result.isDone());
      running = nextEntry;
      if (nextEntry == null) {
        busy = false;
        return;
      }
    }
    nextEntry.start();
  }

  /** Makes sure an alarm rings at {@code deadline} or before; caller holds the lock. */
  private void alarmFor(long deadline) {
    if (alarm != null && alarmAt - deadline <= 0) {
      return;
    }
    if (alarm != null) {
      alarm.cancel(false); // only when calls have different timeouts
    }
    alarmAt = deadline;
    alarm = timer.schedule(this::ring, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** Fails the calls whose deadline has passed; sets the alarm for the next deadline, if any. */
  private void ring() {
    List<Entry<?>> due = new ArrayList<>(1);
    synchronized (this) {
      alarm = null;
      long now = System.nanoTime();
      long nextDeadline = 0;
      boolean more = false;
      if (busy && running != null) {
        if (!running.result.isDone()) {
          if (running.deadlineNanos - now <= 0) {
            due.add(running);
          } else {
            nextDeadline = running.deadlineNanos;
            more = true;
          }
        }
      }
      for (Entry<?> e : waiting) {
        if (e.result.isDone()) {
          continue;
        }
        if (e.deadlineNanos - now <= 0) {
          due.add(e);
        } else if (!more || e.deadlineNanos - nextDeadline < 0) {
          nextDeadline = e.deadlineNanos;
          more = true;
        }
      }
      if (more) {
        alarmFor(nextDeadline);
      }
    }
    for (Entry<?> e : due) {
      e.expire();
    }
  }

  private final class Entry<T> {
    final Function<Duration, CompletableFuture<T>> work;
    final long deadlineNanos;
    final Supplier<OcppException> timeoutError;
    final CompletableFuture<T> result = new CompletableFuture<>();
    volatile CompletableFuture<T> started;

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
      started = f;
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
        CompletableFuture<T> f = started;
        if (f != null) {
          f.cancel(false);
        }
      }
    }
  }
}
