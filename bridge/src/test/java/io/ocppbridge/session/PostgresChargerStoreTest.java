package io.ocppbridge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.testsupport.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests of {@link JdbcChargerStore} on a real PostgreSQL server (a private one per class, see
 * {@link PostgresServer}): the {@link ChargerStore} contract, as on H2, and the migrations from
 * an empty database, from the previous version and from a registry older than versioned schemas.
 */
class PostgresChargerStoreTest extends ChargerStoreContract {

  @RegisterExtension
  static final PostgresServer POSTGRES = new PostgresServer();

  private final List<RegistryDatabase> databases = new ArrayList<>();
  private String url;

  @Override
  ChargerStore openStore() {
    url = POSTGRES.freshDatabase();
    return JdbcChargerStore.open(connect(url));
  }

  @AfterEach
  void closeDatabases() {
    databases.forEach(RegistryDatabase::close);
  }

  private RegistryDatabase connect(String jdbcUrl) {
    RegistryDatabase db = RegistryDatabase.connect(jdbcUrl, PostgresServer.USER,
        PostgresServer.PASSWORD);
    databases.add(db);
    return db;
  }

  /** Verifies that a new registry is created by the migrations, every version applied once. */
  @Test
  void createsANewRegistryFromTheMigrations() throws Exception {
    // GIVEN the store of this test, opened on an empty database; WHEN it is opened again
    store.close();
    store = JdbcChargerStore.open(connect(url));

    // THEN every script was applied exactly once, none baselined
    assertThat(appliedVersions(url)).isEqualTo(allScripts());
  }

