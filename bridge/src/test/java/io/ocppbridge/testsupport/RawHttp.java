package io.ocppbridge.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes exactly as given over a plain socket and reads until the server closes: for
 * replaying recorded charger requests byte for byte, which an HTTP client library would rewrite.
 * The replayed requests carry {@code Connection: close}, so the end of the stream ends the reply.
 */
public final class RawHttp {

  private RawHttp() {}

  public static String exchange(String host, int port, byte[] request, int timeoutMillis)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        response.write(buffer, 0, n);
      }
      return response.toString(StandardCharsets.UTF_8);
    }
  }
}
