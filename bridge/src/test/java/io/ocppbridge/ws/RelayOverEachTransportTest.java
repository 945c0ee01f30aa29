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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    relaysOver("nio", Map.of(), "use nio (Java NIO selector) on " + defaultLoops()
        + " (csms.transport: nio)");
  }

  /** Verifies the relay with csms.transport: epoll, where Netty's native library is shipped. */
  @Test
  void relaysOverEpoll() throws Exception {
    requireEpollOnLinuxX86();
    relaysOver("epoll", Map.of(), "use epoll (Netty's native transport) on " + defaultLoops()
        + " (csms.transport: epoll)");
  }

  /** Verifies that auto, the default, takes epoll where it is shipped. */
  @Test
  void autoRelaysOverEpollWhereShipped() throws Exception {
    requireEpollOnLinuxX86();
    relaysOver("auto", Map.of(), "use epoll (Netty's native transport) on " + defaultLoops()
        + " (csms.transport: auto)");
  }

  /**
   * Verifies that csms.ioThreads sets how many event loops carry the connections: the chargers'
   * connections are spread over that many threads, and the start-up log says so.
   */
  @Test
  void spreadsConnectionsOverTheEventLoopsAsked() throws Exception {
    Set<String> loops = relaysOver("nio", Map.of("csms.ioThreads", "3"),
        "use nio (Java NIO selector) on 3 event-loop threads (csms.transport: nio)");
    assertThat(loops).hasSize(3);
  }

  /** What the start-up log says of the default number of loops on this machine. */
  private static String defaultLoops() {
    int loops = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return loops + (loops == 1 ? " event-loop thread" : " event-loop threads");
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

  /** Returns the names of the bridge's event-loop threads that carried the connections. */
  private static Set<String> relaysOver(String transport, Map<String, String> settings,
      String startLine) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(settings);
    all.put("csms.transport", transport);
    try (LogCapture log = LogCapture.of(CsmsClient.class.getName());
        BridgeFixture fixture = BridgeFixture.start(all)) {
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
      return newestLoopThreads();
    }
  }

  /**
   * The threads of the event-loop group started last ({@code csms-ws-<group>-<n>}): those of the
   * bridge under test, whatever other tests of this JVM left behind.
   */
  private static Set<String> newestLoopThreads() {
    Pattern name = Pattern.compile("csms-ws-(\\d+)-\\d+");
    java.util.TreeMap<Integer, Set<String>> byGroup = new java.util.TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      Matcher m = name.matcher(t.getName());
      if (m.matches()) {
        byGroup.computeIfAbsent(Integer.parseInt(m.group(1)), g -> new java.util.HashSet<>())
            .add(t.getName());
      }
    }
    assertThat(byGroup).as("event-loop threads of the bridge").isNotEmpty();
    return byGroup.lastEntry().getValue();
  }
}
