package io.ocppbridge.soap;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Watches the SOAP port's connections: one beyond {@code soap.limits.maxConnections} is closed
 * as soon as it is accepted, and a connection whose request line and headers are still arriving
 * after {@code soap.limits.headersTimeout} is closed (an idle kept-alive connection is left to
 * the idle timeout). A TLS connection is counted once, by its network side.
 */
final class ConnectionGuard implements Connection.Listener {

  private static final long TICK_MILLIS = 1000;

  private final EdgeCounters counters;
  private final long headersTimeoutMillis;
  private final Scheduler scheduler;
  /** The connections counted, by their network-side connection. */
  private final Map<Connection, Boolean> counted = new ConcurrentHashMap<>();

  ConnectionGuard(EdgeCounters counters, Duration headersTimeout, Scheduler scheduler) {
    this.counters = counters;
    this.headersTimeoutMillis = headersTimeout.toMillis();
    this.scheduler = scheduler;
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection.getEndPoint() instanceof SslConnection.SslEndPoint) {
      // the HTTP side of a TLS connection: its network side was counted
      if (connection instanceof HttpConnection http) {
        new HeaderWatch(http).schedule();
      }
      return;
    }
    if (!counters.openConnection()) {
      counters.refused(EdgeCounters.MAX_CONNECTIONS);
      connection.getEndPoint().close();
      return;
    }
    counted.put(connection, Boolean.TRUE);
    if (connection instanceof HttpConnection http) {
      new HeaderWatch(http).schedule();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (counted.remove(connection) != null) {
      counters.closeConnection();
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

    void schedule() {
      scheduler.schedule(this::check, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void check() {
      if (!connection.getEndPoint().isOpen()) {
        return;
      }
      boolean inHead = connection.getParser().inHeaderState() && !connection.getParser().isStart();
      long now = System.nanoTime();
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
        return;
      }
      schedule();
    }
  }
}
