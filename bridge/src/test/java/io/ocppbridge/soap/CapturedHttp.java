package io.ocppbridge.soap;

import io.ocppbridge.testsupport.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Replays a recorded HTTP request byte for byte and reads the one response. Only the request
 * line's path is rewritten (the recorded {@code POST / } becomes the bridge's path); headers and
 * body stay as recorded. Requests recorded with {@code Connection: close} go through
 * {@link RawHttp}; the hand-written ones ocppjs sent with {@code keep-alive} are read up to the end
 * of the first response, since the server rightly keeps that connection open.
 */
final class CapturedHttp {

  private static final byte[] RECORDED_REQUEST_LINE_START =
      "POST / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

  private CapturedHttp() {}

  /** The parsed response: status, headers (lower-case names) and de-chunked body. */
  record Reply(int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Document xml() throws Exception {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + headers + "\n" + bodyText();
    }
  }

  /** The recorded request with {@code POST / HTTP/1.1} turned into {@code POST <path> HTTP/1.1}. */
  static byte[] retargeted(byte[] recorded, String path) {
    if (!Arrays.equals(recorded, 0, RECORDED_REQUEST_LINE_START.length,
        RECORDED_REQUEST_LINE_START, 0, RECORDED_REQUEST_LINE_START.length)) {
      throw new IllegalArgumentException("the capture does not start with 'POST / HTTP/1.1'");
    }
    byte[] line = ("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(recorded.length + line.length);
    out.write(line, 0, line.length);
    out.write(recorded, RECORDED_REQUEST_LINE_START.length,
        recorded.length - RECORDED_REQUEST_LINE_START.length);
    return out.toByteArray();
  }

  /** The body of a recorded request (after the blank line), as declared by its head. */
  static byte[] body(byte[] request) {
    int end = headEnd(request);
    return Arrays.copyOfRange(request, end, request.length);
  }

  /** The request's {@code Content-Length}, or -1. */
  static int declaredContentLength(byte[] request) {
    String length = headers(request, headEnd(request)).get("content-length");
    return length == null ? -1 : Integer.parseInt(length.trim());
  }

  /** Sends the bytes to {@code target}'s host and port and reads the response. */
  static Reply send(byte[] request, URI target, int timeoutMillis) throws IOException {
    String connection = headers(request, headEnd(request)).getOrDefault("connection", "");
    if (connection.equalsIgnoreCase("close")) {
      String raw = RawHttp.exchange(target.getHost(), target.getPort(), request, timeoutMillis);
      Reply reply = parse(raw.getBytes(StandardCharsets.UTF_8), true);
      if (reply == null) {
        throw new IOException("incomplete HTTP response: " + raw);
      }
      return reply;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
        Reply reply = parse(received.toByteArray(), false);
        if (reply != null) {
          return reply;
        }
      }
      Reply reply = parse(received.toByteArray(), true);
      if (reply == null) {
        throw new IOException("connection closed before a whole response: " + received);
      }
      return reply;
    }
  }

  /** One response from the start of {@code raw}, or null while it is incomplete. */
  private static Reply parse(byte[] raw, boolean complete) {
    int end = headEnd(raw);
    if (end < 0) {
      return null;
    }
    String statusLine = new String(raw, 0, indexOf(raw, "\r\n".getBytes(), 0),
        StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = headers(raw, end);
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(raw, end);
    } else if (headers.containsKey("content-length")) {
      int length = Integer.parseInt(headers.get("content-length").trim());
      body = raw.length - end >= length ? Arrays.copyOfRange(raw, end, end + length) : null;
    } else {
      body = complete ? Arrays.copyOfRange(raw, end, raw.length) : null;
    }
    return body == null ? null : new Reply(status, headers, body);
  }

  private static byte[] dechunk(byte[] raw, int from) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int pos = from;
    while (true) {
      int lineEnd = indexOf(raw, "\r\n".getBytes(), pos);
      if (lineEnd < 0) {
        return null;
      }
      String sizeText = new String(raw, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
      if (size == 0) {
        return body.toByteArray();
      }
      if (raw.length < lineEnd + 2 + size + 2) {
        return null;
      }
      body.write(raw, lineEnd + 2, size);
      pos = lineEnd + 2 + size + 2;
    }
  }

  /** Index just after the blank line ending the head, or -1. */
  private static int headEnd(byte[] message) {
    int i = indexOf(message, "\r\n\r\n".getBytes(), 0);
    return i < 0 ? -1 : i + 4;
  }

  private static Map<String, String> headers(byte[] message, int headEnd) {
    Map<String, String> headers = new LinkedHashMap<>();
    String head = new String(message, 0, headEnd, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
