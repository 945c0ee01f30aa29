package io.ocppbridge.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that speaks nothing newer than TLS 1.1: to every ClientHello it answers with a
 * ServerHello choosing TLS 1.1 (0x0302), as an old server does when a client offers 1.2 and up.
 * The JDK itself no longer speaks 1.1, so this is written by hand: a client that accepted 1.1
 * would go on waiting for the certificate, one that refuses it ends the handshake at once.
 */
public final class LegacyTlsServer implements AutoCloseable {

  private final ServerSocket server;
  private final Thread acceptor;
  private final AtomicInteger clientHellos = new AtomicInteger();

  public LegacyTlsServer() throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::serve, "legacy-tls-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** ClientHello records received so far. */
  public int clientHellos() {
    return clientHellos.get();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        byte[] header = in.readNBytes(5);
        if (header.length < 5 || header[0] != 0x16) {
          continue;
        }
        in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
        clientHellos.incrementAndGet();
        OutputStream out = s.getOutputStream();
        out.write(serverHelloTls11());
        out.flush();
        try {
          while (in.read() >= 0) {
            // wait until the client gives up
          }
        } catch (SocketTimeoutException e) {
          // a client that accepted TLS 1.1 would still be waiting here
        }
      } catch (IOException e) {
        // closed, or a client that hung up: next
      }
    }
  }

  private static byte[] serverHelloTls11() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    // version 3.2, random, empty session id, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, no compression
    byte[] body = new byte[2 + 32 + 1 + 2 + 1];
    body[0] = 3;
    body[1] = 2;
    System.arraycopy(random, 0, body, 2, 32);
    body[34] = 0;
    body[35] = (byte) 0xc0;
    body[36] = 0x13;
    body[37] = 0;
    byte[] record = new byte[5 + 4 + body.length];
    record[0] = 0x16;
    record[1] = 3;
    record[2] = 2;
    int handshakeLength = 4 + body.length;
    record[3] = (byte) (handshakeLength >> 8);
    record[4] = (byte) handshakeLength;
    record[5] = 2;
    record[6] = 0;
    record[7] = (byte) (body.length >> 8);
    record[8] = (byte) body.length;
    System.arraycopy(body, 0, record, 9, body.length);
    return record;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
