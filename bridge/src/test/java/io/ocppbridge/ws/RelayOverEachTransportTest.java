package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Charger requests relayed to a real central system over real sockets with each value of
 * {@code csms.transport}: the answer comes back, every request arrived once, and the start-up
 * line names the transport in use. On Linux x86_64 (CI) epoll must be available: its test fails
 * there rather than skip, so a lost native library cannot go unnoticed.
 */
class RelayOverEachTransportTest {

  private static final int CHARGERS = 3;
  private static final int REQUESTS_EACH = 4;

  /** Verifies the relay with csms.transport: nio. */
  @Test
  void relaysOverNio() throws Exception {
    relaysOver("nio", "use nio (Java NIO selector) (csms.transport: nio)");
  }

  /** Verifies the relay with csms.transport: epoll, where Netty's native library is shipped. */
  @Test
  void relaysOverEpoll() throws Exception {
    requireEpollOnLinuxX86();
    relaysOver("epoll", "use epoll (Netty's native transport) (csms.transport: epoll)");
  }

  /** Verifies that auto, the default, takes epoll where it is shipped. */
  @Test
  void autoRelaysOverEpollWhereShipped() throws Exception {
    requireEpollOnLinuxX86();
    relaysOver("auto", "use epoll (Netty's native transport) (csms.transport: auto)");
  }

  /**
   * Skips (assumption) on machines the native library is not built for; fails on Linux x86_64
   * when it does not load there.
   */
  private static void requireEpollOnLinuxX86() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    boolean linuxX86 = os.contains("linux") && ("amd64".equals(arch) || "x86_64".equals(arch));
    assumeTrue(linuxX86, "Netty's epoll library is shipped for Linux x86_64 only, not " + os
        + "/" + arch);
    assertThat(Epoll.isAvailable())
        .as("epoll on Linux x86_64 (cause: %s)", Epoll.unavailabilityCause())
        .isTrue();
  }

  private static void relaysOver(String transport, String startLine) throws Exception {
    try (LogCapture log = LogCapture.of(CsmsClient.class.getName());
        BridgeFixture fixture = BridgeFixture.start(Map.of("csms.transport", transport))) {
      // WHEN a few chargers send a few Heartbeats each through the bridge
      for (int request = 0; request < REQUESTS_EACH; request++) {
        for (int charger = 0; charger < CHARGERS; charger++) {
          HttpResponse<String> response =
              SoapPost.heartbeat15(fixture.soapUrl(), "CB-" + transport + "-" + charger, null);
          // THEN each gets the central system's answer
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.body()).contains("currentTime");
        }
      }
      // AND the central system received each request once, over one connection per charger
      List<ReceivedCall> received = fixture.csms().received();
      assertThat(received).hasSize(CHARGERS * REQUESTS_EACH)
          .allSatisfy(call -> assertThat(call.action()).isEqualTo("Heartbeat"));
      assertThat(fixture.csms().acceptedConnections()).isEqualTo(CHARGERS);
      // AND the start-up log says once which transport carries them
      assertThat(log.lines()).filteredOn(line -> line.contains("connections to the central"))
          .singleElement().asString().startsWith("INFO").contains(startLine);
    }
  }
}
