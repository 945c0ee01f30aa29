package io.ocppbridge.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.SoapPost;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge is killed with {@code kill -9} (a child JVM running {@code Main run --config}) and
 * started again with the same registry file (issue 5, item 9): the chargers it had flushed come
 * back to the central system on their own, with no SOAP request and no invented message.
 */
class BridgeKillTest {

  private static final int CHARGERS = 5;
  private static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);

  @TempDir
  Path dir;

  private CsmsSimulator csms;
  private final List<Process> children = new ArrayList<>();

  @BeforeEach
  void startCentralSystem() {
    csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
        new SensibleCsmsAnswers(Clock.systemUTC()));
  }

  @AfterEach
  void killChildrenAndCentralSystem() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    csms.close();
  }

  /**
   * Verifies that after a kill -9 and a restart the bridge reconnects every charger it had
   * flushed to its registry, without a SOAP request and without sending any CALL.
   */
  @Test
  void restartedBridgeReconnectsFlushedChargersWithoutARequest() throws Exception {
    // GIVEN a bridge in a child JVM with an H2 registry, and 5 chargers that sent a Heartbeat
    int soapPort = freePort();
    Path config = writeConfig(soapPort);
    Process first = startBridge(config, "first");
    URI soapUrl = URI.create("http://127.0.0.1:" + soapPort + "/ocpp");
    awaitPort(soapPort, first, Duration.ofSeconds(30));
    for (int i = 0; i < CHARGERS; i++) {
      assertThat(SoapPost.heartbeat15(soapUrl, "KILL-" + i, null).statusCode()).isEqualTo(200);
    }
    assertThat(await(csms::connectionCount, n -> n == CHARGERS, Duration.ofSeconds(5)))
        .isEqualTo(CHARGERS);
    Thread.sleep(FLUSH_INTERVAL.multipliedBy(3).toMillis()); // lets the write-behind flush once

    // WHEN the bridge is killed with SIGKILL
    first.destroyForcibly();
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

    // THEN the central system sees every connection drop
    assertThat(await(csms::connectionCount, n -> n == 0, Duration.ofSeconds(5))).isZero();
    int callsBeforeRestart = csms.received().size();
    int acceptedBeforeRestart = csms.acceptedConnections();

    // WHEN a second bridge starts with the same configuration, and no charger sends anything
    Process second = startBridge(config, "second");
    // (a JVM start takes its time on a loaded machine: the clock below starts once it listens)
    awaitPort(soapPort, second, Duration.ofSeconds(30));

    // THEN the central system gets all 5 chargers connected again within 10 s, and no CALL
    assertThat(await(csms::connectionCount, n -> n == CHARGERS, Duration.ofSeconds(10)))
        .as(() -> "chargers reconnected; second bridge's output:\n" + output("second")).isEqualTo(CHARGERS);
    assertThat(csms.acceptedConnections() - acceptedBeforeRestart).isEqualTo(CHARGERS);
    assertThat(csms.received()).as("no invented BootNotification or other CALL")
        .hasSize(callsBeforeRestart);
  }

  /** What a child bridge printed, for the failure message. */
  private String output(String name) {
    try {
      return Files.readString(dir.resolve(name + "-bridge.log"));
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private Path writeConfig(int soapPort) throws IOException {
    Path config = dir.resolve("bridge.yaml");
    Files.writeString(config, """
        soap:
          host: 127.0.0.1
          port: %d
          path: /ocpp
          shutdownGrace: 1s
        csms:
          url: %s
          callTimeout: 5s
          connectTimeout: 2s
          reconnectFloor: 100ms
          reconnectCeiling: 500ms
        sessions:
          store: %s
          flushInterval: %dms
        admin:
          port: 0
        """.formatted(soapPort, csms.url(), dir.resolve("registry").toString().replace('\\', '/'),
        FLUSH_INTERVAL.toMillis()));
    return config;
  }

  private Process startBridge(Path config, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), "io.ocppbridge.app.Main",
        "run", "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + "-bridge.log").toFile())
        .start();
    children.add(child);
    return child;
  }

  /** Polls until {@code value} satisfies {@code done} or {@code timeout} passes; the last value. */
  private static int await(IntSupplier value, IntPredicate done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int last = value.getAsInt();
    while (!done.test(last) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      last = value.getAsInt();
    }
    return last;
  }

  private void awaitPort(int port, Process child, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive()).as("bridge child alive; output in %s", dir).isTrue();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("bridge SOAP port " + port + " did not open; output in " + dir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
