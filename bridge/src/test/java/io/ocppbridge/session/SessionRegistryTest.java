package io.ocppbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of {@link SessionRegistry} over a real embedded registry: a charger that this process
 * does not hold, but the registry knows, keeps its stored upgrade-profile state on first contact.
 */
class SessionRegistryTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String STATE = "{\"connectors\":{\"1\":\"Charging\"}}";

  @TempDir
  Path dir;

  /**
   * Verifies that a charger silent for longer than the restart look-back (so not restored) gets
   * its stored profile state back on its first request, and that the next write keeps it.
   */
  @Test
  void firstContactTakesOverTheStoredProfileState() {
    String url = JdbcChargerStore.h2FileUrl(dir.resolve("registry"));
    // GIVEN the registry holds a charger with upgrade-profile state, last seen long ago
    try (WriteBehindStore before = new WriteBehindStore(JdbcChargerStore.open(url))) {
      before.update(new ChargerRecord("CB-OLD", "1.5", "1.2", null, null, null, "ocpp1.6", null,
          T0.minus(Duration.ofDays(40)), 300, STATE));
    }
    try (WriteBehindStore store = new WriteBehindStore(JdbcChargerStore.open(url))) {
      SessionRegistry registry = new SessionRegistry(Clock.fixed(T0, ZoneOffset.UTC), store);
      // WHEN the charger writes again to a process that did not restore it
      ChargerSession session = registry.observe(new ChargerId("CB-OLD"), OcppVersion.V1_5,
          new SoapDialect("1.2", null), "http://10.0.0.7:8080/");
      registry.persist(session);
      store.flush();
      // THEN its state is the stored one, in memory and still in the registry after the write
      assertThat(session.profileState()).isEqualTo(STATE);
      assertThat(store.store().find("CB-OLD").orElseThrow().profileState()).isEqualTo(STATE);
      assertThat(store.store().find("CB-OLD").orElseThrow().lastSeen()).isEqualTo(T0);
    }
  }

  /** Verifies that a charger the registry has never seen starts without profile state. */
  @Test
  void aNewChargerStartsWithoutProfileState() {
    String url = JdbcChargerStore.h2FileUrl(dir.resolve("registry"));
    try (WriteBehindStore store = new WriteBehindStore(JdbcChargerStore.open(url))) {
      SessionRegistry registry = new SessionRegistry(Clock.fixed(T0, ZoneOffset.UTC), store);
      ChargerSession session = registry.observe(new ChargerId("CB-NEW"), OcppVersion.V1_5,
          new SoapDialect("1.2", null), null);
      assertThat(session.profileState()).isNull();
    }
  }
}
