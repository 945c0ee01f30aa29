package io.ocppbridge.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.ocppbridge.core.ChargerId;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Decides when a charger is offline: silent for longer than its presence window, which is
 * {@code sessions.presenceFactor} times its heartbeat interval (learned from its BootNotification
 * answer), never less than {@code sessions.presenceFloor}. Expiry is Caffeine's, driven by the
 * shared scheduler: no thread per charger.
 */
public final class PresenceTracker {

  private final Cache<ChargerId, Duration> present;
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
    this.factor = factor;
    this.floor = floor;
    this.unaccepted = unaccepted;
    this.present = Caffeine.newBuilder()
        .expireAfter(new Expiry<ChargerId, Duration>() {
          @Override
          public long expireAfterCreate(ChargerId id, Duration window, long now) {
            return window.toNanos();
          }

          @Override
          public long expireAfterUpdate(ChargerId id, Duration window, long now, long left) {
            return window.toNanos();
          }

          @Override
          public long expireAfterRead(ChargerId id, Duration window, long now, long left) {
            return left;
          }
        })
        .scheduler(Scheduler.forScheduledExecutorService(timer))
        .removalListener((ChargerId id, Duration window, RemovalCause cause) -> {
          if (cause == RemovalCause.EXPIRED && id != null) {
            onOffline.accept(id);
          }
        })
        .build();
  }

  /** The charger was heard from; {@code heartbeatInterval} may be null when not known. */
  public void seen(ChargerId id, Integer heartbeatIntervalSeconds) {
    present.put(id, window(heartbeatIntervalSeconds));
  }

  /**
   * The charger was heard from; one the central system has not accepted yet is present for the
   * short {@code sessions.unacceptedWindow} only.
   */
  public void seen(ChargerId id, Integer heartbeatIntervalSeconds, boolean accepted) {
    present.put(id, accepted ? window(heartbeatIntervalSeconds) : unaccepted);
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
    Duration scaled = Duration.ofMillis((long) (heartbeatIntervalSeconds * 1000L * factor));
    return scaled.compareTo(floor) > 0 ? scaled : floor;
  }

  public boolean isPresent(ChargerId id) {
    return present.getIfPresent(id) != null;
  }

  /** Forgets a charger without telling anyone (the bridge is stopping). */
  public void forget(ChargerId id) {
    present.invalidate(id);
  }
}
