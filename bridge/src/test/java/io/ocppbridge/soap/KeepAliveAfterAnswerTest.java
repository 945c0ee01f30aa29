package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.testsupport.BridgeFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A charger's keep-alive connection serves its next request at once after each kind of answer:
 * one relayed while the request was suspended, and a refusal given before it ever was. Each
 * exchange's asynchronous cycle must end with its answer (the bridge leaves the end of a
 * suspended one to Jetty), or the connection would hang on the next request.
 */
class KeepAliveAfterAnswerTest {

  private static final int TIMEOUT_MILLIS = 5_000;
  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start(Map.of("chargers.allowUnknown", "false",
        "chargers.KEEP-1.validation", "strict"));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void relayedAnswersAndRefusalsLeaveTheConnectionServing() throws IOException {
    URI url = fixture.soapUrl();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      // relayed (suspended), refused at once (never suspended), and in turn again
      String[] identities = {"KEEP-1", "STRANGER", "KEEP-1", "STRANGER", "KEEP-1"};
      for (String identity : identities) {
        String answer = exchange(socket, url, identity);
        if (identity.equals("KEEP-1")) {
          assertThat(answer).startsWith("HTTP/1.1 200").contains("heartbeatResponse");
        } else {
          assertThat(answer).doesNotStartWith("HTTP/1.1 200").contains("SecurityError");
        }
      }
    }
  }

  /** One request on the open connection and its whole answer, read by its Content-Length. */
  static String exchange(Socket socket, URI url, String identity) throws IOException {
    byte[] body = heartbeat(identity).getBytes(StandardCharsets.UTF_8);
    String head = "POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
        + url.getPort() + "\r\nContent-Type: application/soap+xml; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      assertThat(b).as("the answer's headers end").isNotNegative();
      headers.write(b);
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)
          ? matched + 1 : 0;
    }
    String text = headers.toString(StandardCharsets.US_ASCII);
    int length = contentLength(text);
    assertThat(length).as("a Content-Length in " + text).isNotNegative();
    byte[] rest = in.readNBytes(length);
    assertThat(rest).hasSize(length);
    return text + new String(rest, StandardCharsets.UTF_8);
  }

  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return -1;
  }

  private static String heartbeat(String identity) {
    return "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/' xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
        + "<soap:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:" + UUID.randomUUID()
        + "</wsa:MessageID></soap:Header><soap:Body><cs:heartbeatRequest/></soap:Body>"
        + "</soap:Envelope>";
  }
}
