package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bridge process started under a German JVM locale still answers in English, in valid UTF-8:
 * fault reasons are part of the protocol, not of the host's user interface.
 */
class FaultLocaleTest {

  @TempDir
  Path dir;

  private final CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5",
      new SensibleCsmsAnswers(Clock.systemUTC()));
  private Process bridge;

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.destroyForcibly();
    }
    csms.close();
  }

  /** Verifies the reason of a schema violation under -Duser.language=de. */
  @Test
  void faultReasonsAreEnglishUnderAGermanLocale() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("bridge.yaml");
    Files.writeString(config, """
        soap:
          host: 127.0.0.1
          port: %d
          path: /ocpp
        csms:
          url: %s
        sessions:
          store: memory
        admin:
          enabled: false
        """.formatted(port, csms.url()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    bridge = new ProcessBuilder(java, "-Xmx256m", "-Duser.language=de", "-Duser.country=DE",
        "-cp", System.getProperty("java.class.path"), "io.ocppbridge.app.Main",
        "run", "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("bridge.log").toFile()).start();
    awaitPort(port);

    // a BootNotification whose vendor is longer than its 20 characters, with a non-ASCII letter
    String envelope = "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/'><soap:Header><cs:chargeBoxIdentity>CB-DE"
        + "</cs:chargeBoxIdentity></soap:Header><soap:Body><cs:bootNotificationRequest>"
        + "<cs:chargePointVendor>Größenwahn-Ladetechnik-GmbH</cs:chargePointVendor>"
        + "<cs:chargePointModel>M</cs:chargePointModel></cs:bootNotificationRequest>"
        + "</soap:Body></soap:Envelope>";
    HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/ocpp")).timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/soap+xml; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    String body = strictUtf8(answer.body());
    assertThat(body).contains("Sender").contains("chargePointVendor")
        .contains("xml:lang=\"en\"");
    assertThat(body).as("no German validator text").doesNotContain("ist kein", "gültig",
        "Wert", "Länge", "Facet");
    assertThat(csms.received()).isEmpty();
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private void awaitPort(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!bridge.isAlive()) {
          break;
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("bridge did not listen: " + Files.readString(dir.resolve("bridge.log")));
  }
}
