package io.ocppbridge.session;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the registry's tables with Flyway, from the versioned scripts in
 * {@code db/registry/} (one set for H2 and PostgreSQL: plain SQL both accept). A later column
 * change is a new script, and an existing registry is upgraded in place at the next start.
 *
 * <p>The scripts' history is kept in its own table, {@value #HISTORY_TABLE}, so that a registry
 * sharing a database with other software never mixes its versions with theirs.
 *
 * <p>Registries written before the schema was versioned have the table of version 1 and no
 * history: they are recorded as version 1 (a Flyway baseline) and upgraded from there, never
 * created again. A database that holds other tables but no registry starts from version 0.
 *
 * <p>On PostgreSQL the nodes of a cluster upgrade one at a time: each holds an advisory lock of
 * the database session ({@value #LOCK_KEY}) from the check for an old registry to the end of
 * the upgrade, waiting at most {@link #LOCK_WAIT} for it. Without it, nodes started together on
 * an empty database raced to create Flyway's history table, and all but one failed to start.
 */
final class RegistrySchema {

  /** Flyway's record of the scripts applied to this registry. */
  static final String HISTORY_TABLE = "bridge_schema_history";
  static final String LOCATION = "classpath:db/registry";

  private static final Logger LOG = LoggerFactory.getLogger(RegistrySchema.class);
  private static final String REGISTRY_TABLE = "charger_registry";
  /** The advisory lock the registry's upgrades take turns on (an arbitrary, fixed number). */
  static final long LOCK_KEY = 0x6f637070_72656769L;
  static final Duration LOCK_WAIT = Duration.ofSeconds(60);
  private static final long LOCK_POLL_MILLIS = 100;

  private RegistrySchema() {}

  /**
   * Brings the registry behind {@code dataSource} to the newest version.
   *
   * @param description how the registry is named in messages (no secrets)
   * @throws ChargerStoreException when the database cannot be reached or a script fails
   */
  static void migrate(DataSource dataSource, String description) {
    migrate(dataSource::getConnection, flyway -> flyway.dataSource(dataSource), description);
  }

  /** Brings the registry at a JDBC URL (credentials, if any, in the URL) to the newest version. */
  static void migrate(String jdbcUrl, String description) {
    migrate(() -> DriverManager.getConnection(jdbcUrl),
        flyway -> flyway.dataSource(jdbcUrl, null, null), description);
  }

  private static void migrate(ConnectionSource connections,
      UnaryOperator<FluentConfiguration> database, String description) {
    try (Connection lock = connections.open()) {
      boolean postgres = lock.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
          .contains("postgres");
      if (postgres) {
        takeTurn(lock, description);
      }
      try {
        upgrade(connections, database, description);
      } finally {
        if (postgres) {
          try (PreparedStatement unlock = lock.prepareStatement(
              "SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK_KEY);
            unlock.execute();
          }
        }
      }
    } catch (SQLException e) {
      throw failed(description, e.getMessage(), e);
    }
  }

  private static ChargerStoreException failed(String description, String why, Throwable cause) {
    return new ChargerStoreException("could not create or upgrade the charger registry at "
        + description + ": " + why, cause);
  }

  /** Waits, at most {@link #LOCK_WAIT}, until no other node upgrades this registry. */
  private static void takeTurn(Connection lock, String description) throws SQLException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    try (PreparedStatement tryLock = lock.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      tryLock.setLong(1, LOCK_KEY);
      boolean logged = false;
      while (true) {
        try (ResultSet taken = tryLock.executeQuery()) {
          if (taken.next() && taken.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() - deadline >= 0) {
          throw failed(description, "another bridge node has been upgrading it for more than "
              + LOCK_WAIT.toSeconds() + " s (PostgreSQL advisory lock " + LOCK_KEY + ")", null);
        }
        if (!logged) {
          LOG.info("charger registry at {}: waiting for another node to finish upgrading it",
              description);
          logged = true;
        }
        try {
          Thread.sleep(LOCK_POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ChargerStoreException("interrupted while waiting to upgrade the charger"
              + " registry at " + description, e);
        }
      }
    }
  }

  private static void upgrade(ConnectionSource connections,
      UnaryOperator<FluentConfiguration> database, String description) throws SQLException {
    try {
      String baseline = isUnversionedRegistry(connections) ? "1" : "0";
      MigrateResult result = database.apply(
              Flyway.configure(RegistrySchema.class.getClassLoader()))
          .locations(LOCATION)
          .table(HISTORY_TABLE)
          .baselineOnMigrate(true)
          .baselineVersion(baseline)
          .baselineDescription("registry from before versioned schemas")
          .load()
          .migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("charger registry at {} upgraded from version {} to {}", description,
            result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
            result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw failed(description, e.getMessage(), e);
    }
  }

  /** True when the registry table exists but Flyway has never recorded a version. */
  private static boolean isUnversionedRegistry(ConnectionSource connections)
      throws SQLException {
    try (Connection c = connections.open()) {
      return hasTable(c, REGISTRY_TABLE) && !hasTable(c, HISTORY_TABLE);
    }
  }

  /** Looks the table up as written and in both cases (H2 folds to upper, PostgreSQL to lower). */
  private static boolean hasTable(Connection c, String name) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema = c.getSchema();
    for (String candidate : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(null, schema, candidate, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  @FunctionalInterface
  private interface ConnectionSource {
    Connection open() throws SQLException;
  }
}
