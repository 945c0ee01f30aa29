package io.ocppbridge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of {@link JdbcChargerStore} on an embedded H2 file in a temporary folder: the
 * {@link ChargerStore} contract, and what only a database on disk does (reopen, precision).
 */
class JdbcChargerStoreTest extends ChargerStoreContract {

  @TempDir
  Path dir;

  @Override
  ChargerStore openStore() {
    return JdbcChargerStore.open(url());
  }

  private String url() {
    return JdbcChargerStore.h2FileUrl(dir.resolve("registry"));
  }

  /** Verifies that the records are still there after the store is closed and reopened. */
  @Test
  void reopenAfterCloseKeepsTheRecords() {
    // GIVEN two chargers saved to the file, then the store closed
    ChargerRecord one = full("CP1", T0);
    ChargerRecord two = bare("CP2", T0.plusSeconds(1));
    store.saveAll(List.of(one, two));
    store.close();
    assertThat(dir.resolve("registry.mv.db")).exists();

    // WHEN the file is opened again (the table already exists)
    store = JdbcChargerStore.open(url());

    // THEN both records are read back unchanged
    assertThat(store.seenSince(Instant.EPOCH)).containsExactly(one, two);
  }

  /** Verifies that last contact is kept to the microsecond, the precision both databases have. */
  @Test
  void keepsLastSeenToTheMicrosecond() {
    // GIVEN a last contact with nanoseconds
    Instant seen = Instant.parse("2026-03-01T10:00:00.123456789Z");

    // WHEN it is saved and read back
    store.saveAll(List.of(full("CP1", seen)));

    // THEN the nanoseconds beyond the microsecond are gone, the rest kept
    assertThat(store.find("CP1").orElseThrow().lastSeen())
        .isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
  }

  /** Verifies that a closed store fails with a store exception naming the database. */
  @Test
  void closedStoreFailsWithAStoreException() {
    // GIVEN a closed store
    store.close();

    // WHEN it is written to
    // THEN a ChargerStoreException says what could not be done, without the URL's settings
    assertThatThrownBy(() -> store.saveAll(List.of(full("CP1", T0))))
        .isInstanceOf(ChargerStoreException.class)
        .hasMessageContaining("could not save 1 charger records")
        .hasMessageNotContaining("WRITE_DELAY");
  }

  /**
   * Verifies that a registry written before the schema was versioned (the table the bridge used
   * to create itself, no migration history) is upgraded in place: its rows are kept and gain the
   * columns of later versions, and the history records the old table as version 1.
   */
  @Test
  void upgradesARegistryFromBeforeVersionedSchemas() throws Exception {
    // GIVEN a registry file as the bridge wrote it before (same DDL, one row)
    store.close();
    Path old = dir.resolve("old");
    try (Connection c = DriverManager.getConnection(JdbcChargerStore.h2FileUrl(old));
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS charger_registry (charger_id VARCHAR(255) NOT NULL"
          + " PRIMARY KEY, ocpp_version VARCHAR NOT NULL, soap_version VARCHAR NOT NULL,"
          + " addressing_namespace VARCHAR, callback_address VARCHAR, callback_source VARCHAR,"
          + " backend_profile VARCHAR NOT NULL, time_zone VARCHAR,"
          + " last_seen TIMESTAMP WITH TIME ZONE NOT NULL, heartbeat_interval_s INTEGER)");
      s.execute("CREATE INDEX IF NOT EXISTS charger_registry_last_seen"
          + " ON charger_registry (last_seen)");
      s.execute("INSERT INTO charger_registry VALUES ('CP-OLD', '1.5', '1.2', NULL,"
          + " 'http://10.0.0.7:8080/ocpp', 'FROM', 'ocpp1.5', NULL,"
          + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00', 300)");
    }

    // WHEN the current bridge opens it
    store = JdbcChargerStore.open(JdbcChargerStore.h2FileUrl(old));

    // THEN the row is there with no profile state, and can carry one from now on
    ChargerRecord kept = store.find("CP-OLD").orElseThrow();
    assertThat(kept.callbackAddress()).isEqualTo("http://10.0.0.7:8080/ocpp");
    assertThat(kept.heartbeatIntervalSeconds()).isEqualTo(300);
    assertThat(kept.profileState()).isNull();
    ChargerRecord withState = new ChargerRecord(kept.identity(), kept.ocppVersion(),
        kept.soapVersion(), kept.addressingNamespace(), kept.callbackAddress(),
        kept.callbackSource(), kept.backendProfile(), kept.timeZone(), kept.lastSeen(),
        kept.heartbeatIntervalSeconds(), "{\"connectors\":{}}");
    store.saveAll(List.of(withState));
    assertThat(store.find("CP-OLD")).contains(withState);
    // AND the history says: the old table taken as version 1, then upgraded
    assertThat(appliedVersions(old)).containsExactly("BASELINE 1", "SQL 2", "SQL 3");
  }

  /** Verifies that a new registry is created by the migrations, every version applied once. */
  @Test
  void createsANewRegistryFromTheMigrations() throws Exception {
    // GIVEN the store of this test, opened on an empty folder; WHEN it is closed and reopened
    store.close();
    store = JdbcChargerStore.open(url());

    // THEN every version was applied exactly once, none baselined
    assertThat(appliedVersions(dir.resolve("registry")))
        .containsExactly("SQL 1", "SQL 2", "SQL 3");
  }

  private static List<String> appliedVersions(Path file) throws Exception {
    List<String> versions = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(JdbcChargerStore.h2FileUrl(file));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\", \"type\" FROM \""
            + RegistrySchema.HISTORY_TABLE + "\" ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        if (rs.getString(1) != null) { // Flyway's own bookkeeping rows carry no version
          versions.add(rs.getString(2) + " " + rs.getString(1));
        }
      }
    }
    return versions;
  }

  /** Verifies that an unusable location fails when the store is opened, not on a later write. */
  @Test
  void failsAtOpenWhenTheFileCannotBeCreated() throws Exception {
    // GIVEN a path under a regular file, where no database can be created
    Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
    String url = JdbcChargerStore.h2FileUrl(blocker.resolve("registry"))
        + ";TRACE_LEVEL_FILE=0"; // else H2 also prints that it cannot write its trace file

    // WHEN a store is opened there
    // THEN it fails at once, not on the first write
    assertThatThrownBy(() -> JdbcChargerStore.open(url))
        .isInstanceOf(ChargerStoreException.class)
        .hasMessageContaining("could not open the charger registry");
  }
}
