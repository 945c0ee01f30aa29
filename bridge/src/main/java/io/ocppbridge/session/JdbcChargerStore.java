package io.ocppbridge.session;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The charger registry in a SQL database: an embedded H2 file by default, PostgreSQL for several
 * bridge nodes sharing one registry (DESIGN "Scale beyond one machine") with the same code and
 * another URL or data source.
 *
 * <p>The tables are created and upgraded by {@link RegistrySchema} (Flyway) when a store opens.
 * Portable SQL only, tested on H2 2.x and written for PostgreSQL 9.5 or later: an upsert done as
 * a batched {@code UPDATE} followed by a batched {@code INSERT} of the rows the update did not
 * find, in one transaction.
 * (H2's {@code MERGE ... KEY} and PostgreSQL's {@code ON CONFLICT} are each one database's
 * dialect; standard {@code MERGE} needs PostgreSQL 15 and typed parameters.) When two nodes
 * insert one new identity at once, one transaction fails on the primary key and is retried by
 * {@link WriteBehindStore} on its next flush, when the row exists and the update finds it.
 *
 * <p>{@code last_seen} is kept to the microsecond ({@code TIMESTAMP WITH TIME ZONE} in both
 * databases); records read back carry the truncated instant.
 */
public final class JdbcChargerStore implements ChargerStore {

  /** The parameter of UPDATE that names the row: after the ten columns it sets. */
  private static final int KEY_PARAMETER = 11;

  /** Statements per JDBC batch; a larger saveAll is sent in several, in one transaction. */
  static final int BATCH_SIZE = 500;

  private static final String TABLE = "charger_registry";
  private static final String COLUMNS = "charger_id, ocpp_version, soap_version, "
      + "addressing_namespace, callback_address, callback_source, backend_profile, time_zone, "
      + "last_seen, heartbeat_interval_s, profile_state";

  private static final String UPDATE = "UPDATE " + TABLE + " SET ocpp_version = ?, "
      + "soap_version = ?, addressing_namespace = ?, callback_address = ?, callback_source = ?, "
      + "backend_profile = ?, time_zone = ?, last_seen = ?, heartbeat_interval_s = ?, "
      + "profile_state = ? "
      + "WHERE charger_id = ?";
  private static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_SINCE = "SELECT " + COLUMNS + " FROM " + TABLE
      + " WHERE last_seen >= ? ORDER BY charger_id";
  private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM " + TABLE
      + " WHERE charger_id = ?";
  private static final String DELETE = "DELETE FROM " + TABLE + " WHERE charger_id = ?";

  private final JdbcConnections connections;
  private final String description;

  private JdbcChargerStore(JdbcConnections connections, String description) {
    this.connections = connections;
    this.description = description;
  }

