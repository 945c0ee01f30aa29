package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SOAP listener's limits under hostile traffic, over real sockets: hundreds of connections
 * trickling a body do not keep chargers that send whole requests from being answered, and each
 * is closed by the bridge, answered 408 and counted; a body too slow for the minimum rate is
 * closed early; connections and requests beyond their caps are turned away and counted. Every
 * count is read from the admin listener's {@code /metrics}.
 */
class EdgeLimitsTest {

  private static final Pattern REFUSED = Pattern.compile(
      "bridge_soap_edge_refused_total\\{reason=\"([a-z-]+)\"} ([0-9.E]+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * Verifies that 300 connections trickling a 100,000-byte body one byte a second are all closed
   * by the bridge at the body deadline, while five chargers' Heartbeats sent meanwhile are all
   * answered.
   */
  @Test
  void slowBodiesDoNotLockChargersOutAndAreClosedAtTheDeadline() throws Exception {
    // GIVEN a bridge whose bodies must arrive within 8 s (no minimum rate: the deadline acts)
    try (BridgeFixture fixture = BridgeFixture.start(Map.of(
        "soap.limits.bodyTimeout", "8s", "soap.limits.minBodyRate", "0"))) {
      // AND 300 connections that declared 100,000 bytes of body and trickle it
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        slow.add(slowBody(fixture.soapUrl()));
      }
      long chaosStart = System.nanoTime();
      ExecutorService trickle = Executors.newSingleThreadExecutor();
      Future<?> trickling = trickle.submit(() -> trickle(slow, Duration.ofSeconds(12)));

      // WHEN five chargers send Heartbeats while the slow bodies hold their connections
      List<HttpResponse<String>> answers = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (int c = 0; c < 5; c++) {
          String identity = "CB-EDGE-" + c;
          sent.add(CompletableFuture.supplyAsync(() -> heartbeat(fixture.soapUrl(), identity)));
        }
        for (CompletableFuture<HttpResponse<String>> f : sent) {
          answers.add(f.get(20, TimeUnit.SECONDS));
        }
        sent.clear();
      }
      long heartbeatsDone = System.nanoTime();

      // THEN every Heartbeat was answered, all of them before the slow bodies' deadline
      assertThat(answers).hasSize(20).allSatisfy(r -> {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("heartbeatResponse");
      });
      assertThat(TimeUnit.NANOSECONDS.toSeconds(heartbeatsDone - chaosStart))
          .as("the Heartbeats overlapped the slow bodies").isLessThan(8);
      // AND every slow connection was closed by the bridge, with a 408 fault naming the limit
      int closed = 0;
      int timedOut = 0;
      for (Socket s : slow) {
        String answer = readUntilClosed(s, 15_000);
        if (answer != null) {
          closed++;
          if (answer.startsWith("HTTP/1.1 408") && answer.contains("soap.limits.bodyTimeout")) {
            timedOut++;
          }
        }
      }
      trickling.cancel(true);
      trickle.shutdownNow();
      assertThat(closed).isEqualTo(300);
      assertThat(timedOut).isGreaterThanOrEqualTo(290);
      // AND the refusals are counted by reason
      assertThat(refusals(fixture).get("body-timeout")).isGreaterThanOrEqualTo(300);
    }
  }

  /** Verifies that a body slower than the minimum rate is closed within seconds, not at 20 s. */
  @Test
  void closesBodiesSlowerThanTheMinimumRate() throws Exception {
    // GIVEN a bridge with the default limits (128 bytes a second after 2 s, 20 s in all)
    try (BridgeFixture fixture = BridgeFixture.start(Map.of())) {
      // WHEN 20 connections trickle a body at one byte a second
      List<Socket> slow = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        slow.add(slowBody(fixture.soapUrl()));
      }
      long start = System.nanoTime();
      ExecutorService trickle = Executors.newSingleThreadExecutor();
      trickle.submit(() -> trickle(slow, Duration.ofSeconds(15)));

      // THEN each is answered 408 naming the minimum rate and closed, long before 20 s
      for (Socket s : slow) {
        String answer = readUntilClosed(s, 15_000);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("soap.limits.minBodyRate");
      }
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
      trickle.shutdownNow();
      assertThat(refusals(fixture).get("slow-body")).isGreaterThanOrEqualTo(20);
      // AND a charger is answered afterwards
      assertThat(heartbeat(fixture.soapUrl(), "CB-AFTER-SLOW").statusCode()).isEqualTo(200);
    }
  }

  /** Verifies that connections beyond maxConnections are closed at once, and counted. */
  @Test
  void closesConnectionsBeyondTheCap() throws Exception {
    // GIVEN a bridge taking 20 connections at most, holding 20 silent ones
    try (BridgeFixture fixture = BridgeFixture.start(Map.of(
        "soap.limits.maxConnections", "20"))) {
      List<Socket> held = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", fixture.soapUrl().getPort()), 5000);
        held.add(s);
      }
      waitForConnections(fixture, 20);

      // WHEN five more connect
      List<Socket> extra = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", fixture.soapUrl().getPort()), 5000);
        extra.add(s);
      }

      // THEN each of them is closed by the bridge at once, and counted
      for (Socket s : extra) {
        assertThat(readUntilClosed(s, 10_000)).isEqualTo("");
      }
      assertThat(refusals(fixture).get("max-connections")).isEqualTo(5);
      // AND once the silent ones are gone a charger is answered again
      for (Socket s : held) {
        s.close();
      }
      waitForConnections(fixture, 0);
      assertThat(heartbeat(fixture.soapUrl(), "CB-AFTER-CAP").statusCode()).isEqualTo(200);
    }
  }

  /**
   * Verifies that requests beyond maxRequests get a 503 Receiver fault with Retry-After and
   * never reach the central system.
   */
  @Test
  void refusesRequestsBeyondTheCapWithRetryAfter() throws Exception {
    // GIVEN a bridge taking 2 requests at once, whose central system answers after 3 s
    try (BridgeFixture fixture = BridgeFixture.start(Map.of("soap.limits.maxRequests", "2"))) {
      SensibleCsmsAnswers sensible = new SensibleCsmsAnswers(Clock.systemUTC());
      fixture.csms().replyWith(call -> CsmsReply.after(Duration.ofSeconds(3),
          sensible.apply(call).frameText()));
      // AND two Heartbeats waiting for it
      List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String identity = "CB-HELD-" + i;
        held.add(CompletableFuture.supplyAsync(() -> heartbeat(fixture.soapUrl(), identity)));
      }
      waitForRequests(fixture, 2);

      // WHEN a third charger sends one
      HttpResponse<String> third = heartbeat(fixture.soapUrl(), "CB-THIRD");

      // THEN it gets 503 with Retry-After and a Receiver fault naming the limit
      assertThat(third.statusCode()).as(third.body()).isEqualTo(503);
      assertThat(third.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(third.body()).contains(":Receiver<").contains("soap.limits.maxRequests");
      // AND it never reached the central system, while the two held ones are answered
      for (CompletableFuture<HttpResponse<String>> f : held) {
        assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      assertThat(fixture.csms().received()).noneMatch(c -> "CB-THIRD".equals(c.chargerId()));
      assertThat(refusals(fixture).get("max-requests")).isEqualTo(1);
    }
  }

  /**
   * Verifies that a connection trickling its request headers is closed at the headers deadline,
   * while an idle kept-alive connection is not.
   */
  @Test
  void closesConnectionsWhoseHeadersTrickle() throws Exception {
    // GIVEN a bridge whose request heads must arrive within 2 s
    try (BridgeFixture fixture = BridgeFixture.start(Map.of(
        "soap.limits.headersTimeout", "2s"))) {
      // AND a connection that sends its request line and then one header byte a second
      Socket slow = new Socket();
      slow.connect(new InetSocketAddress("127.0.0.1", fixture.soapUrl().getPort()), 5000);
      slow.getOutputStream().write(("POST " + fixture.soapUrl().getPath() + " HTTP/1.1\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      // AND a connection that opened and sends nothing (idle)
      Socket idle = new Socket();
      idle.connect(new InetSocketAddress("127.0.0.1", fixture.soapUrl().getPort()), 5000);
      long start = System.nanoTime();
      ExecutorService trickle = Executors.newSingleThreadExecutor();
      trickle.submit(() -> trickle(List.of(slow), Duration.ofSeconds(15)));

      // THEN the trickling one is closed by the bridge well before the idle timeout (30 s)
      assertThat(readUntilClosed(slow, 12_000)).isNotNull();
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(12);
      trickle.shutdownNow();
      assertThat(refusals(fixture).get("headers-timeout")).isEqualTo(1);
      // AND the idle one is still open
      idle.setSoTimeout(200);
      try {
        assertThat(idle.getInputStream().read()).as("idle connection closed").isNotEqualTo(-1);
      } catch (SocketTimeoutException stillOpen) {
        // open, as it should be
      }
      idle.close();
    }
  }

  /** Verifies that soap.senderFaultStatus 500 puts SOAP 1.2 Sender faults under HTTP 500. */
  @Test
  void senderFaultStatusCanBe500ForLegacySoapStacks() throws Exception {
    // GIVEN a bridge configured for SOAP stacks that read faults only under 500
    try (BridgeFixture fixture = BridgeFixture.start(Map.of("soap.senderFaultStatus", "500"))) {
      // WHEN a charger posts a Heartbeat without its identity (its own mistake)
      HttpResponse<String> response = SoapPost.post(fixture.soapUrl(),
          "application/soap+xml; charset=utf-8", "<soap:Envelope xmlns:soap="
              + "'http://www.w3.org/2003/05/soap-envelope'><soap:Body><cs:heartbeatRequest"
              + " xmlns:cs='urn://Ocpp/Cs/2012/06/'/></soap:Body></soap:Envelope>");

      // THEN it gets its Sender fault under HTTP 500
      assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
      assertThat(response.body()).contains(":Sender<").contains("ProtocolError");
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A connection that sent a POST's head declaring 100,000 bytes and the body's first byte. */
  private static Socket slowBody(URI bridge) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", bridge.getPort()), 10_000);
    OutputStream out = s.getOutputStream();
    out.write(("POST " + bridge.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/soap+xml; charset=utf-8\r\n"
        + "Content-Length: 100000\r\n\r\n<").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  /** One byte a second on every connection still writable, for {@code span}. */
  private static void trickle(List<Socket> sockets, Duration span) {
    long end = System.nanoTime() + span.toNanos();
    List<Socket> open = new ArrayList<>(sockets);
    while (System.nanoTime() < end && !open.isEmpty()) {
      open.removeIf(s -> {
        try {
          s.getOutputStream().write('x');
          s.getOutputStream().flush();
          return false;
        } catch (IOException e) {
          return true; // closed by the bridge
        }
      });
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** What the server sent before it closed the connection; null if it did not within the time. */
  private static String readUntilClosed(Socket s, int timeoutMillis) throws IOException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    StringBuilder got = new StringBuilder();
    byte[] buffer = new byte[4096];
    try (s) {
      InputStream in = s.getInputStream();
      while (System.nanoTime() < end) {
        s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        int n;
        try {
          n = in.read(buffer);
        } catch (SocketTimeoutException e) {
          return null;
        } catch (IOException e) {
          return got.toString(); // reset by the bridge: closed too
        }
        if (n < 0) {
          return got.toString();
        }
        got.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
      return null;
    }
  }

  private static HttpResponse<String> heartbeat(URI bridge, String identity) {
    try {
      return SoapPost.heartbeat15(bridge, identity, null);
    } catch (Exception e) {
      throw new IllegalStateException("Heartbeat of " + identity + " failed: " + e, e);
    }
  }

  /** The SOAP listener's refusals by reason, as the admin listener's /metrics shows them. */
  private static Map<String, Long> refusals(BridgeFixture fixture) throws Exception {
    Map<String, Long> counts = new java.util.HashMap<>();
    Matcher m = REFUSED.matcher(metrics(fixture));
    while (m.find()) {
      counts.put(m.group(1), (long) Double.parseDouble(m.group(2)));
    }
    return counts;
  }

  private static String metrics(BridgeFixture fixture) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + fixture.bridge().adminPort() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void waitForConnections(BridgeFixture fixture, int expected) throws Exception {
    waitForGauge(fixture, "bridge_soap_connections", expected);
  }

  private static void waitForRequests(BridgeFixture fixture, int expected) throws Exception {
    waitForGauge(fixture, "bridge_soap_requests_in_flight", expected);
  }

  private static void waitForGauge(BridgeFixture fixture, String gauge, int expected)
      throws Exception {
    Pattern line = Pattern.compile("(?m)^" + gauge + " ([0-9.E]+)$");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    String last = "";
    while (System.nanoTime() < end) {
      Matcher m = line.matcher(metrics(fixture));
      if (m.find()) {
        last = m.group(1);
        if ((int) Double.parseDouble(last) == expected) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(gauge + " did not reach " + expected + " (last " + last + ")");
  }
}
