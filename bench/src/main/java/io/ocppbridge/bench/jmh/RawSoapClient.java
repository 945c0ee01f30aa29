package io.ocppbridge.bench.jmh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * A charger's keep-alive HTTP/1.1 connection, as lean as a client can be: it writes a
 * {@link PrebuiltSoapRequest} and reads the answer into reusable buffers ({@link HttpWire}),
 * checking only that it is a 200 carrying the expected response element and no fault.
 */
final class RawSoapClient implements AutoCloseable {

  private static final byte[] FAULT = HttpWire.ascii("Fault>");

  private final InetSocketAddress server;
  private final int timeoutMillis;
  private Socket socket;
  private OutputStream out;
  private HttpWire wire;

  RawSoapClient(URI url, Duration timeout) throws IOException {
    this.server = new InetSocketAddress(url.getHost(), url.getPort());
    this.timeoutMillis = (int) timeout.toMillis();
    connect();
  }

  /**
   * Posts the request's next message and reads the answer.
   *
   * @throws IllegalStateException when the answer is not a 200 with the response element
   */
  void exchange(PrebuiltSoapRequest request) throws IOException {
    if (socket == null) {
      connect();
    }
    out.write(request.next());
    if (!wire.read()) {
      close();
      throw new IllegalStateException("the server closed the connection instead of answering");
    }
    if (wire.status() != 200 || !wire.bodyContains(request.answerElement())
        || wire.bodyContains(FAULT)) {
      throw new IllegalStateException("unexpected answer: " + wire.headText()
          + wire.bodyText());
    }
    if (wire.asksToClose()) {
      close();
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(timeoutMillis);
    s.connect(server, timeoutMillis);
    socket = s;
    out = s.getOutputStream();
    wire = new HttpWire(s.getInputStream());
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