  /**
   * The URL of an embedded H2 database in {@code file} (H2 adds {@code .mv.db}), set up to
   * survive a {@code kill -9} with every committed batch:
   * <ul>
   *   <li>the default MVStore engine, whose append-only file reopens at its last complete commit
   *       after a crash;</li>
   *   <li>{@code WRITE_DELAY=0}: each commit is written to the file before it returns (by
   *       default H2 writes committed changes up to 500 ms later, which a kill would lose);</li>
   *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook does not close the database
   *       under the bridge, whose shutdown flushes the registry last and then closes it.</li>
   * </ul>
   * A write reaches the operating system, not necessarily the platter: a power cut can lose
   * what the OS had not yet written, a killed process cannot.
   */
  public static String h2FileUrl(Path file) {
    return "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * Opens the registry at a JDBC URL, over one kept connection, creating or upgrading its tables
   * first ({@link RegistrySchema}).
   */
  public static JdbcChargerStore open(String jdbcUrl) {
    String description = withoutSecrets(jdbcUrl);
    JdbcConnections connections = JdbcConnections.single(jdbcUrl);
    try {
      // the kept connection first: an embedded database lives as long as one is open, and the
      // migration's own connections come and go
      connections.run(c -> null);
      RegistrySchema.migrate(jdbcUrl, description);
    } catch (SQLException | RuntimeException e) {
      connections.close();
      throw e instanceof ChargerStoreException s ? s : new ChargerStoreException(
          "could not open the charger registry at " + description, e);
    }
    return new JdbcChargerStore(connections, description);
  }

  /**
   * Opens the registry in a data source, a connection per use, creating or upgrading its tables
   * first ({@link RegistrySchema}).
   */
  public static JdbcChargerStore open(DataSource dataSource) {
    String description = dataSource.getClass().getSimpleName();
    RegistrySchema.migrate(dataSource, description);
    return new JdbcChargerStore(JdbcConnections.perOperation(dataSource), description);
  }

  /**
   * Opens the registry on a database server, a pooled connection per use, creating or upgrading
   * its tables first ({@link RegistrySchema}). The pool stays the caller's to close.
   */
  public static JdbcChargerStore open(RegistryDatabase database) {
    RegistrySchema.migrate(database.dataSource(), database.description());
    return new JdbcChargerStore(JdbcConnections.perOperation(database.dataSource()),
        database.description());
  }

  @Override
  public void saveAll(Collection<ChargerRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    Map<String, ChargerRecord> byIdentity = new LinkedHashMap<>();
    for (ChargerRecord r : records) {
      byIdentity.put(r.identity(), r);
    }
    List<ChargerRecord> all = new ArrayList<>(byIdentity.values());
    try {
      connections.run(c -> inTransaction(c, () -> {
        for (int from = 0; from < all.size(); from += BATCH_SIZE) {
          upsert(c, all.subList(from, Math.min(all.size(), from + BATCH_SIZE)));
        }
      }));
    } catch (SQLException e) {
      throw new ChargerStoreException(
          "could not save " + all.size() + " charger records to " + description, e);
    }
  }

  @Override
  public List<ChargerRecord> seenSince(Instant since) {
    try {
      return connections.run(c -> {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SINCE)) {
          ps.setObject(1, timestamp(since));
          return readAll(ps);
        }
      });
    } catch (SQLException e) {
      throw new ChargerStoreException("could not read chargers from " + description, e);
    }
  }

  @Override
  public Optional<ChargerRecord> find(String identity) {
    try {
      return connections.run(c -> {
        try (PreparedStatement ps = c.prepareStatement(SELECT_ONE)) {
          ps.setString(1, identity);
          return readAll(ps).stream().findFirst();
        }
      });
    } catch (SQLException e) {
      throw new ChargerStoreException(
          "could not read charger " + identity + " from " + description, e);
    }
  }

  @Override
  public void delete(String identity) {
    try {
      connections.run(c -> {
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
          ps.setString(1, identity);
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new ChargerStoreException(
          "could not delete charger " + identity + " from " + description, e);
    }
  }

  @Override
  public void close() {
    connections.close();
  }

  @Override
  public String toString() {
    return "JdbcChargerStore[" + description + "]";
  }

  /** UPDATE every record, then INSERT those no row was found for. */
  private static void upsert(Connection c, List<ChargerRecord> chunk) throws SQLException {
    List<ChargerRecord> missing = new ArrayList<>();
    try (PreparedStatement update = c.prepareStatement(UPDATE)) {
      for (ChargerRecord r : chunk) {
        bindValues(update, r, 1);
        update.setString(KEY_PARAMETER, r.identity());
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int i = 0; i < chunk.size(); i++) {
        if (!updated(update, counts, i, chunk.get(i))) {
          missing.add(chunk.get(i));
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (ChargerRecord r : missing) {
        insert.setString(1, r.identity());
        bindValues(insert, r, 2);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Whether the batched update found the row. A driver may answer SUCCESS_NO_INFO for a batch
   * element (JDBC 4.3 section 14.1.2); the update is then repeated alone, which is harmless.
   */
  private static boolean updated(PreparedStatement update, int[] counts, int i, ChargerRecord r)
      throws SQLException {
    if (i < counts.length && counts[i] != Statement.SUCCESS_NO_INFO) {
      return counts[i] > 0;
    }
    bindValues(update, r, 1);
    update.setString(KEY_PARAMETER, r.identity());
    return update.executeUpdate() > 0;
  }

  /** Binds the ten non-key columns, in UPDATE order, from parameter {@code first} on. */
  private static void bindValues(PreparedStatement ps, ChargerRecord r, int first)
      throws SQLException {
    int i = first;
    ps.setString(i++, r.ocppVersion());
    ps.setString(i++, r.soapVersion());
    setText(ps, i++, r.addressingNamespace());
    setText(ps, i++, r.callbackAddress());
    setText(ps, i++, r.callbackSource());
    ps.setString(i++, r.backendProfile());
    setText(ps, i++, r.timeZone());
    ps.setObject(i++, timestamp(r.lastSeen()));
    if (r.heartbeatIntervalSeconds() == null) {
      ps.setNull(i++, Types.INTEGER);
    } else {
      ps.setInt(i++, r.heartbeatIntervalSeconds());
    }
    setText(ps, i, r.profileState());
  }

  private static void setText(PreparedStatement ps, int i, String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static List<ChargerRecord> readAll(PreparedStatement ps) throws SQLException {
    List<ChargerRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Instant lastSeen = rs.getObject(9, OffsetDateTime.class).toInstant();
        int heartbeat = rs.getInt(10);
        Integer heartbeatOrNull = rs.wasNull() ? null : heartbeat;
        out.add(new ChargerRecord(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            lastSeen, heartbeatOrNull, rs.getString(11)));
      }
    }
    return out;
  }

  /** Work in one transaction: committed when it returns, rolled back when it throws. */
  private static Void inTransaction(Connection c, SqlBlock block) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      block.run();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return null;
  }

  @FunctionalInterface
  private interface SqlBlock {
    void run() throws SQLException;
  }

  /** The URL for messages, without what may follow a password parameter. */
  static String withoutSecrets(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    int settings = jdbcUrl.indexOf(';');
    int cut = query < 0 ? settings : settings < 0 ? query : Math.min(query, settings);
    return cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut);
  }
}
