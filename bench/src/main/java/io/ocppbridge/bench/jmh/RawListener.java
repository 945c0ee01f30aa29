package io.ocppbridge.bench.jmh;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** The accept loop of the raw peers: one daemon thread per connection, every read timed. */
final class RawListener {

  private RawListener() {}

  /** Accepts until {@code listener} is closed, serving each connection on its own thread. */
  static void acceptEach(ServerSocket listener, int timeoutMillis, String threadPrefix,
      Consumer<Socket> serve) {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
        Thread t = new Thread(() -> serve.accept(s), threadPrefix + s.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }
}
