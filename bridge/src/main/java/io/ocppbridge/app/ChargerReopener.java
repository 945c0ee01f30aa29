package io.ocppbridge.app;

import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.relay.ChargerProfiles;
import io.ocppbridge.session.ChargerRecord;
import io.ocppbridge.session.ChargerSession;
import io.ocppbridge.session.PresenceTracker;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.ws.NettyCsmsLink;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reopens a charger's WebSocket from its registry record, without waiting for a request: after
 * a restart, and in a cluster when this node takes over the chargers of a node that died. The
 * session is rebuilt from the record (callback address, SOAP dialect, upgrade-profile state);
 * the dialect toward the central system is the one configured now. No message is invented: the
 * central system sees a connection, nothing more.
 */
record ChargerReopener(SessionRegistry sessions, PresenceTracker presence, NettyCsmsLink csms,
    ChargerProfiles profiles) {

  /** Reopens the charger at once unless its presence window has passed; true when it did. */
  boolean reopen(ChargerRecord record, Instant now) {
    Optional<ChargerContext> charger = prepare(record, now);
    charger.ifPresent(csms::open);
    return charger.isPresent();
  }

  /**
   * Rebuilds the charger's session and presence from its record without opening its WebSocket
   * (the caller paces the opening); empty when its presence window has passed.
   */
  Optional<ChargerContext> prepare(ChargerRecord record, Instant now) {
    Duration silent = Duration.between(record.lastSeen(), now);
    ChargerId id = new ChargerId(record.identity());
    if (!presence.restore(id, record.heartbeatIntervalSeconds(), silent)) {
      return Optional.empty();
    }
    ChargerSession session = sessions.restore(record);
    session.protocol(profiles.protocol(session.id(), session.version()));
    return Optional.of(new ChargerContext(session.id(), session.version(), session.protocol()));
  }
}
