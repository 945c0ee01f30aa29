package io.ocppbridge.session;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A registry on a database server (PostgreSQL) that several bridge nodes share: a small pool of
 * connections for the store and the leases, and dedicated connections for whatever must hold one
 * for long (a LISTEN). The credentials are given apart from the URL, so that they come from the
 * configuration's secrets and never appear in a message.
 */
public final class RegistryDatabase implements AutoCloseable {

  /** Connections in the pool: the store's flushes and the lease work of one node. */
  private static final int POOL_SIZE = 4;
  /** The longest wait for a pooled connection or a new one. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final String url;
  private final String user;
  private final String password;
  private final HikariDataSource pool;
  private final String description;

  private RegistryDatabase(String url, String user, String password, HikariDataSource pool) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.pool = pool;
    this.description = JdbcChargerStore.withoutSecrets(url);
  }

  /**
   * Connects to the server at {@code url}; fails at once, naming the database without its
   * secrets, when it cannot be reached.
   *
   * @param user the user name, or null when the URL or the server needs none
   * @param password the password, or null
   */
  public static RegistryDatabase connect(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("registry");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
    config.setValidationTimeout(CONNECT_TIMEOUT.toMillis());
    config.setInitializationFailTimeout(1);
    try {
      return new RegistryDatabase(url, user, password, new HikariDataSource(config));
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ChargerStoreException("cannot connect to the charger registry at "
          + JdbcChargerStore.withoutSecrets(url) + ": " + cause.getMessage(), e);
    }
  }

  /** The pooled connections. */
  public DataSource dataSource() {
    return pool;
  }

  /** A connection of its own, outside the pool, for work that holds it (LISTEN). */
  public Connection dedicatedConnection() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
    return DriverManager.getConnection(url, props);
  }

  /** True when a connection answers a trivial query within {@code timeout}. */
  public boolean isReachable(Duration timeout) {
    try (Connection c = pool.getConnection()) {
      return c.isValid((int) Math.max(1, timeout.toSeconds()));
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** The URL without its query (no secrets), for messages. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    pool.close();
  }
}
