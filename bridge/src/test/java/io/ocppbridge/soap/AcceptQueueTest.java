package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.SoapPost;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The SOAP listener's accept queue ({@code soap.limits.acceptQueue}), read back from the kernel:
 * {@code ss} reports a listening socket's queue length as its Send-Q. Under CI the test fails
 * rather than skips when {@code ss} (Debian's iproute2, installed by {@code .ci/run}) is missing.
 */
class AcceptQueueTest {

  @Nested
  class OnTheListeningSocket {

    /** Verifies the starting point: a CXF listener left to its defaults queues 50. */
    @Test
    void cxfLeftToItsDefaultsQueuesFifty() throws Exception {
      Bus bus = BusFactory.newInstance().createBus();
      int port = Ports.concrete("127.0.0.1", 0);
      Server server = publishEcho(bus, "http://127.0.0.1:" + port + "/echo");
      try {
        // GIVEN a CXF endpoint published the usual way WHEN the kernel is asked
        // THEN its listening socket queues the JDK's default of 50
        assertThat(queueLength(port)).isEqualTo(Math.min(50, somaxconn()));
      } finally {
        server.destroy();
        bus.shutdown(true);
      }
    }

    /** Verifies that the SOAP listener asks the kernel for its default of 1024. */
    @Test
    void theSoapListenerQueuesItsDefault() throws Exception {
      try (BridgeFixture fixture = BridgeFixture.start(Map.of())) {
        // GIVEN the bridge on its defaults WHEN the kernel is asked
        // THEN the SOAP port queues 1024 (or the kernel's cap, when lower)
        assertThat(queueLength(fixture.soapUrl().getPort()))
            .isEqualTo(Math.min(1024, somaxconn()));
      }
    }

    /** Verifies that a configured length reaches the kernel and that the listener serves. */
    @Test
    void theSoapListenerQueuesWhatIsConfigured() throws Exception {
      try (BridgeFixture fixture = BridgeFixture.start(
          Map.of("soap.limits.acceptQueue", "333"))) {
        // GIVEN soap.limits.acceptQueue: 333 WHEN the kernel is asked
        // THEN the SOAP port queues 333, and a charger is still answered on it
        assertThat(queueLength(fixture.soapUrl().getPort()))
            .isEqualTo(Math.min(333, somaxconn()));
        assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "ACCEPT-1", "http://127.0.0.1:9/cp")
            .body()).contains("heartbeatResponse");
      }
    }
  }

  @Nested
  class WhileStarting {

    /**
     * Verifies that a held listener leaves a new connection in the kernel's queue, unanswered,
     * until it is released, and that the endpoint then answers on that same connection. So the
     * moment in which CXF has opened the port but not yet added the endpoint (where Jetty would
     * answer 404) serves nobody.
     */
    @Test
    void aHeldListenerAnswersAConnectionOnlyOnceReleased() throws Exception {
      Bus bus = BusFactory.newInstance().createBus();
      int port = Ports.concrete("127.0.0.1", 0);
      AcceptQueue.prepareHeld(bus, "127.0.0.1", port, 64);
      Server server = publishEcho(bus, "http://127.0.0.1:" + port + "/echo");
      try (Socket client = new Socket("127.0.0.1", port)) {
        // GIVEN the endpoint published on a held listener, and a client that connected and sent
        // a request
        client.getOutputStream().write(("GET /echo?wsdl HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.setSoTimeout(700);
        // THEN nothing is answered while the listener is held
        assertThatThrownBy(() -> client.getInputStream().read())
            .isInstanceOf(SocketTimeoutException.class);
        // WHEN it is released THEN the endpoint answers that same connection
        AcceptQueue.release(
            CxfEngines.of(bus).retrieveJettyHTTPServerEngine(port).getConnector());
        client.setSoTimeout(10_000);
        String answer = new String(client.getInputStream().readAllBytes(),
            StandardCharsets.US_ASCII);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("name=\"Echo\"");
      } finally {
        server.destroy();
        bus.shutdown(true);
      }
    }
  }

  @Nested
  class AtStart {

    /** Verifies the start-up line when the kernel gives what was asked. */
    @Test
    void logsTheLengthAsked() {
      try (LogCapture log = LogCapture.of("io.ocppbridge.soap.AcceptQueue")) {
        // GIVEN a kernel cap above the length WHEN the listener starts
        AcceptQueue.logAtStart("SOAP listener", "soap.limits.acceptQueue", 1024,
            OptionalInt.of(4096));
        // THEN one INFO line names the length and its key
        assertThat(log.lines()).containsExactly(
            "INFO io.ocppbridge.soap.AcceptQueue SOAP listener accept queue: 1024 connections (soap.limits.acceptQueue)");
      }
    }

    /** Verifies the warning when the kernel's cap is below the length asked. */
    @Test
    void warnsWhenTheKernelCapsIt() {
      try (LogCapture log = LogCapture.of("io.ocppbridge.soap.AcceptQueue")) {
        // GIVEN net.core.somaxconn at 128 WHEN the listener asks for 1024
        AcceptQueue.logAtStart("SOAP listener", "soap.limits.acceptQueue", 1024,
            OptionalInt.of(128));
        // THEN a warning says what the kernel gives and how to raise it
        assertThat(log.warnings()).singleElement().asString()
            .contains("128 connections, not the 1024 asked (soap.limits.acceptQueue)")
            .contains("sysctl -w net.core.somaxconn=1024");
      }
    }
  }

  /** The queue length of the socket listening on {@code port}, as the kernel reports it. */
  static int queueLength(int port) throws IOException, InterruptedException {
    String ss = Files.isExecutable(Path.of("/usr/bin/ss")) ? "/usr/bin/ss" : "/bin/ss";
    boolean present = Files.isExecutable(Path.of(ss));
    if (System.getenv("CI") == null) {
      assumeTrue(present, "ss (iproute2) is not installed");
    }
    assertThat(present).as("ss (iproute2), which .ci/run installs").isTrue();
    Process p = new ProcessBuilder(ss, "-ltnH", "sport = :" + port).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("ss finished").isTrue();
    // LISTEN  Recv-Q  Send-Q  Local-Address:Port  Peer-Address:Port
    String[] fields = out.trim().split("\\s+");
    assertThat(fields).as("ss's line for port %d: %s", port, out).hasSizeGreaterThan(3);
    return Integer.parseInt(fields[2]);
  }

  /** The kernel's cap on every listener's queue. */
  private static int somaxconn() throws IOException {
    return Integer.parseInt(
        Files.readAllLines(Path.of("/proc/sys/net/core/somaxconn")).get(0).trim());
  }

  /** {@link Echo} published by CXF on {@code bus} at {@code address}. */
  static Server publishEcho(Bus bus, String address) {
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(new Echo());
    factory.setAddress(address);
    return factory.create();
  }

  /** The smallest service CXF will publish. */
  @jakarta.jws.WebService(serviceName = "Echo", targetNamespace = "urn://ocppbridge.io/test")
  public static class Echo {
    public String echo(String text) {
      return text;
    }
  }
}
