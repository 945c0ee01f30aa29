package io.ocppbridge.bench.jmh;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The central system's end of one charger's WebSocket (RFC 6455), over a plain socket and
 * reusable buffers: it answers the upgrade echoing the requested subprotocol, reads the client's
 * masked frames, answers each CALL at once (Heartbeat with a fixed {@code currentTime}, anything
 * else with an empty payload), answers pings, and hands a CALLRESULT or CALLERROR to the thread
 * waiting in {@link #call}. The only thing copied per message is the message id, into the
 * answer's buffer.
 */
final class RawWebSocketLine {

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final byte[] HEARTBEAT = HttpWire.ascii("Heartbeat");
  private static final byte[] CURRENT_TIME =
      HttpWire.ascii("{\"currentTime\":\"2026-12-04T08:00:00Z\"}");
  private static final byte[] EMPTY = HttpWire.ascii("{}");

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;

  private byte[] message = new byte[16 * 1024];
  private int messageLength;
  private final byte[] control = new byte[125];
  private byte[] frameOut = new byte[16 * 1024];
  private final byte[] answer = new byte[1024];

  private final Object results = new Object();
  private byte[] result = new byte[16 * 1024];
  private int resultLength;
  private long resultsSeen;
  private volatile String failure;

  private String identity;

  RawWebSocketLine(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Reads the upgrade request and answers it; returns the identity (last path segment). */
  String handshake() throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) next());
    }
    String[] lines = head.toString().split("\r\n");
    String path = lines[0].split(" ")[1];
    String key = null;
    String protocol = null;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("sec-websocket-key")) {
        key = value;
      } else if (name.equals("sec-websocket-protocol")) {
        protocol = value.split(",")[0].trim();
      }
    }
    if (key == null) {
      throw new IOException("not a WebSocket upgrade: " + lines[0]);
    }
    String reply = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept(key) + "\r\n"
        + (protocol == null ? "" : "Sec-WebSocket-Protocol: " + protocol + "\r\n") + "\r\n";
    out.write(HttpWire.ascii(reply));
    out.flush();
    identity = path.substring(path.lastIndexOf('/') + 1);
    return identity;
  }

  private static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1")
          .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves frames until the socket closes. */
  void serve() {
    try {
      while (true) {
        try {
          readMessage();
        } catch (SocketTimeoutException idle) {
          continue; // a quiet line between benchmarks (the timeout strikes between frames)
        }
        onMessage();
      }
    } catch (EOFException | java.net.SocketException closed) {
      failure = "the WebSocket of " + identity + " was closed";
    } catch (IOException | RuntimeException e) {
      failure = "the WebSocket of " + identity + " failed: " + e;
    } finally {
      synchronized (results) {
        results.notifyAll();
      }
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /**
   * Sends a CALL (its text in {@code frame[0..length)}) and waits for the CALLRESULT or
   * CALLERROR, whose text is then in {@link #result()}.
   */
  int call(byte[] frame, int length, long timeoutMillis) throws IOException,
      InterruptedException {
    long seen;
    synchronized (results) {
      seen = resultsSeen;
    }
    writeFrame(0x81, frame, 0, length, null, 0, 0);
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    synchronized (results) {
      while (resultsSeen == seen) {
        if (failure != null) {
          throw new IllegalStateException(failure);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("no answer from the bridge within " + timeoutMillis
              + " ms on the WebSocket of " + identity);
        }
        results.wait(Math.max(1, left / 1_000_000));
      }
      return resultLength;
    }
  }

  /** The last CALLRESULT/CALLERROR received; read it only after {@link #call} returned. */
  byte[] result() {
    return result;
  }

  private void onMessage() throws IOException {
    if (messageLength < 4 || message[0] != '[' || message[2] != ',' || message[3] != '"') {
      throw new IOException("not an OCPP-J frame: " + text());
    }
    int type = message[1] - '0';
    if (type == 2) {
      int idEnd = indexOf('"', 4);
      int actionStart = indexOf('"', idEnd + 1) + 1;
      boolean heartbeat = HttpWire.indexOf(message, messageLength, HEARTBEAT, actionStart)
          == actionStart;
      // [3,"<id>",<payload>]
      int n = 0;
      answer[n++] = '[';
      answer[n++] = '3';
      answer[n++] = ',';
      int idLength = idEnd + 1 - 3;
      System.arraycopy(message, 3, answer, n, idLength);
      n += idLength;
      answer[n++] = ',';
      byte[] payload = heartbeat ? CURRENT_TIME : EMPTY;
      writeFrame(0x81, answer, 0, n, payload, 0, payload.length);
    } else if (type == 3 || type == 4) {
      synchronized (results) {
        if (result.length < messageLength) {
          result = Arrays.copyOf(result, messageLength);
        }
        System.arraycopy(message, 0, result, 0, messageLength);
        resultLength = messageLength;
        resultsSeen++;
        results.notifyAll();
      }
    } else {
      throw new IOException("unexpected OCPP-J message type: " + text());
    }
  }

  private int indexOf(int b, int from) throws IOException {
    for (int i = from; i < messageLength; i++) {
      if (message[i] == b) {
        return i;
      }
    }
    throw new IOException("malformed OCPP-J frame: " + text());
  }

  private String text() {
    return new String(message, 0, Math.min(messageLength, 200), StandardCharsets.UTF_8);
  }

  /** Reads data frames up to the final one of a text message, answering control frames. */
  private void readMessage() throws IOException {
    messageLength = 0;
    while (true) {
      int b0 = next();
      int b1 = next();
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0f;
      if ((b1 & 0x80) == 0) {
        throw new IOException("a client frame without a mask");
      }
      long length = b1 & 0x7f;
      if (length == 126) {
        length = (next() << 8) | next();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | next();
        }
      }
      int m0 = next();
      int m1 = next();
      int m2 = next();
      int m3 = next();
      if (opcode >= 8) {
        readPayload(control, 0, (int) length, m0, m1, m2, m3);
        if (opcode == 8) {
          writeFrame(0x88, control, 0, (int) length, null, 0, 0);
          throw new EOFException("closed by the bridge");
        } else if (opcode == 9) {
          writeFrame(0x8a, control, 0, (int) length, null, 0, 0);
        }
        continue;
      }
      if (messageLength + length > message.length) {
        message = Arrays.copyOf(message, (int) Math.max(message.length * 2L,
            messageLength + length));
      }
      readPayload(message, messageLength, (int) length, m0, m1, m2, m3);
      messageLength += (int) length;
      if (fin) {
        return;
      }
    }
  }

  private void readPayload(byte[] into, int at, int length, int m0, int m1, int m2, int m3)
      throws IOException {
    for (int i = 0; i < length; i++) {
      int mask = switch (i & 3) {
        case 0 -> m0;
        case 1 -> m1;
        case 2 -> m2;
        default -> m3;
      };
      into[at + i] = (byte) (next() ^ mask);
    }
  }

  private int next() throws IOException {
    if (pos == limit) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        throw new EOFException();
      }
      pos = 0;
      limit = n;
    }
    return buf[pos++] & 0xff;
  }

  /**
   * One unmasked frame: {@code a}, then, when {@code b} is not null, {@code b} and a closing
   * {@code ']'}.
   */
  private void writeFrame(int first, byte[] a, int aFrom, int aLength, byte[] b, int bFrom,
      int bLength) throws IOException {
    boolean closeArray = b != null;
    int length = aLength + bLength + (closeArray ? 1 : 0);
    synchronized (out) {
      if (frameOut.length < length + 10) {
        frameOut = new byte[length + 10];
      }
      int n = 0;
      frameOut[n++] = (byte) first;
      if (length < 126) {
        frameOut[n++] = (byte) length;
      } else if (length < 65536) {
        frameOut[n++] = 126;
        frameOut[n++] = (byte) (length >>> 8);
        frameOut[n++] = (byte) length;
      } else {
        frameOut[n++] = 127;
        for (int shift = 56; shift >= 0; shift -= 8) {
          frameOut[n++] = (byte) ((long) length >>> shift);
        }
      }
      System.arraycopy(a, aFrom, frameOut, n, aLength);
      n += aLength;
      if (b != null) {
        System.arraycopy(b, bFrom, frameOut, n, bLength);
        n += bLength;
        frameOut[n++] = ']';
      }
      out.write(frameOut, 0, n);
    }
  }

  void close() throws IOException {
    socket.close();
  }
}
