package io.ocppbridge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.logging.MessageTrace;
import io.ocppbridge.testsupport.BridgeFixture;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin listener against DNS rebinding (only allowed {@code Host} headers are answered) and
 * with a bound on the trace set, over real sockets with hand-written requests (a browser's
 * {@code Host} header cannot be set through {@code java.net.http}).
 */
class AdminHostAndTraceLimitTest {

  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start(Map.of("admin.maxTraced", "2"));
  }

  @AfterAll
  static void stop() {
    for (String id : MessageTrace.selected()) {
      MessageTrace.deselect(new ChargerId(id));
    }
    fixture.close();
  }

  /** Verifies that a page whose name resolves to the bridge reads nothing but health. */
  @Test
  void aForeignHostNameIsRefusedButHealthStaysOpen() throws Exception {
    String refused = request("GET", "/api/chargers", "attacker.example:9090");
    assertThat(refused).startsWith("HTTP/1.1 421").contains("admin.allowedHosts");
    assertThat(request("GET", "/metrics", "attacker.example")).startsWith("HTTP/1.1 421");
    assertThat(request("PUT", "/api/chargers/CB-H/trace", "attacker.example"))
        .startsWith("HTTP/1.1 421");
    assertThat(MessageTrace.isSelected(new ChargerId("CB-H"))).isFalse();
    assertThat(request("GET", "/health/ready", "attacker.example")).startsWith("HTTP/1.1 200");
    // the names an operator on the host uses are answered, with or without port
    assertThat(request("GET", "/api/chargers", "localhost:" + fixture.bridge().adminPort()))
        .startsWith("HTTP/1.1 200");
    assertThat(request("GET", "/api/chargers", "127.0.0.1")).startsWith("HTTP/1.1 200");
    assertThat(request("GET", "/api/chargers", "[::1]:1")).startsWith("HTTP/1.1 200");
    assertThat(request("GET", "/metrics", "localhost")).contains("bridge_admin_refused_total{"
        + "reason=\"host\"} 3.0");
  }

  /** Verifies that the trace set holds at most admin.maxTraced chargers. */
  @Test
  void theTraceSetIsBounded() throws Exception {
    assertThat(request("PUT", "/api/chargers/CB-T1/trace", "localhost")).startsWith("HTTP/1.1 200");
    assertThat(request("PUT", "/api/chargers/CB-T2/trace", "localhost")).startsWith("HTTP/1.1 200");
    String full = request("PUT", "/api/chargers/CB-T3/trace", "localhost");
    assertThat(full).startsWith("HTTP/1.1 409").contains("admin.maxTraced");
    assertThat(MessageTrace.isSelected(new ChargerId("CB-T3"))).isFalse();
    // switching on one already traced is not a new entry; switching one off makes room
    assertThat(request("PUT", "/api/chargers/CB-T2/trace", "localhost")).startsWith("HTTP/1.1 200");
    assertThat(request("DELETE", "/api/chargers/CB-T1/trace", "localhost"))
        .startsWith("HTTP/1.1 200");
    assertThat(request("PUT", "/api/chargers/CB-T3/trace", "localhost")).startsWith("HTTP/1.1 200");
    MessageTrace.deselect(new ChargerId("CB-T2"));
    MessageTrace.deselect(new ChargerId("CB-T3"));
  }

  private static String request(String method, String path, String host) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", fixture.bridge().adminPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host
          + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}
