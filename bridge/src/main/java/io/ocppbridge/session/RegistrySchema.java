package io.ocppbridge.session;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 */
final class RegistrySchema {

  /** Flyway's record of the scripts applied to this registry. */
  static final String HISTORY_TABLE = "bridge_schema_history";
  static final String LOCATION = "classpath:db/registry";

  private static final Logger LOG = LoggerFactory.getLogger(RegistrySchema.class);
  private static final String REGISTRY_TABLE = "charger_registry";

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
    } catch (FlywayException | SQLException e) {
      throw new ChargerStoreException("could not create or upgrade the charger registry at "
          + description + ": " + e.getMessage(), e);
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