  /**
   * Verifies that a registry of the previous version (the newest script not yet applied) is
   * upgraded in place with its rows kept.
   */
  @Test
  void upgradesARegistryOfThePreviousVersion() throws Exception {
    // GIVEN a database at the version before the newest, with one charger in it
    String old = POSTGRES.freshDatabase();
    List<String> scripts = allScripts();
    String previous = scripts.get(scripts.size() - 2).substring("SQL ".length());
    Flyway.configure(getClass().getClassLoader())
        .dataSource(old, PostgresServer.USER, PostgresServer.PASSWORD)
        .locations(RegistrySchema.LOCATION).table(RegistrySchema.HISTORY_TABLE)
        .target(previous).load().migrate();
    try (Connection c = DriverManager.getConnection(old, PostgresServer.USER,
        PostgresServer.PASSWORD); Statement s = c.createStatement()) {
      s.execute("INSERT INTO charger_registry (charger_id, ocpp_version, soap_version,"
          + " backend_profile, last_seen) VALUES ('CP-PREV', '1.5', '1.2', 'ocpp1.5',"
          + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00')");
    }

    // WHEN the current bridge opens it
    ChargerStore upgraded = JdbcChargerStore.open(connect(old));

    // THEN the row is kept and the newest script was applied on top
    assertThat(upgraded.find("CP-PREV")).isPresent();
    assertThat(appliedVersions(old)).isEqualTo(scripts);
  }

  /**
   * Verifies that a registry written before the schema was versioned (the bridge's own DDL, no
   * history) is taken as version 1 and upgraded, its rows kept.
   */
  @Test
  void upgradesARegistryFromBeforeVersionedSchemas() throws Exception {
    // GIVEN the table as the bridge used to create it, with one row
    String old = POSTGRES.freshDatabase();
    try (Connection c = DriverManager.getConnection(old, PostgresServer.USER,
        PostgresServer.PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE charger_registry (charger_id VARCHAR(255) NOT NULL PRIMARY KEY,"
          + " ocpp_version VARCHAR NOT NULL, soap_version VARCHAR NOT NULL,"
          + " addressing_namespace VARCHAR, callback_address VARCHAR, callback_source VARCHAR,"
          + " backend_profile VARCHAR NOT NULL, time_zone VARCHAR,"
          + " last_seen TIMESTAMP WITH TIME ZONE NOT NULL, heartbeat_interval_s INTEGER)");
      s.execute("INSERT INTO charger_registry VALUES ('CP-OLD', '1.5', '1.2', NULL,"
          + " 'http://10.0.0.7:8080/ocpp', 'FROM', 'ocpp1.5', NULL,"
          + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00', 300)");
    }

    // WHEN the current bridge opens it
    ChargerStore upgraded = JdbcChargerStore.open(connect(old));

    // THEN the row is there, and the history starts with the old table as version 1
    ChargerRecord kept = upgraded.find("CP-OLD").orElseThrow();
    assertThat(kept.heartbeatIntervalSeconds()).isEqualTo(300);
    List<String> expected = new ArrayList<>(List.of("BASELINE 1"));
    expected.addAll(allScripts().subList(1, allScripts().size()));
    assertThat(appliedVersions(old)).isEqualTo(expected);
  }

  /**
   * Verifies that nodes starting together on an empty database all get the registry, its scripts
   * applied once: they upgrade it in turn (without that, all but one failed on Flyway's history
   * table, as a cluster test once did).
   */
  @Test
  void nodesStartingTogetherUpgradeAnEmptyRegistryInTurn() throws Exception {
    // GIVEN an empty database and four nodes' connection pools
    String empty = POSTGRES.freshDatabase();
    List<RegistryDatabase> nodes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      nodes.add(connect(empty));
    }
    ExecutorService starts = Executors.newFixedThreadPool(nodes.size());
    try {
      // WHEN all four open the registry at the same moment
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ChargerStore>> opened = new ArrayList<>();
      for (RegistryDatabase node : nodes) {
        opened.add(starts.submit(() -> {
          go.await();
          return JdbcChargerStore.open(node);
        }));
      }
      go.countDown();

      // THEN every one opens it, and every script was applied exactly once
      for (Future<ChargerStore> f : opened) {
        f.get(90, TimeUnit.SECONDS).close();
      }
      assertThat(appliedVersions(empty)).isEqualTo(allScripts());
    } finally {
      starts.shutdownNow();
    }
  }

  /** Verifies that a wrong password fails at connect, naming the database but no secret. */
  @Test
  void wrongPasswordFailsAtConnectWithoutTheSecret() {
    // GIVEN a database and a wrong password
    String target = POSTGRES.freshDatabase() + "?ApplicationName=test";

    // WHEN the bridge connects
    // THEN it fails at once, naming the URL without its query and no password
    assertThatThrownBy(() -> RegistryDatabase.connect(target, PostgresServer.USER, "wrong-one"))
        .isInstanceOf(ChargerStoreException.class)
        .hasMessageContaining("cannot connect to the charger registry at jdbc:postgresql://")
        .hasMessageNotContaining("wrong-one")
        .hasMessageNotContaining("ApplicationName");
  }

  /** Verifies that the last contact keeps its microseconds on PostgreSQL too. */
  @Test
  void keepsLastSeenToTheMicrosecond() {
    // GIVEN a last contact with nanoseconds; WHEN saved and read back
    store.saveAll(List.of(full("CP1", Instant.parse("2026-03-01T10:00:00.123456789Z"))));

    // THEN it is truncated to the microsecond
    assertThat(store.find("CP1").orElseThrow().lastSeen())
        .isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
  }

  /** The scripts in db/registry, as "SQL n" in version order. */
  private static List<String> allScripts() throws IOException {
    Path folder;
    try {
      folder = Path.of(PostgresChargerStoreTest.class.getResource("/db/registry").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .sorted().map(v -> "SQL " + v).toList();
    }
  }

  private static List<String> appliedVersions(String jdbcUrl) throws Exception {
    List<String> versions = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresServer.USER,
        PostgresServer.PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, type FROM "
            + RegistrySchema.HISTORY_TABLE + " ORDER BY installed_rank")) {
      while (rs.next()) {
        if (rs.getString(1) != null) {
          versions.add(rs.getString(2) + " " + rs.getString(1));
        }
      }
    }
    return versions;
  }
}
