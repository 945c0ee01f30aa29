package io.ocppbridge.session;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The chargers this bridge has heard from: in memory for the running process, written behind to
 * the charger store (an embedded database by default) so that a restarted bridge knows them.
 */
public final class SessionRegistry {

  private final ConcurrentMap<ChargerId, ChargerSession> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final WriteBehindStore store;

  /** @param store where sessions are written behind; null for none */
  public SessionRegistry(Clock clock, WriteBehindStore store) {
    this.clock = clock;
    this.store = store;
  }

  /**
   * Records a request from a charger and returns its session, created on first contact. A charger
   * this process does not hold (not restored at start because it was silent for longer than the
   * look-back, or forgotten after its presence window) may still be in the registry: its stored
   * upgrade-profile state is taken over, so that its first write does not wipe it.
   */
  public ChargerSession observe(ChargerId id, OcppVersion version, SoapDialect dialect,
      String callbackAddress) {
    ChargerRecord stored = sessions.containsKey(id) || store == null
        ? null : store.latest(id.value()).orElse(null);
    return sessions.compute(id, (k, existing) -> {
      if (existing == null) {
        ChargerSession created =
            new ChargerSession(id, version, dialect, callbackAddress, clock.instant());
        if (stored != null) {
          created.profileState(stored.profileState());
          created.markAccepted(); // the registry holds only chargers once accepted
        }
        return created;
      }
      existing.refresh(version, dialect, callbackAddress, clock.instant());
      return existing;
    });
  }

  /**
   * Queues the session's current state for the store (never blocks on disk); nothing for a
   * charger the central system has not accepted yet (an invented identity leaves no row).
   */
  public void persist(ChargerSession session) {
    if (store != null && session.accepted()) {
      store.update(toRecord(session));
    }
  }

  /**
   * Rebuilds a session known from before a restart: version, SOAP dialect, callback address
   * (trusted: the policy passed it when it was recorded), heartbeat interval, last contact, and
   * the state of its upgrade profile.
   */
  public ChargerSession restore(ChargerRecord record) {
    ChargerId id = new ChargerId(record.identity());
    OcppVersion version = OcppVersion.ofLabel(record.ocppVersion()).orElse(OcppVersion.V1_5);
    ChargerSession session = new ChargerSession(id, version,
        new SoapDialect(record.soapVersion(), record.addressingNamespace()),
        record.callbackAddress(), record.lastSeen());
    session.heartbeatInterval(record.heartbeatIntervalSeconds());
    session.profileState(record.profileState());
    session.markAccepted();
    if (record.callbackAddress() != null) {
      session.restoreCallback(new CallbackDecision.Allowed(URI.create(record.callbackAddress()),
          record.callbackAddress(), source(record.callbackSource()), false));
    }
    sessions.put(id, session);
    return session;
  }

  /** The persistent registry's health; empty when sessions are kept in memory only. */
  public Optional<WriteBehindStore.Health> registryHealth() {
    return store == null ? Optional.empty() : Optional.of(store.health());
  }

  /** True when the charger is held now or recorded in the registry. */
  public boolean isKnown(ChargerId id) {
    return sessions.containsKey(id) || (store != null && store.latest(id.value()).isPresent());
  }

  /**
   * Drops the session of a charger from memory: one the central system never accepted, or one
   * another bridge node serves now (if it comes back, its session is rebuilt from the registry,
   * with what that node recorded, not from what this node knew before).
   */
  public void forget(ChargerId id) {
    sessions.remove(id);
  }

  public Optional<ChargerSession> find(ChargerId id) {
    return Optional.ofNullable(sessions.get(id));
  }

  public Collection<ChargerSession> all() {
    return List.copyOf(sessions.values());
  }

  private static ChargerRecord toRecord(ChargerSession s) {
    String callback = null;
    String source = null;
    if (s.callback() instanceof CallbackDecision.Allowed a) {
      callback = a.target().toString();
      source = a.source().name();
    }
    return new ChargerRecord(s.id().value(), s.version().label(), s.dialect().soapVersion(),
        s.dialect().addressingNamespace(), callback, source, s.backendSubprotocol(), null,
        s.lastSeen(), s.heartbeatInterval(), s.profileState());
  }

  private static CallbackDecision.Source source(String name) {
    try {
      return name == null ? CallbackDecision.Source.FROM : CallbackDecision.Source.valueOf(name);
    } catch (IllegalArgumentException e) {
      return CallbackDecision.Source.FROM;
    }
  }
}
