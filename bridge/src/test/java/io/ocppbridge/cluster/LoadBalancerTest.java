package io.ocppbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.testsupport.Poll;
import io.ocppbridge.testsupport.PostgresServer;
import io.ocppbridge.testsupport.SoapPost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code config/haproxy.cfg} in a real HAProxy (Debian's {@code /usr/sbin/haproxy})
 * in front of two bridge nodes: chargers posting to {@code /ocpp/{identity}} each stay on one
 * node, and when a node stops its chargers are served by the other one.
 */
class LoadBalancerTest {

  @RegisterExtension
  static final PostgresServer POSTGRES = new PostgresServer();

  private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
  private static final Path CONFIG = Path.of("..", "config", "haproxy.cfg");
  private static final int CHARGERS = 16;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private ClusterNodes cluster;
  private Process haproxy;

  @AfterEach
  void stop() throws InterruptedException {
    if (haproxy != null) {
      haproxy.destroy();
      if (!haproxy.waitFor(5, TimeUnit.SECONDS)) {
        haproxy.destroyForcibly();
      }
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Verifies routing by path (each charger on one node, both nodes used) and failover (a stopped
   * node's chargers answered by the other node, one WebSocket each at the central system).
   */
  @Test
  void routesByPathAndFailsOver() throws Exception {
    requireHaproxy();
    // GIVEN two nodes on one registry, behind HAProxy with the shipped configuration
    cluster = new ClusterNodes(POSTGRES.freshDatabase(), Map.of("cluster.leaseTtl", "10s",
        "cluster.renewEvery", "1s", "cluster.handoverWithin", "3s",
        "admin.enabled", "true", "admin.port", "0"));
    Bridge one = cluster.start("node-1");
    Bridge two = cluster.start("node-2");
    int lbPort = freePort();
    haproxy = startHaproxy(lbPort, one, two);
    URI lb = URI.create("http://127.0.0.1:" + lbPort);
    try {
      Poll.until(WAIT, "HAProxy answers",
          () -> !haproxy.isAlive() || answered(lb, "LB-PROBE"));
      assertThat(haproxy.isAlive()).as("HAProxy running").isTrue();
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; HAProxy's output:\n"
          + Files.readString(dir.resolve("haproxy.log")), e);
    }

    // WHEN each charger sends three Heartbeats through the load balancer
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < CHARGERS; i++) {
      ids.add("LB-" + i);
    }
    for (int round = 0; round < 3; round++) {
      for (String id : ids) {
        assertThat(post(lb, id).statusCode()).isEqualTo(200);
      }
    }

    // THEN each charger is held by exactly one node, and both nodes hold some
    int onOne = 0;
    for (String id : ids) {
      boolean a = one.isConnected(new ChargerId(id));
      boolean b = two.isConnected(new ChargerId(id));
      assertThat(a ^ b).as("%s held by exactly one node", id).isTrue();
      assertThat(cluster.csms().sockets().most(id)).as("%s never had two sockets", id)
          .isEqualTo(1);
      onOne += a ? 1 : 0;
    }
    assertThat(onOne).as("chargers on node 1").isBetween(1, CHARGERS - 1);

    // WHEN node 1 stops
    cluster.stop("node-1");

    // THEN every charger's next request is answered, by node 2, one WebSocket each
    for (String id : ids) {
      Poll.until(WAIT, id + " answered after node 1 stopped", () -> answered(lb, id));
    }
    for (String id : ids) {
      assertThat(two.isConnected(new ChargerId(id))).as(id).isTrue();
      Poll.until(WAIT, id + " has one socket", () -> cluster.csms().sockets().open(id) == 1);
    }
  }

  private static HttpResponse<String> post(URI lb, String id) throws Exception {
    return SoapPost.heartbeat15(lb.resolve("/ocpp/" + id), id, null);
  }

  private static boolean answered(URI lb, String id) {
    try {
      return post(lb, id).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private Process startHaproxy(int lbPort, Bridge one, Bridge two) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(HAPROXY.toString(), "-db", "-f",
        CONFIG.toAbsolutePath().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("BRIDGE_LB_BIND", "127.0.0.1:" + lbPort);
    env.put("BRIDGE_NODE1", "127.0.0.1:" + one.soapAddress().getPort());
    env.put("BRIDGE_NODE1_ADMIN", String.valueOf(one.adminPort()));
    env.put("BRIDGE_NODE2", "127.0.0.1:" + two.soapAddress().getPort());
    env.put("BRIDGE_NODE2_ADMIN", String.valueOf(two.adminPort()));
    return builder.start();
  }

  private static void requireHaproxy() {
    if (!Files.isExecutable(HAPROXY)) {
      String reason = "no HAProxy at " + HAPROXY + " (apt-get install haproxy)";
      if (System.getenv("CI") != null) {
        throw new AssertionError(reason + "; CI is set, so this fails instead of skipping");
      }
      Assumptions.abort(reason);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
