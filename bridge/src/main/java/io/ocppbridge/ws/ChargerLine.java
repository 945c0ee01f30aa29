package io.ocppbridge.ws;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.Durations;
import io.ocppbridge.core.Failures;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.session.CallQueue;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One charger's WebSocket to the central system, kept open while the charger is present: opened
 * on demand, reopened after a loss or a failed attempt with {@link Backoff}, closed when the
 * charger goes offline or the bridge stops. Calls wait for the connection through {@link #ready}
 * (within their own timeout); a refusal by the central system fails them at once.
 *
 * <p>The backoff starts again from its floor only once a connection has proven itself (stayed
 * open {@code csms.provenAfter}, or carried an answer): a central system that accepts and closes
 * at once is retried with growing delays, not once a second. A refused handshake (HTTP status,
 * subprotocol, credentials, TLS) is not retried in the background: the charger's next request
 * retries it, and not before the backoff's delay has passed. A BootNotification answered
 * {@code Rejected} is treated alike ({@link #bootAnswered}): the answer does not prove the
 * connection, and once the central system closes it the charger gets no new handshake before the
 * answer's interval (at least the backoff's delay, at most {@code csms.reconnectCeiling}). Both
 * are logged once per charger until the central system takes it, and counted.
 */
final class ChargerLine {

  private static final Logger LOG = LoggerFactory.getLogger(ChargerLine.class);

  final CallQueue queue;
  private final Function<ChargerContext, CompletableFuture<CsmsConnection>> connector;
  private final Backoff backoff;
  private final ScheduledExecutorService timer;
  private final LinkStats stats;
  private final Duration provenAfter;

  private ChargerContext charger;
  private boolean wanted;
  private CsmsConnection open;
  private CompletableFuture<CsmsConnection> ready = new CompletableFuture<>();
  private CompletableFuture<CsmsConnection> attempt;
  private ScheduledFuture<?> retry;
  private int failures;
  private String lastFailure;
  private boolean everOpen;
  private Duration pingOverride;
  /** The last attempt's refusal by the central system, until {@link #refusedUntil}, else null. */
  private CsmsUnavailable refusal;
  private long refusedUntil;
  /** True once the open connection has proven itself (the backoff then starts afresh). */
  private boolean proven;
  private ScheduledFuture<?> provenCheck;
  private boolean unprovenReported;
  /** The refusal of the current streak was logged (once per streak, not per attempt). */
  private boolean refusalReported;
  /** BootNotifications the central system answered Rejected in a row. */
  private int rejections;

  ChargerLine(CallQueue queue, Function<ChargerContext, CompletableFuture<CsmsConnection>> connector,
      Backoff backoff, ScheduledExecutorService timer, LinkStats stats, Duration provenAfter) {
    this.stats = stats;
    this.provenAfter = provenAfter;
    this.queue = queue;
    this.connector = connector;
    this.backoff = backoff;
    this.timer = timer;
  }

  /** The open connection, or a future of the next one; keeps the line wanted. */
  synchronized CompletableFuture<CsmsConnection> connection(ChargerContext current) {
    wanted = true;
    if (open != null && open.isOpen()
        && !open.charger().subprotocol().equals(current.subprotocol())) {
      LOG.info("[{}] now speaks {}; reconnecting with {}", current.id(), current.version(),
          current.subprotocol());
      CsmsConnection old = open;
      open = null;
      ready = new CompletableFuture<>();
      old.close(WebSocketCloseStatus.NORMAL_CLOSURE);
    }
    charger = current;
    if (open != null && open.isOpen()) {
      return CompletableFuture.completedFuture(open);
    }
    if (attempt == null && refusal != null && System.nanoTime() - refusedUntil < 0) {
      // The central system refused this charger: trying again before the backoff's delay
      // cannot help and would let a chatty charger drive a tight loop of refused handshakes.
      return CompletableFuture.failedFuture(refusal);
    }
    // Taken before the attempt: an attempt that has already ended when connectNow() registers
    // its callback settles this future and replaces it inline, on this thread; returning the
    // replacement would leave the request waiting for its whole timeout.
    CompletableFuture<CsmsConnection> waiting = ready;
    if (attempt == null) {
      // A charger's request is worth an attempt now: a retry scheduled far out by the backoff
      // (up to the ceiling) would otherwise outlast the request's own timeout although the
      // central system may be back. One attempt at a time per charger still holds.
      if (retry != null) {
        retry.cancel(false);
        retry = null;
      }
      connectNow();
    }
    return waiting;
  }

  /** Opens the connection now (a charger known from before a restart, or a new request). */
  synchronized void open(ChargerContext current) {
    connection(current);
  }

  /**
   * Closes the connection and stops reconnecting, until the next {@link #connection}; the future
   * completes once the connection is closed (at once when none was open).
   */
  synchronized CompletableFuture<Void> release(WebSocketCloseStatus status, String why) {
    wanted = false;
    if (retry != null) {
      retry.cancel(false);
      retry = null;
    }
    CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);
    if (open != null) {
      LOG.info("[{}] closing the connection to the central system: {}", charger.id(), why);
      CsmsConnection old = open;
      open = null;
      closed = old.close(status);
    }
    ready.completeExceptionally(OcppException.backendUnavailable(
        "the connection to the central system was closed: " + why, null));
    ready = new CompletableFuture<>();
    return closed;
  }

  /** The ping interval of this charger's connections from now on (the open one included). */
  synchronized void pingInterval(Duration interval) {
    pingOverride = interval;
    if (open != null && open.isOpen()) {
      open.pingInterval(interval);
    }
  }

  /** The ping interval set for this charger, or null when it follows the configuration. */
  synchronized Duration pingInterval() {
    return pingOverride;
  }

  synchronized boolean isConnected() {
    return open != null && open.isOpen();
  }

  /** Why calls cannot be delivered now, for a call that timed out waiting. */
  synchronized String unavailableReason(Duration waited) {
    return "the central system is unreachable: no connection within " + Durations.text(waited)
        + (lastFailure == null ? "" : " (last attempt: " + lastFailure + ")");
  }

  private void connectNow() {
    retry = null;
    CompletableFuture<CsmsConnection> thisAttempt = connector.apply(charger);
    attempt = thisAttempt;
    thisAttempt.whenComplete((conn, failure) -> onAttempt(thisAttempt, conn, failure));
  }

  private synchronized void onAttempt(CompletableFuture<CsmsConnection> which,
      CsmsConnection conn, Throwable failure) {
    if (which != attempt) {
      return;
    }
    attempt = null;
    if (failure == null) {
      if (!wanted) {
        conn.close(WebSocketCloseStatus.NORMAL_CLOSURE);
        return;
      }
      if (failures > 0) {
        LOG.info("[{}] reconnected to the central system after {} failed attempt(s)",
            charger.id(), failures);
      }
      if (everOpen) {
        stats.reconnected();
      }
      everOpen = true;
      lastFailure = null;
      refusal = null;
      refusalReported = false;
      open = conn;
      proven = false;
      // the failures are forgotten only once this connection proves itself
      provenCheck = timer.schedule(() -> onProven(conn), provenAfter.toMillis(),
          TimeUnit.MILLISECONDS);
      conn.whenAnswered(() -> onProven(conn));
      if (pingOverride != null) {
        conn.pingInterval(pingOverride);
      }
      conn.whenClosed(() -> onClosed(conn));
      ready.complete(conn);
      return;
    }
    failures++;
    stats.attemptFailed();
    Throwable cause = Failures.cause(failure);
    lastFailure = cause instanceof OcppException o ? o.description() : "connection failed";
    if (cause instanceof CsmsUnavailable u && u.refused()) {
      // Nobody may be asking for this charger any more: no retry in the background; the next
      // request of the charger tries again once the backoff's delay has passed.
      refusal = u;
      Duration delay = backoff.delay(failures);
      refusedUntil = System.nanoTime() + delay.toNanos();
      ready.completeExceptionally(u);
      ready = new CompletableFuture<>();
      stats.refused();
      if (!refusalReported) {
        refusalReported = true;
        LOG.warn("[{}] the central system refused the connection: {}; not retried before the"
            + " charger's next request after {} (growing per refusal up to {}); said once,"
            + " further refusals are counted in bridge_csms_refused_handshakes_total",
            charger.id(), u.description(), Durations.text(delay),
            Durations.text(backoff.ceiling()));
      }
      return;
    }
    refusal = null;
    scheduleRetry();
  }

  /**
   * The central system answered this charger's BootNotification: {@code accepted} false for
   * {@code Rejected}, with the interval it asked the charger to wait (null when it named none).
   * A rejection counts as a failure of the connection (it does not prove it), and until its delay
   * has passed no handshake is made for this charger, neither in the background nor for a request.
   */
  synchronized void bootAnswered(boolean accepted, Duration interval) {
    if (accepted) {
      if (rejections > 0) {
        LOG.info("[{}] the central system accepted the BootNotification after {} rejection(s)",
            charger.id(), rejections);
        refusal = null;
      }
      rejections = 0;
      return;
    }
    rejections++;
    stats.bootRejected();
    proven = false;
    if (provenCheck != null) {
      provenCheck.cancel(false);
      provenCheck = null;
    }
    Duration delay = backoff.delay(rejections);
    if (interval != null && interval.compareTo(delay) > 0) {
      delay = interval.compareTo(backoff.ceiling()) > 0 ? backoff.ceiling() : interval;
    }
    refusal = new CsmsUnavailable("the central system rejected this charger's BootNotification;"
        + " no new connection before " + Durations.text(delay) + " have passed", true, null);
    refusedUntil = System.nanoTime() + delay.toNanos();
    lastFailure = refusal.description();
    if (rejections == 1) {
      LOG.warn("[{}] the central system rejected the BootNotification (interval {}); no new"
          + " connection for this charger before {} (growing per rejection up to {}); said once,"
          + " further rejections are counted in bridge_csms_rejected_boots_total", charger.id(),
          interval == null ? "none" : Durations.text(interval), Durations.text(delay),
          Durations.text(backoff.ceiling()));
    }
  }

  /** The connection stayed open long enough, or carried an answer: the backoff starts afresh. */
  private synchronized void onProven(CsmsConnection conn) {
    if (conn != open || proven || !conn.isOpen() || rejectedNow()) {
      return;
    }
    proven = true;
    failures = 0;
    unprovenReported = false;
    if (provenCheck != null) {
      provenCheck.cancel(false);
      provenCheck = null;
    }
  }

  private synchronized void onClosed(CsmsConnection conn) {
    if (conn != open) {
      return;
    }
    open = null;
    ready = new CompletableFuture<>();
    if (provenCheck != null) {
      provenCheck.cancel(false);
      provenCheck = null;
    }
    if (proven && !conn.isClosing()) {
      LOG.warn("[{}] connection to the central system closed{}", charger.id(),
          wanted && !rejectedNow() ? "; reconnecting" : "");
    }
    if (!proven) {
      failures++;
      lastFailure = "the central system closed the connection before it proved itself";
      stats.unproven();
      if (!unprovenReported && wanted && !conn.isClosing() && !rejectedNow()) {
        unprovenReported = true;
        LOG.warn("[{}] the central system closed the connection before it proved itself (open"
            + " less than {}, no answer); reconnecting with growing delays", charger.id(),
            Durations.text(provenAfter));
      }
    }
    if (wanted && !conn.isClosing() && !rejectedNow()) {
      // a rejected charger is not reopened in the background: its next request tries again
      scheduleRetry();
    }
  }

  /** True while a BootNotification rejection holds new connections of this charger back. */
  private boolean rejectedNow() {
    return rejections > 0 && refusal != null && System.nanoTime() - refusedUntil < 0;
  }

  private void scheduleRetry() {
    if (!wanted || retry != null) {
      return;
    }
    Duration delay = backoff.delay(Math.max(failures, 1));
    LOG.debug("[{}] next connection attempt in {}", charger.id(), Durations.text(delay));
    retry = timer.schedule(() -> {
      synchronized (ChargerLine.this) {
        if (wanted && open == null && attempt == null) {
          connectNow();
        } else {
          retry = null;
        }
      }
    }, delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
