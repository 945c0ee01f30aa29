package io.ocppbridge.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ocppbridge.core.ChargerId;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Decides when a charger is offline: silent for longer than its presence window, which is
 * {@code sessions.presenceFactor} times its heartbeat interval (learned from its BootNotification
 * answer), never less than {@code sessions.presenceFloor}. Expiry is Caffeine's, driven by the
 * shared scheduler: no thread per charger.
 *
 * <p>Every request of a charger passes here, so a request costs a map lookup, not a cache write:
 * a charger's deadline is moved only when it was last moved at least one step ago (a sixteenth
 * of its window, at most one second), and each deadline is set one step beyond the window. So a
 * charger is offline no earlier than its window after its last request, and at most one step
 * later. Asking whether a charger is present never moves its deadline.
 */
public final class PresenceTracker {

  /** The longest step by which a deadline may be left unmoved (and lies beyond the window). */
  static final Duration MAX_STEP = Duration.ofSeconds(1);

  private final Cache<ChargerId, Duration> present;
  private final Policy.VarExpiration<ChargerId, Duration> deadlines;
  private volatile ScaledWindow lastScaled;
  private final double factor;
  private final Duration floor;
  private final Duration unaccepted;

  /**
   * @param onOffline told, once, when a charger's window passes without a request
   */
  public PresenceTracker(double factor, Duration floor, ScheduledExecutorService timer,
      Consumer<ChargerId> onOffline) {
    this(factor, floor, floor, timer, onOffline);
  }

  /**
   * @param unaccepted the window of a charger the central system has not accepted yet
   *     ({@code sessions.unacceptedWindow})
   * @param onOffline told, once, when a charger's window passes without a request
   */
  public PresenceTracker(double factor, Duration floor, Duration unaccepted,
      ScheduledExecutorService timer, Consumer<ChargerId> onOffline) {
    this(factor, floor, unaccepted, Scheduler.forScheduledExecutorService(timer),
        Ticker.systemTicker(), ForkJoinPool.commonPool(), onOffline);
  }

  /**
   * With the clock and scheduler of a test, and where {@code onOffline} runs.
   *
   * <p>Caffeine's own upkeep runs on the thread that causes it (a write, a read, the scheduler),
   * which costs less than a task on another thread per write; only the offline handling, which
   * may close connections and write to the registry, is handed to {@code offlineRunner}.
   */
  PresenceTracker(double factor, Duration floor, Duration unaccepted, Scheduler scheduler,
      Ticker ticker, Executor offlineRunner, Consumer<ChargerId> onOffline) {
    this.factor = factor;
    this.floor = floor;
    this.unaccepted = unaccepted;
    this.present = Caffeine.newBuilder()
        .ticker(ticker)
        .executor(Runnable::run)
        .expireAfter(new Expiry<ChargerId, Duration>() {
          @Override
          public long expireAfterCreate(ChargerId id, Duration window, long now) {
            return beyond(window.toNanos());
          }

          @Override
          public long expireAfterUpdate(ChargerId id, Duration window, long now, long left) {
            return beyond(window.toNanos());
          }

          @Override
          public long expireAfterRead(ChargerId id, Duration window, long now, long left) {
            return left;
          }
        })
        .scheduler(scheduler)
        .removalListener((ChargerId id, Duration window, RemovalCause cause) -> {
          if (cause == RemovalCause.EXPIRED && id != null) {
            offlineRunner.execute(() -> onOffline.accept(id));
          }
        })
        .build();
    this.deadlines = present.policy().expireVariably().orElseThrow();
  }

  /** The charger was heard from; {@code heartbeatInterval} may be null when not known. */
  public void seen(ChargerId id, Integer heartbeatIntervalSeconds) {
    heard(id, window(heartbeatIntervalSeconds));
  }

  /**
   * The charger was heard from; one the central system has not accepted yet is present for the
   * short {@code sessions.unacceptedWindow} only.
   */
  public void seen(ChargerId id, Integer heartbeatIntervalSeconds, boolean accepted) {
    heard(id, accepted ? window(heartbeatIntervalSeconds) : unaccepted);
  }

  /**
   * Sets the deadline to {@code window} plus one step from now, unless it already lies between
   * {@code window} and that: then it was set less than a step ago with this window, and stays.
   * A shorter window than the deadline's (a charger no longer accepted, a shorter heartbeat)
   * always moves it.
   */
  private void heard(ChargerId id, Duration window) {
    long windowNanos = window.toNanos();
    long step = step(windowNanos);
    OptionalLong left = deadlines.getExpiresAfter(id, TimeUnit.NANOSECONDS);
    if (left.isPresent() && left.getAsLong() > windowNanos
        && left.getAsLong() <= windowNanos + step) {
      return;
    }
    // the same window instance as before when it did not change: Caffeine then has no
    // replacement to tell the removal listener about (a task on the common pool per write)
    present.put(id, window);
  }

  /** The step of a window: a sixteenth of it, at most {@link #MAX_STEP}. */
  static long step(long windowNanos) {
    return Math.min(MAX_STEP.toNanos(), windowNanos / 16);
  }

  /** A deadline set now for this window lies one step beyond it. */
  private static long beyond(long windowNanos) {
    return windowNanos + step(windowNanos);
  }

  /** Chargers present now (each holds its WebSocket to the central system). */
  public int count() {
    return (int) Math.min(Integer.MAX_VALUE, present.estimatedSize());
  }

  /**
   * A charger known from before a restart, last heard from {@code silentFor} ago: present for
   * the rest of its window. Returns false (and tracks nothing) when that window has passed.
   */
  public boolean restore(ChargerId id, Integer heartbeatIntervalSeconds, Duration silentFor) {
    Duration left = window(heartbeatIntervalSeconds).minus(silentFor);
    if (left.isNegative() || left.isZero()) {
      return false;
    }
    present.put(id, left);
    return true;
  }

  /** The window of a charger with this heartbeat interval (null: unknown, the floor). */
  public Duration window(Integer heartbeatIntervalSeconds) {
    if (heartbeatIntervalSeconds == null || heartbeatIntervalSeconds <= 0) {
      return floor;
    }
    ScaledWindow last = lastScaled;
    if (last != null && last.heartbeatSeconds == heartbeatIntervalSeconds) {
      return last.window;
    }
    Duration scaled = Duration.ofMillis((long) (heartbeatIntervalSeconds * 1000L * factor));
    Duration window = scaled.compareTo(floor) > 0 ? scaled : floor;
    lastScaled = new ScaledWindow(heartbeatIntervalSeconds, window);
    return window;
  }

  /**
   * The window of the heartbeat interval asked for last. Most networks give all their chargers
   * one interval, so this keeps {@link #window} from making a new instance per request.
   */
  private record ScaledWindow(int heartbeatSeconds, Duration window) {}

  /** True while the charger's window has not passed; asking does not move its deadline. */
  public boolean isPresent(ChargerId id) {
    return present.asMap().containsKey(id);
  }

  /** Settles pending expiries now (tests; Caffeine does it on its own otherwise). */
  void settle() {
    present.cleanUp();
  }

  /** Forgets a charger without telling anyone (the bridge is stopping). */
  public void forget(ChargerId id) {
    present.invalidate(id);
  }
}
