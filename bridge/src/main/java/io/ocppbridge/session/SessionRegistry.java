package io.ocppbridge.session;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The chargers this bridge has heard from, in memory. (Persistence across restarts and presence
 * expiry come with the sessions work; this registry is the seam they will fill.)
 */
public final class SessionRegistry {

  private final ConcurrentMap<ChargerId, ChargerSession> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public SessionRegistry(Clock clock) {
    this.clock = clock;
  }

  /** Records a request from a charger and returns its session, created on first contact. */
  public ChargerSession observe(ChargerId id, OcppVersion version, SoapDialect dialect,
      String callbackAddress) {
    return sessions.compute(id, (k, existing) -> {
      if (existing == null) {
        return new ChargerSession(id, version, dialect, callbackAddress, clock.instant());
      }
      existing.refresh(version, dialect, callbackAddress, clock.instant());
      return existing;
    });
  }

  public Optional<ChargerSession> find(ChargerId id) {
    return Optional.ofNullable(sessions.get(id));
  }

  public Collection<ChargerSession> all() {
    return List.copyOf(sessions.values());
  }
}
