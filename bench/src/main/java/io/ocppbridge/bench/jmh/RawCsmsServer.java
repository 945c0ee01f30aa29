package io.ocppbridge.bench.jmh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A central system reduced to the wire: a plain {@link ServerSocket} accepting the bridge's
 * WebSockets, one thread per connection ({@link RawWebSocketLine}), answering every CALL at once
 * and allocating next to nothing per message, so that an allocation profile of the JVM shows
 * the bridge's own work.
 */
final class RawCsmsServer implements AutoCloseable {

  private final ServerSocket listener;
  private final int timeoutMillis;
  private final Map<String, RawWebSocketLine> lines = new ConcurrentHashMap<>();
  private final Thread acceptor;

  RawCsmsServer(Duration timeout) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.timeoutMillis = (int) timeout.toMillis();
    this.acceptor = new Thread(this::accept, "raw-csms-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The base URL for {@code csms.url}; the bridge appends the identity. */
  URI url() {
    return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/ocpp");
  }

  /** The open WebSocket of a charger, waiting up to {@code timeout} for the bridge to open it. */
  RawWebSocketLine line(String identity, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (!lines.containsKey(identity)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("the bridge opened no WebSocket for " + identity
              + " within " + timeout);
        }
        lines.wait(Math.max(1, left / 1_000_000));
      }
      return lines.get(identity);
    }
  }

  private void accept() {
    RawListener.acceptEach(listener, timeoutMillis, "raw-csms-", this::serve);
  }

  private void serve(Socket s) {
    RawWebSocketLine line;
    String identity;
    try {
      line = new RawWebSocketLine(s);
      identity = line.handshake();
    } catch (IOException e) {
      try {
        s.close();
      } catch (IOException ignored) {
        // refused anyway
      }
      return;
    }
    synchronized (lines) {
      lines.put(identity, line);
      lines.notifyAll();
    }
    try {
      line.serve();
    } finally {
      lines.remove(identity, line);
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (RawWebSocketLine line : lines.values()) {
      line.close();
    }
  }
}
