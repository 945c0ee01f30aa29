package io.ocppbridge.app;

import io.ocppbridge.access.NewChargerGate;
import io.ocppbridge.access.OpenFiles;
import io.ocppbridge.admin.BridgeMetrics;
import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsLink;
import io.ocppbridge.session.ChargerSession;
import io.ocppbridge.session.PresenceTracker;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.ws.NettyCsmsLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the bounds on sessions (docs/sessions-limits.md) between the session, access and
 * WebSocket parts: what the gate for new chargers reads, what happens to a charger that went
 * silent, the spreading of the reopening after a restart, and their metrics.
 */
final class SessionLimits {

  private static final Logger LOG = LoggerFactory.getLogger(SessionLimits.class);
  /** The slowest pace of the reopening after a restart, whatever the window. */
  static final int SLOWEST_RESTORE_PER_SECOND = 10;

  private SessionLimits() {}

  /** The chargers held, as {@link NewChargerGate} reads them: present ones hold a WebSocket. */
  static NewChargerGate.Held held(PresenceTracker presence, SessionRegistry sessions,
      ChargersConfig chargers) {
    return new NewChargerGate.Held() {
      @Override
      public boolean isPresent(String identity) {
        return id(identity).map(presence::isPresent).orElse(false);
      }

      @Override
      public int count() {
        return presence.count();
      }

      @Override
      public boolean isKnown(String identity) {
        return chargers.of(identity).isPresent()
            || id(identity).map(sessions::isKnown).orElse(false);
      }
    };
  }

  /**
   * A charger's presence window passed: its WebSocket is closed. One the central system never
   * accepted is forgotten altogether (it was never written to the registry either).
   */
  static void offline(ChargerId id, SessionRegistry sessions, NettyCsmsLink csms,
      CsmsLink<?> link) {
    Optional<ChargerSession> session = sessions.find(id);
    if (session.isPresent() && !session.get().accepted()) {
      LOG.info("[{}] forgotten: the central system never accepted it and it has been silent for"
          + " sessions.unacceptedWindow", id);
      csms.forget(id, "the charger was never accepted and went silent");
      link.release(id, "the charger was never accepted and went silent");
      sessions.forget(id);
      return;
    }
    LOG.info("[{}] offline: nothing heard for longer than its presence window", id);
    link.release(id, "the charger went silent");
  }

  /**
   * Opens the WebSockets of the chargers restored after a restart evenly over {@code window}
   * (the first at once), but at least {@value #SLOWEST_RESTORE_PER_SECOND} a second, so that a
   * few chargers are not held back for the whole window; each only if the charger is still
   * present when its turn comes (a charger's own request opens its WebSocket at once anyway).
   */
  static void spread(List<ChargerContext> chargers, Duration window,
      ScheduledExecutorService timer, PresenceTracker presence, CsmsLink<?> csms) {
    long step = chargers.size() <= 1 ? 0 : Math.min(window.toNanos() / chargers.size(),
        1_000_000_000L / SLOWEST_RESTORE_PER_SECOND);
    for (int i = 0; i < chargers.size(); i++) {
      ChargerContext charger = chargers.get(i);
      Runnable open = () -> {
        if (presence.isPresent(charger.id())) {
          csms.open(charger);
        }
      };
      if (i == 0 || step == 0) {
        open.run();
      } else {
        timer.schedule(open, i * step, TimeUnit.NANOSECONDS);
      }
    }
  }

  /** The metrics of these bounds. */
  static void watch(BridgeMetrics metrics, PresenceTracker presence, NettyCsmsLink csms,
      OpenFiles files) {
    metrics.gauge("bridge_chargers_held", "chargers present now, each holding its WebSocket"
        + " (bounded by sessions.maxChargers)", presence::count);
    metrics.gauge("bridge_open_files", "file descriptors open in the bridge's process"
        + " (-1: unknown)", files::open);
    metrics.gauge("bridge_open_files_limit", "the process's open-file limit (-1: unknown)",
        files::max);
    metrics.gauge("bridge_csms_lines", "chargers with a WebSocket to the central system open,"
        + " opening or waiting to reopen", csms::lineCount);
    metrics.gauge("bridge_csms_handshakes_waiting", "WebSocket handshakes waiting for their"
        + " slot under csms.handshakeRate", csms::pacedHandshakes);
    metrics.counter("bridge_csms_refused_handshakes", "WebSocket handshakes the central system"
        + " refused (HTTP status, subprotocol, credentials, TLS)", csms::refusedHandshakes);
    metrics.counter("bridge_csms_rejected_boots", "BootNotifications the central system answered"
        + " Rejected: that charger gets no new WebSocket before the answer's interval",
        csms::rejectedBoots);
    metrics.counter("bridge_csms_unproven_connections", "WebSockets closed before they proved"
        + " themselves (csms.provenAfter): the backoff kept growing", csms::unprovenConnections);
  }

  private static Optional<ChargerId> id(String identity) {
    try {
      return Optional.of(new ChargerId(identity));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
