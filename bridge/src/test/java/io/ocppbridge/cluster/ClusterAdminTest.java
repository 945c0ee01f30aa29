package io.ocppbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.app.Bridge;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.testsupport.Poll;
import io.ocppbridge.testsupport.PostgresServer;
import io.ocppbridge.testsupport.SoapPost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin listener of a cluster node: {@code /api/cluster} (nodes, leases owned), the database
 * in {@code /health/ready}, the lease metrics; and what a node does when the database goes away.
 */
class ClusterAdminTest {

  @RegisterExtension
  static final PostgresServer POSTGRES = new PostgresServer();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration HANDOVER_WITHIN = Duration.ofSeconds(3);

  private ClusterNodes cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Verifies the cluster view, readiness and metrics of a node, and that a node cut off from the
   * database reports itself not ready and closes its chargers' WebSockets within the bound.
   */
  @Test
  void showsNodesAndLeasesAndLetsGoWhenTheDatabaseIsGone() throws Exception {
    // GIVEN two nodes, and one charger served by node A
    cluster = new ClusterNodes(POSTGRES.freshDatabase(), Map.of("cluster.leaseTtl", "10s",
        "cluster.renewEvery", "1s", "cluster.handoverWithin", HANDOVER_WITHIN.toSeconds() + "s",
        "admin.enabled", "true", "admin.port", "0"));
    Bridge a = cluster.start("node-a");
    cluster.start("node-b");
    assertThat(SoapPost.heartbeat15(a.soapAddress(), "CP-ADMIN", null).statusCode())
        .isEqualTo(200);
    Poll.until(Duration.ofSeconds(10), "node B renewed once", () -> nodesAlive(a) == 2);

    // WHEN the operator asks node A
    JsonNode view = JSON.readTree(get(a, "/api/cluster").body());

    // THEN it names itself, both nodes alive, and the lease it holds
    assertThat(view.get("node").asText()).isEqualTo("node-a");
    assertThat(view.get("databaseAnswers").asBoolean()).isTrue();
    assertThat(view.get("leasesOwned")).extracting(JsonNode::asText).containsExactly("CP-ADMIN");
    assertThat(view.get("nodes")).extracting(n -> n.get("id").asText())
        .containsExactly("node-a", "node-b");
    assertThat(view.get("nodes").get(0).get("leases").asInt()).isEqualTo(1);
    assertThat(view.get("nodes").get(0).get("self").asBoolean()).isTrue();
    // AND readiness names the database, and the metrics count the lease
    HttpResponse<String> ready = get(a, "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("registry database: answering");
    assertThat(get(a, "/metrics").body()).contains("bridge_cluster_leases_owned 1.0")
        .contains("bridge_cluster_database_up 1.0")
        .contains("bridge_cluster_takeovers_total{from=\"live-node\"} 0.0");

    // WHEN the database goes away
    POSTGRES.stop();
    long stopped = System.nanoTime();

    // THEN node A closes the charger's WebSocket: another node might own it by now
    Poll.until(Duration.ofSeconds(20), "node A lets its charger go",
        () -> !a.isConnected(new ChargerId("CP-ADMIN")));
    assertThat(Duration.ofNanos(System.nanoTime() - stopped))
        .isLessThan(HANDOVER_WITHIN.plusSeconds(2));
    // AND it reports itself not ready, naming the database
    HttpResponse<String> notReady = get(a, "/health/ready");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).contains("registry database does not answer");
    assertThat(get(a, "/metrics").body()).contains("bridge_cluster_database_up 0.0");
  }

  private static int nodesAlive(Bridge node) {
    try {
      int alive = 0;
      for (JsonNode n : JSON.readTree(get(node, "/api/cluster").body()).get("nodes")) {
        alive += n.get("alive").asBoolean() ? 1 : 0;
      }
      return alive;
    } catch (Exception e) {
      return -1;
    }
  }

  private static HttpResponse<String> get(Bridge node, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort()
        + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
