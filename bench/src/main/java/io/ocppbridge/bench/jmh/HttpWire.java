package io.ocppbridge.bench.jmh;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One side of a keep-alive HTTP/1.1 connection, read into reusable buffers: the head (start line
 * and headers) up to the empty line, then a body of {@code Content-Length} bytes or in chunks.
 * Nothing is allocated per message once the buffers are large enough.
 */
final class HttpWire {

  private static final byte[] CONTENT_LENGTH = ascii("content-length:");
  private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding:");
  private static final byte[] CHUNKED = ascii("chunked");
  private static final byte[] CONNECTION_CLOSE = ascii("connection: close");

  private final InputStream in;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;

  private byte[] head = new byte[8 * 1024];
  private int headLength;
  private byte[] body = new byte[64 * 1024];
  private int bodyLength;

  HttpWire(InputStream in) {
    this.in = in;
  }

  /**
   * Reads one message.
   *
   * @return false when the peer closed the connection before the first byte of a message
   * @throws SocketTimeoutException when the peer is silent for the socket's timeout
   */
  boolean read() throws IOException {
    headLength = 0;
    bodyLength = 0;
    if (!readHead()) {
      return false;
    }
    if (contains(head, headLength, TRANSFER_ENCODING) && contains(head, headLength, CHUNKED)) {
      readChunked();
    } else {
      int length = headerInt(CONTENT_LENGTH);
      readBody(Math.max(length, 0));
    }
    return true;
  }

  /** The status code of a response just read. */
  int status() {
    if (headLength < 12 || head[0] != 'H') {
      throw new IllegalStateException("not an HTTP response: " + headText());
    }
    return (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
  }

  boolean asksToClose() {
    return contains(head, headLength, CONNECTION_CLOSE);
  }

  boolean bodyContains(byte[] needle) {
    return indexOf(body, bodyLength, needle, 0) >= 0;
  }

  String headText() {
    return new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
  }

  String bodyText() {
    return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
  }

  private boolean readHead() throws IOException {
    int matched = 0;
    while (matched < 4) {
      int b = next(headLength == 0);
      if (b < 0) {
        return false;
      }
      if (headLength == head.length) {
        head = java.util.Arrays.copyOf(head, head.length * 2);
      }
      head[headLength++] = (byte) b;
      matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return true;
  }

  private void readChunked() throws IOException {
    while (true) {
      int size = 0;
      int b;
      boolean extension = false;
      while ((b = next(false)) != '\r') {
        if (b == ';') {
          extension = true;
        } else if (!extension) {
          size = size * 16 + Character.digit(b, 16);
        }
      }
      expect('\n');
      if (size == 0) {
        // trailers, if any, up to the empty line
        int lineLength = 0;
        while (true) {
          b = next(false);
          if (b == '\r') {
            expect('\n');
            if (lineLength == 0) {
              return;
            }
            lineLength = 0;
          } else {
            lineLength++;
          }
        }
      }
      readBody(size);
      expect('\r');
      expect('\n');
    }
  }

  private void readBody(int length) throws IOException {
    if (bodyLength + length > body.length) {
      body = java.util.Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + length));
    }
    int end = bodyLength + length;
    while (bodyLength < end) {
      if (pos == limit) {
        fill(false);
      }
      int n = Math.min(limit - pos, end - bodyLength);
      System.arraycopy(buf, pos, body, bodyLength, n);
      pos += n;
      bodyLength += n;
    }
  }

  private void expect(int wanted) throws IOException {
    int b = next(false);
    if (b != wanted) {
      throw new IOException("malformed HTTP message: expected byte " + wanted + ", got " + b);
    }
  }

  /** The next byte; -1 only at end of stream when {@code endAllowed}. */
  private int next(boolean endAllowed) throws IOException {
    if (pos == limit && !fill(endAllowed)) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  private boolean fill(boolean endAllowed) throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      if (endAllowed) {
        return false;
      }
      throw new EOFException("the peer closed the connection in the middle of a message");
    }
    pos = 0;
    limit = n;
    return true;
  }

  private int headerInt(byte[] name) {
    int at = indexOfIgnoreCase(head, headLength, name);
    if (at < 0) {
      return -1;
    }
    int i = at + name.length;
    while (head[i] == ' ') {
      i++;
    }
    int value = 0;
    while (head[i] >= '0' && head[i] <= '9') {
      value = value * 10 + (head[i++] - '0');
    }
    return value;
  }

  private static boolean contains(byte[] hay, int length, byte[] needle) {
    return indexOfIgnoreCase(hay, length, needle) >= 0;
  }

  /** {@code needle} in lower case. */
  static int indexOfIgnoreCase(byte[] hay, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        int c = hay[i + j];
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
        }
        if (c != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static int indexOf(byte[] hay, int length, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code value} as {@code width} decimal digits over {@code bytes[at..at+width)}, in
   * place (the number wraps at 10^width).
   */
  static void patchDigits(byte[] bytes, int at, int width, long value) {
    for (int i = at + width - 1; i >= at; i--) {
      bytes[i] = (byte) ('0' + (int) (value % 10));
      value /= 10;
    }
  }
}
