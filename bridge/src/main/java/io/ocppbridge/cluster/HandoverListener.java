package io.ocppbridge.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@value LeaseStore#CHANNEL} over a connection of its own and hands each "node X
 * took charger Y" to the node, on a thread of its own. A lost connection is reopened after a
 * pause; meanwhile the node's renewals still find the leases it lost, only later.
 */
final class HandoverListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HandoverListener.class);
  /** How long one wait for notifications lasts; also how soon {@link #close} is noticed. */
  private static final int POLL_MILLIS = 250;
  private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

  /** Opens a connection to the registry's database. */
  @FunctionalInterface
  interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private final ConnectionSource connections;
  private final BiConsumer<String, String> taken;
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean listening;

  /**
   * @param taken called with (new owner, charger identity) for every lease taken by a node
   */
  HandoverListener(ConnectionSource connections, BiConsumer<String, String> taken) {
    this.connections = connections;
    this.taken = taken;
    this.thread = new Thread(this::run, "cluster-handover-listener");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** True while the LISTEN connection is up. */
  boolean isListening() {
    return listening;
  }

  private void run() {
    boolean warned = false;
    while (!closed) {
      try (Connection c = connections.open()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + LeaseStore.CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        listening = true;
        if (warned) {
          LOG.info("listening for lease handovers again");
          warned = false;
        }
        while (!closed) {
          PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
          if (notes != null) {
            for (PGNotification note : notes) {
              deliver(note.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (closed) {
          return;
        }
        if (!warned) {
          LOG.warn("cannot listen for lease handovers ({}); lost leases are noticed at the next"
              + " renewal until the connection is back", e.getMessage());
          warned = true;
        }
        pause();
      }
    }
    listening = false;
  }

  private void deliver(String payload) {
    int cut = payload == null ? -1 : payload.indexOf('\n');
    if (cut <= 0) {
      return;
    }
    try {
      taken.accept(payload.substring(0, cut), payload.substring(cut + 1));
    } catch (RuntimeException e) {
      LOG.error("handling a lease handover failed", e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(RECONNECT_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(POLL_MILLIS * 8L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
