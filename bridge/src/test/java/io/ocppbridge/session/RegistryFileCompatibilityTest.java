package io.ocppbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry written by an earlier H2 still opens after the driver is upgraded: the fixture
 * {@code registry-h2-2.3.232/registry.mv.db} was written by {@link JdbcChargerStore} on H2
 * 2.3.232 (the version before the upgrade to 2.5.x), before the registry had versioned schemas,
 * with one charger, {@code CB-OLD}. Opening it also upgrades its tables (Flyway baseline, then
 * the later scripts).
 */
class RegistryFileCompatibilityTest {

  // Verifies that a registry file of H2 2.3.232 is read and written by the current driver.
  @Test
  void opensARegistryWrittenByH2Version2_3(@TempDir Path dir) throws Exception {
    // GIVEN a copy of the registry file an H2 2.3.232 bridge left behind
    Path file = dir.resolve("registry.mv.db");
    try (InputStream in = getClass().getResourceAsStream("/registry-h2-2.3.232/registry.mv.db")) {
      Files.copy(in, file);
    }

    // WHEN the current driver opens it
    try (JdbcChargerStore store =
        JdbcChargerStore.open(JdbcChargerStore.h2FileUrl(dir.resolve("registry")))) {

      // THEN the charger it held is there, field by field
      ChargerRecord old = store.find("CB-OLD").orElseThrow();
      assertThat(old.ocppVersion()).isEqualTo("1.5");
      assertThat(old.callbackAddress()).isEqualTo("http://10.0.0.5:8080/");
      assertThat(old.lastSeen()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
      assertThat(old.heartbeatIntervalSeconds()).isEqualTo(300);
      // AND it takes new chargers
      store.saveAll(List.of(new ChargerRecord("CB-NEW", "1.2", "1.1", null, null, null,
          "native", null, Instant.parse("2026-01-01T00:00:00Z"), null, "{\"connectors\":{}}")));
      assertThat(store.find("CB-NEW")).get().extracting(ChargerRecord::profileState)
          .isEqualTo("{\"connectors\":{}}");
    }
  }
}
