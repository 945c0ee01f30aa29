package io.ocppbridge.bench.jmh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A charger's SOAP server reduced to the wire: a plain {@link ServerSocket}, one thread per
 * keep-alive connection, each request read into reusable buffers and answered with the same
 * pre-built SOAP response. A request that does not carry the expected element is answered 500,
 * so the caller fails loudly.
 */
final class RawChargerServer implements AutoCloseable {

  private final ServerSocket listener;
  private final byte[] answer;
  private final byte[] refusal;
  private final byte[] expectedRequest;
  private final int timeoutMillis;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private volatile String lastRefused;

  /**
   * @param expectedRequestElement the local name every request body must contain
   * @param soapAnswer the SOAP envelope every such request is answered with
   */
  RawChargerServer(String expectedRequestElement, String soapAnswer, Duration timeout)
      throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.expectedRequest = HttpWire.ascii(expectedRequestElement);
    this.answer = response("200 OK", soapAnswer);
    this.refusal = response("500 Internal Server Error", "not a " + expectedRequestElement);
    this.timeoutMillis = (int) timeout.toMillis();
    this.acceptor = new Thread(this::accept, "raw-charger-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static byte[] response(String status, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    byte[] head = HttpWire.ascii("HTTP/1.1 " + status + "\r\n"
        + "Content-Type: application/soap+xml; charset=utf-8\r\n"
        + "Content-Length: " + b.length + "\r\n\r\n");
    byte[] all = new byte[head.length + b.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(b, 0, all, head.length, b.length);
    return all;
  }

  /** The URL to name in {@code wsa:From}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/charger");
  }

  /** The body of the last request answered 500, or null. */
  String lastRefused() {
    return lastRefused;
  }

  private void accept() {
    RawListener.acceptEach(listener, timeoutMillis, "raw-charger-", s -> {
      connections.add(s);
      serve(s);
    });
  }

  private void serve(Socket s) {
    try (s) {
      HttpWire wire = new HttpWire(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        try {
          if (!wire.read()) {
            return;
          }
        } catch (SocketTimeoutException idle) {
          continue; // an idle keep-alive connection: keep waiting until closed
        }
        if (wire.bodyContains(expectedRequest)) {
          out.write(answer);
        } else {
          lastRefused = wire.bodyText();
          out.write(refusal);
        }
      }
    } catch (SocketException closed) {
      // closed by us or by the peer
    } catch (IOException e) {
      lastRefused = e.toString();
    } finally {
      connections.remove(s);
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : connections) {
      s.close();
    }
  }
}
