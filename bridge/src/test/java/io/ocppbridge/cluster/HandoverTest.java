package io.ocppbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.app.Bridge;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.testsupport.Poll;
import io.ocppbridge.testsupport.PostgresServer;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ownership handover between two bridge nodes sharing one real PostgreSQL registry: a charger
 * whose requests move from one node to the other (as a load balancer may move it) is served by
 * one WebSocket at the central system, save for at most {@code cluster.handoverWithin}.
 */
class HandoverTest {

  @RegisterExtension
  static final PostgresServer POSTGRES = new PostgresServer();

  /** The bound under test: short, so that a missed handover shows. */
  private static final Duration HANDOVER_WITHIN = Duration.ofSeconds(3);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private ClusterNodes cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private void startTwoNodes(Map<String, String> extra) {
    Map<String, String> all = new HashMap<>(Map.of(
        "cluster.leaseTtl", "10s", "cluster.renewEvery", "1s",
        "cluster.handoverWithin", HANDOVER_WITHIN.toSeconds() + "s"));
    all.putAll(extra);
    cluster = new ClusterNodes(POSTGRES.freshDatabase(), all);
    cluster.start("node-a");
    cluster.start("node-b");
  }

  /**
   * Verifies that when a charger's requests move to another node, that node takes the charger
   * over and the old one closes its WebSocket within the bound, back and forth.
   */
  @Test
  void chargerMovingBetweenNodesHasOneSocketAtTheCentralSystem() throws Exception {
    // GIVEN two nodes and a charger served by node A
    startTwoNodes(Map.of());
    Bridge a = cluster.node("node-a");
    Bridge b = cluster.node("node-b");
    ChargerId cp = new ChargerId("CP-MOVE");
    assertThat(SoapPost.heartbeat15(a.soapAddress(), cp.value(), null).statusCode())
        .isEqualTo(200);
    assertThat(cluster.csms().sockets().open(cp.value())).isEqualTo(1);

    for (int round = 0; round < 3; round++) {
      Bridge from = round % 2 == 0 ? a : b;
      Bridge to = round % 2 == 0 ? b : a;

      // WHEN its next request reaches the other node
      HttpResponse<String> answer = SoapPost.heartbeat15(to.soapAddress(), cp.value(), null);

      // THEN that node answers it over a WebSocket of its own
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("heartbeatResponse");
      assertThat(to.isConnected(cp)).isTrue();
      // AND the old node closes its WebSocket: one left at the central system
      Poll.until(WAIT, "the old node closes its WebSocket", () -> !from.isConnected(cp)
          && cluster.csms().sockets().open(cp.value()) == 1);
    }

    // AND two sockets never lasted longer than the handover bound
    assertThat(cluster.csms().sockets().most(cp.value())).isLessThanOrEqualTo(2);
    assertThat(cluster.csms().sockets().longestDuplicate()).isLessThan(HANDOVER_WITHIN);
  }

  /**
   * Verifies that the periodic renewal alone closes the old node's WebSocket: with the
   * notifications of the other node lost, a lost lease is still noticed within the bound.
   */
  @Test
  void renewalNoticesALostLeaseWithoutTheNotification() throws Exception {
    // GIVEN two nodes and a charger served by node A
    startTwoNodes(Map.of());
    Bridge a = cluster.node("node-a");
    ChargerId cp = new ChargerId("CP-QUIET");
    assertThat(SoapPost.heartbeat15(a.soapAddress(), cp.value(), null).statusCode())
        .isEqualTo(200);

    // WHEN another node takes its lease in the database without telling anyone
    try (var c = java.sql.DriverManager.getConnection(cluster.database(),
        PostgresServer.USER, PostgresServer.PASSWORD); var s = c.createStatement()) {
      s.executeUpdate("UPDATE charger_lease SET node_id = 'node-elsewhere'"
          + " WHERE charger_id = 'CP-QUIET'");
    }

    // THEN node A closes its WebSocket at its next renewal
    long start = System.nanoTime();
    Poll.until(WAIT, "node A closes its WebSocket", () -> !a.isConnected(cp)
        && cluster.csms().sockets().open(cp.value()) == 0);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANDOVER_WITHIN);
  }
}
