package io.ocppbridge.session;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Where {@link JdbcChargerStore} gets its connections: one per operation from a pool, or one
 * long-lived connection to a JDBC URL. An embedded H2 database is open only while a connection
 * to it is, so it must not be reopened for every flush; a server database behind a pool must
 * not be held by one connection forever.
 */
abstract class JdbcConnections implements AutoCloseable {

  /** Database work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} on a connection no other thread uses meanwhile. */
  abstract <T> T run(Work<T> work) throws SQLException;

  @Override
  public abstract void close();

  /** A connection per operation from {@code dataSource} (a pool for a server database). */
  static JdbcConnections perOperation(DataSource dataSource) {
    return new PerOperation(dataSource);
  }

  /**
   * One connection to {@code url}, opened on first use, shared under a lock, and replaced after
   * any failure (the next operation opens a new one).
   */
  static JdbcConnections single(String url) {
    return new Single(url);
  }

  private static final class PerOperation extends JdbcConnections {
    private final DataSource dataSource;

    PerOperation(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    <T> T run(Work<T> work) throws SQLException {
      try (Connection c = dataSource.getConnection()) {
        return work.run(c);
      }
    }

    @Override
    public void close() {
      // the data source (and its pool) belongs to whoever made it
    }
  }

  private static final class Single extends JdbcConnections {
    private final String url;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private boolean closed;

    Single(String url) {
      this.url = url;
    }

    @Override
    <T> T run(Work<T> work) throws SQLException {
      lock.lock();
      try {
        if (closed) {
          throw new SQLException("the charger store is closed");
        }
        if (connection == null) {
          connection = DriverManager.getConnection(url);
        }
        try {
          return work.run(connection);
        } catch (SQLException | RuntimeException e) {
          discard();
          throw e;
        }
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      lock.lock();
      try {
        closed = true;
        if (connection != null) {
          // closing the last connection closes an embedded H2 database (DB_CLOSE_DELAY=0)
          connection.close();
          connection = null;
        }
      } catch (SQLException e) {
        throw new ChargerStoreException("could not close the charger store", e);
      } finally {
        lock.unlock();
      }
    }

    private void discard() {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // it failed already; the next operation opens a new one
      }
      connection = null;
    }
  }
}
