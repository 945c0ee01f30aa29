package io.ocppbridge.soap;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the SOAP port's connections: one beyond {@code soap.limits.maxConnections} is closed
 * as soon as it is accepted, and a connection whose request line and headers are still arriving
 * after {@code soap.limits.headersTimeout} is closed (an idle kept-alive connection is left to
 * the idle timeout). A TLS connection is counted once, by its network side.
 *
 * <p>One task a second checks every connection's head, rather than a timer task per connection
 * and second: twenty thousand idle kept-alive connections cost one wake-up a second, not twenty
 * thousand.
 */
final class ConnectionGuard implements Connection.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final long TICK_MILLIS = 1000;

  private final EdgeCounters counters;
  private final long headersTimeoutMillis;
  private final Scheduler scheduler;
  /** The connections counted, by their network-side connection. */
  private final Map<Connection, Boolean> counted = new ConcurrentHashMap<>();
  /** The head watch of every open HTTP connection (the HTTP side of a TLS one). */
  private final Map<Connection, HeaderWatch> watched = new ConcurrentHashMap<>();

  ConnectionGuard(EdgeCounters counters, Duration headersTimeout, Scheduler scheduler) {
    this.counters = counters;
    this.headersTimeoutMillis = headersTimeout.toMillis();
    this.scheduler = scheduler;
    scheduler.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection.getEndPoint() instanceof SslConnection.SslEndPoint) {
      // the HTTP side of a TLS connection: its network side was counted
      watch(connection);
      return;
    }
    if (!counters.openConnection()) {
      counters.refused(EdgeCounters.MAX_CONNECTIONS);
      connection.getEndPoint().close();
      return;
    }
    counted.put(connection, Boolean.TRUE);
    watch(connection);
  }

  private void watch(Connection connection) {
    if (connection instanceof HttpConnection http) {
      watched.put(connection, new HeaderWatch(http));
    }
  }

  @Override
  public void onClosed(Connection connection) {
    watched.remove(connection);
    if (counted.remove(connection) != null) {
      counters.closeConnection();
    }
  }

  /** Checks every watched connection, then comes back in a second (until the scheduler stops). */
  private void tick() {
    try {
      long now = System.nanoTime();
      watched.values().removeIf(watch -> !watch.check(now));
    } catch (RuntimeException e) {
      LOG.error("checking the SOAP connections' request heads failed; checking again in {} ms",
          TICK_MILLIS, e);
    } finally {
      scheduler.schedule(this::tick, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Closes the connection once a request's head has been arriving for too long. */
  private final class HeaderWatch {
    private final HttpConnection connection;
    /** When the head now arriving was first seen, and how many requests had come before it. */
    private long seenAt = -1;
    private long seenAfter = -1;

    HeaderWatch(HttpConnection connection) {
      this.connection = connection;
    }

    /** False once the connection is closed, by this check or before it. */
    boolean check(long now) {
      if (!connection.getEndPoint().isOpen()) {
        return false;
      }
      boolean inHead = connection.getParser().inHeaderState() && !connection.getParser().isStart();
      long requests = connection.getMessagesIn();
      if (!inHead) {
        seenAt = -1;
      } else if (seenAt < 0 || seenAfter != requests) {
        seenAt = now;
        seenAfter = requests;
      } else if (TimeUnit.NANOSECONDS.toMillis(now - seenAt) + TICK_MILLIS
          > headersTimeoutMillis) {
        counters.refused(EdgeCounters.HEADERS_TIMEOUT);
        connection.getEndPoint().close();
        return false;
      }
      return true;
    }
  }
}
