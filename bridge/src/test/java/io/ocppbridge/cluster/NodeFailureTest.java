package io.ocppbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.app.Bridge;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.session.ChargerSession;
import io.ocppbridge.sim.ReceivedSoapCall;
import io.ocppbridge.sim.SimulatedChargePointServer;
import io.ocppbridge.testsupport.Poll;
import io.ocppbridge.testsupport.PostgresServer;
import io.ocppbridge.testsupport.SoapPost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed with {@code kill -9} (a child JVM): its leases expire and the surviving node
 * takes its chargers over, reopening their WebSockets from the registry without waiting for a
 * request, so that the central system reaches them again within a bound.
 */
class NodeFailureTest {

  @RegisterExtension
  static final PostgresServer POSTGRES = new PostgresServer();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LEASE_TTL = Duration.ofSeconds(6);
  private static final Duration RENEW_EVERY = Duration.ofSeconds(1);
  /** The promise of docs/cluster.md: central-system calls reach the chargers again by then. */
  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(30);
  private static final List<String> CHARGERS = List.of("FAIL-1", "FAIL-2", "FAIL-3");
  private static final String PROFILE_STATE = "{\"connectors\":{\"1\":\"Charging\"}}";

  @TempDir
  Path dir;

  private ClusterNodes cluster;
  private SimulatedChargePointServer chargers;
  private Process child;

  @AfterEach
  void stop() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    if (cluster != null) {
      cluster.close();
    }
    if (chargers != null) {
      chargers.close();
    }
  }

  /**
   * Verifies that the chargers of a killed node are served by the survivor within the bound:
   * their WebSockets reopened with no request, central-system calls reaching them at the
   * callback address in the registry, and their upgrade-profile state read from the registry.
   */
  @Test
  void survivorTakesOverTheChargersOfAKilledNode() throws Exception {
    // GIVEN node A in a child JVM and node B here, on one registry, and three chargers on A
    String database = POSTGRES.freshDatabase();
    cluster = new ClusterNodes(database, Map.of("cluster.leaseTtl", LEASE_TTL.toSeconds() + "s",
        "cluster.renewEvery", RENEW_EVERY.toSeconds() + "s", "cluster.handoverWithin", "3s"));
    chargers = new SimulatedChargePointServer("127.0.0.1", 0, "/cp");
    child = startChildNode(database);
    Bridge b = cluster.start("node-b");
    java.net.URI soapA = awaitListening();
    for (String id : CHARGERS) {
      assertThat(SoapPost.heartbeat15(soapA, id, chargers.url().toString()).statusCode())
          .isEqualTo(200);
    }
    Poll.until(Duration.ofSeconds(10), "three chargers connected",
        () -> CHARGERS.stream().allMatch(id -> cluster.csms().sockets().open(id) == 1));
    // AND their rows written by A, one with an upgrade-profile state
    Poll.until(Duration.ofSeconds(10), "node A flushed its chargers",
        () -> rowsWithCallback(database) == CHARGERS.size());
    execute(database, "UPDATE charger_registry SET profile_state = '" + PROFILE_STATE
        + "' WHERE charger_id = 'FAIL-1'");
    int acceptedBefore = cluster.csms().acceptedConnections();

    // WHEN node A is killed
    child.destroyForcibly();
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    long killed = System.nanoTime();
    Poll.until(Duration.ofSeconds(10), "the central system sees A's sockets drop",
        () -> CHARGERS.stream().allMatch(id -> cluster.csms().sockets().open(id) == 0));

    // THEN node B reopens all three WebSockets without any charger request
    Poll.until(TAKEOVER_BOUND, "node B reconnects every charger of node A",
        () -> CHARGERS.stream().allMatch(id -> b.isConnected(new ChargerId(id))
            && cluster.csms().sockets().open(id) == 1));
    Duration reconnected = Duration.ofNanos(System.nanoTime() - killed);
    assertThat(cluster.csms().acceptedConnections() - acceptedBefore).isEqualTo(3);
    // AND a call of the central system reaches a charger at its recorded callback address
    JsonNode answer = cluster.csms().sendCall("FAIL-2", "Reset",
        JSON.readTree("{\"type\":\"Soft\"}"), Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
    Duration answered = Duration.ofNanos(System.nanoTime() - killed);
    assertThat(answer.get(0).asInt()).as("CALLRESULT: %s", answer).isEqualTo(3);
    assertThat(chargers.received()).extracting(ReceivedSoapCall::chargeBoxIdentity)
        .contains("FAIL-2");
    // AND within the bound, and not before the lease could expire
    assertThat(answered).isLessThan(TAKEOVER_BOUND);
    System.out.printf("takeover after kill -9: WebSockets reopened in %d ms, first call"
        + " answered in %d ms (lease %s, renewal %s)%n", reconnected.toMillis(),
        answered.toMillis(), LEASE_TTL, RENEW_EVERY);
    // AND the upgrade-profile state is the registry's
    assertThat(b.sessions().find(new ChargerId("FAIL-1")).map(ChargerSession::profileState))
        .contains(PROFILE_STATE);
  }

  /** Node A listens on a port of its choosing (0): a port picked for it could be taken. */
  private Process startChildNode(String database) throws IOException {
    Path config = Files.writeString(dir.resolve("node-a.yaml"), """
        soap:
          host: 127.0.0.1
          port: 0
          shutdownGrace: 1s
        csms:
          url: %s
          callTimeout: 5s
          connectTimeout: 2s
        sessions:
          store: %s
          storeUser: %s
          storePasswordEnv: NODE_A_DB_PASSWORD
          flushInterval: 200ms
        cluster:
          nodeId: node-a
          leaseTtl: %ds
          renewEvery: %ds
          handoverWithin: 3s
        admin:
          enabled: false
        """.formatted(cluster.csms().url(), database, PostgresServer.USER,
        LEASE_TTL.toSeconds(), RENEW_EVERY.toSeconds()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), "io.ocppbridge.app.Main", "run", "--config",
        config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("node-a.log").toFile());
    builder.environment().put("NODE_A_DB_PASSWORD", PostgresServer.PASSWORD);
    return builder.start();
  }

  /** The SOAP URL node A's log names once it listens. */
  private java.net.URI awaitListening() {
    java.util.regex.Pattern listening =
        java.util.regex.Pattern.compile("bridge listening on (http://127\\.0\\.0\\.1:\\d+/ocpp)");
    java.util.concurrent.atomic.AtomicReference<String> url =
        new java.util.concurrent.atomic.AtomicReference<>();
    Poll.until(Duration.ofSeconds(60), "node A listens", () -> {
      assertThat(child.isAlive()).as("node A alive; log: %s", log()).isTrue();
      java.util.regex.Matcher m = listening.matcher(log());
      if (m.find()) {
        url.set(m.group(1));
      }
      return url.get() != null;
    });
    return java.net.URI.create(url.get());
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("node-a.log"));
    } catch (IOException e) {
      return "(unreadable)";
    }
  }

  private static int rowsWithCallback(String database) {
    try (Connection c = DriverManager.getConnection(database, PostgresServer.USER,
        PostgresServer.PASSWORD); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM charger_registry WHERE callback_address IS NOT NULL")) {
      rs.next();
      return rs.getInt(1);
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  private static void execute(String database, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(database, PostgresServer.USER,
        PostgresServer.PASSWORD); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

}
