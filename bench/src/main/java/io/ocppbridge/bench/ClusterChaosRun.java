package io.ocppbridge.bench;

import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.sim.SimulatedChargePointServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chaos run of a bridge cluster, every part real and on 127.0.0.1: a private PostgreSQL
 * server, {@link ChaosSettings#nodes} bridge nodes as child JVMs, the shipped HAProxy
 * configuration in front of them (one server line per node), the simulated central system in
 * this JVM (counting sockets per identity), and SOAP chargers posting through HAProxy. Under
 * load, node 1 gets {@code kill -9}; the run measures how long its chargers take to answer the
 * central system again, how the surviving nodes shared them, the longest time one identity had
 * two sockets, and the charger requests that failed. Then node 1 starts again on its old ports
 * and HAProxy hashes its busy chargers back to it: handovers between two live nodes, where the
 * central system may see two sockets for one identity until the old owner closes its own.
 */
final class ClusterChaosRun {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterChaosRun.class);
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final ChaosSettings settings;
  private final Path dir;

  /** @param dir where the node and HAProxy configurations and logs are written */
  ClusterChaosRun(ChaosSettings settings, Path dir) {
    this.settings = settings;
    this.dir = dir;
  }

  ChaosFigures run() throws Exception {
    List<String> ids = MixedLoad.chargers("CHAOS", settings.chargers());
    try (LocalPostgres postgres = LocalPostgres.start();
        CsmsSimulator csms = new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2,ocpp1.6",
            new SensibleCsmsAnswers(Clock.systemUTC()));
        SimulatedChargePointServer callbacks =
            new SimulatedChargePointServer("127.0.0.1", 0, "/charger")) {
      String database = postgres.createDatabase("chaos");
      LeaseTable leases = new LeaseTable(database, LocalPostgres.USER, LocalPostgres.PASSWORD);
      List<BridgeNodeProcess> nodes = new ArrayList<>();
      try {
        for (int n = 1; n <= settings.nodes(); n++) {
          String node = "node-" + n;
          nodes.add(BridgeNodeProcess.start(node, dir, nodeSettings(node, database, csms),
              LocalPostgres.PASSWORD));
        }
        for (BridgeNodeProcess node : nodes) {
          node.awaitListening(START);
        }
        try (HaproxyProcess haproxy = HaproxyProcess.start(dir, nodes);
            ChaosChargers chargers = new ChaosChargers(haproxy.url(),
                callbacks.url().toString(), REQUEST_TIMEOUT)) {
          return chaos(ids, csms, callbacks, leases, nodes, haproxy, chargers);
        }
      } finally {
        nodes.forEach(BridgeNodeProcess::requestStop);
        for (BridgeNodeProcess node : nodes) {
          node.close();
        }
      }
    }
  }

  private ChaosFigures chaos(List<String> ids, CsmsSimulator csms,
      SimulatedChargePointServer callbacks, LeaseTable leases, List<BridgeNodeProcess> nodes,
      HaproxyProcess haproxy, ChaosChargers chargers) throws Exception {
    BridgeNodeProcess victim = nodes.get(0);
    List<String> survivors = nodes.subList(1, nodes.size()).stream()
        .map(BridgeNodeProcess::nodeId).toList();
    // GIVEN every charger booted through HAProxy, one WebSocket each at the central system
    List<String> notBooted = chargers.boot(ids, 50);
    if (!notBooted.isEmpty()) {
      throw new IllegalStateException(notBooted.size() + " charger(s) did not boot, e.g. "
          + chargers.failureExamples());
    }
    await("every charger connected at the central system",
        () -> csms.connectedChargers().containsAll(ids));
    await("every charger's callback address in the registry",
        () -> leases.rowsWithCallback() == ids.size());
    List<String> busy = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 2) {
      busy.add(ids.get(i));
    }
    chargers.startHeartbeats(busy, settings.heartbeatEvery());
    Thread.sleep(settings.steadyBeforeKill().toMillis());
    Map<String, String> owners = leases.liveOwners();
    List<String> victims = ids.stream().filter(id -> victim.nodeId().equals(owners.get(id)))
        .toList();
    LOG.info("chaos: {} chargers up, {} on {} (pid {}), the others on {}: {}; {} busy",
        ids.size(), victims.size(), victim.nodeId(), victim.pid(), survivors,
        shares(ids, owners, survivors), busy.size());

    // WHEN node 1 is killed under load
    callbacks.clearReceived();
    long killedAt = System.nanoTime();
    int exit = victim.killHard();
    LOG.info("chaos: kill -9 {} (pid {}): exit status {}", victim.nodeId(), victim.pid(), exit);

    // THEN its chargers answer the central system again, through the survivors
    Map<String, Duration> reached =
        new ReachabilityProbe(csms, killedAt).await(victims, settings.reachDeadline());
    Thread.sleep(settings.heartbeatEvery().toMillis()); // one more Heartbeat of each busy charger
    Map<String, String> ownersAfter = leases.liveOwners();
    Map<String, Integer> shares = shares(victims, ownersAfter, survivors);
    int moved = shares.values().stream().mapToInt(Integer::intValue).sum();
    LOG.info("chaos: {} of {}'s {} chargers leased by the survivors: {}", moved,
        victim.nodeId(), victims.size(), shares);
    Set<String> busySet = Set.copyOf(busy);
    List<String> busyVictims = victims.stream().filter(busySet::contains).toList();

    // AND WHEN node 1 starts again where HAProxy looks for it, its busy chargers move back by
    // their next request: a handover between two live nodes, the case of the duplicate bound
    long returnedAt = System.nanoTime();
    HandBack handBack = handBack(nodes, busyVictims, leases, haproxy);
    Thread.sleep(settings.heartbeatEvery().toMillis()); // one more Heartbeat of each busy charger
    chargers.stop(REQUEST_TIMEOUT);
    boolean oneEach = awaitQuietly(() -> ids.stream()
        .allMatch(id -> csms.sockets().open(id) == 1));
    return new ChaosFigures(ids.size(), settings.nodes(), exit, victims.size(),
        longest(busyVictims, reached),
        longest(victims.stream().filter(id -> !busySet.contains(id)).toList(), reached),
        victims.size() - reached.size(), moved, shares, oneEach, csms.sockets().longestDuplicate(),
        ids.stream().mapToInt(id -> csms.sockets().most(id)).max().orElse(0),
        chargers.failedSince(Long.MIN_VALUE) - chargers.failedSince(killedAt),
        chargers.failedSince(killedAt) - chargers.failedSince(returnedAt),
        chargers.failedSince(returnedAt), chargers.sent(),
        lastFailureAfter(chargers, killedAt), acknowledgedUnseen(chargers, csms),
        haproxy.log().contains("bridges/node1 is DOWN"), busyVictims.size(),
        handBack.movedBack(), handBack.within(), chargers.failureExamples());
  }

  /** How many of the chargers expected back on node 1 came back, and how fast. */
  private record HandBack(int movedBack, Duration within) {}

  /** Starts node 1 again (added to {@code nodes}, to be stopped with them). */
  private HandBack handBack(List<BridgeNodeProcess> nodes, List<String> expectedBack,
      LeaseTable leases, HaproxyProcess haproxy) throws Exception {
    BridgeNodeProcess victim = nodes.get(0);
    BridgeNodeProcess again = victim.startAgain();
    nodes.add(again);
    again.awaitListening(START);
    await("HAProxy sees node 1 up again", () -> haproxy.log().contains("bridges/node1 is UP"));
    long up = System.nanoTime();
    awaitQuietly(() -> backOn(victim.nodeId(), expectedBack, leases) == expectedBack.size());
    int back = backOn(victim.nodeId(), expectedBack, leases);
    Duration within = Duration.ofNanos(System.nanoTime() - up);
    LOG.info("chaos: node 1 again (pid {}): {} of {} busy chargers back on it {} ms after"
        + " HAProxy saw it up", again.pid(), back, expectedBack.size(), within.toMillis());
    return new HandBack(back, within);
  }

  /** Of {@code chargers}, how many each of {@code nodes} holds the live lease of, in order. */
  private static Map<String, Integer> shares(List<String> chargers, Map<String, String> owners,
      List<String> nodes) {
    Map<String, Integer> shares = new LinkedHashMap<>();
    nodes.forEach(node -> shares.put(node, 0));
    for (String id : chargers) {
      String owner = owners.get(id);
      if (owner != null) {
        shares.computeIfPresent(owner, (node, n) -> n + 1);
      }
    }
    return shares;
  }

  private static int backOn(String node, List<String> chargers, LeaseTable leases)
      throws java.sql.SQLException {
    Map<String, String> owners = leases.liveOwners();
    return (int) chargers.stream().filter(id -> node.equals(owners.get(id))).count();
  }

  private Map<String, String> nodeSettings(String node, String database, CsmsSimulator csms) {
    Map<String, String> values = new HashMap<>();
    values.put("soap.host", "127.0.0.1");
    values.put("soap.port", "0");
    values.put("soap.shutdownGrace", "1s");
    values.put("csms.url", csms.url().toString());
    values.put("csms.callTimeout", "10s");
    values.put("sessions.store", database);
    values.put("sessions.storeUser", LocalPostgres.USER);
    values.put("sessions.storePasswordEnv", BridgeNodeProcess.PASSWORD_ENV);
    // behind the load balancer every charger speaks from HAProxy's address: the per-source
    // bounds on new identities would refuse a fleet booting at once (docs/cluster.md)
    values.put("sessions.newIdentityBurst", "100000");
    values.put("sessions.newIdentityRate", "100000");
    values.put("cluster.nodeId", node);
    values.put("cluster.leaseTtl", settings.leaseTtl().toMillis() + "ms");
    values.put("cluster.renewEvery", settings.renewEvery().toMillis() + "ms");
    values.put("cluster.handoverWithin", settings.handoverWithin().toMillis() + "ms");
    values.put("admin.enabled", "true");
    values.put("admin.host", "127.0.0.1");
    values.put("admin.port", "0");
    return values;
  }

  private static Duration longest(Collection<String> chargers, Map<String, Duration> reached) {
    Duration longest = Duration.ZERO;
    for (String id : chargers) {
      Duration d = reached.get(id);
      if (d == null) {
        return null;
      }
      longest = d.compareTo(longest) > 0 ? d : longest;
    }
    return longest;
  }

  private static Duration lastFailureAfter(ChaosChargers chargers, long killedAt) {
    if (chargers.failedSince(killedAt) == 0) {
      return null;
    }
    return Duration.ofNanos(chargers.lastFailure().getAsLong() - killedAt);
  }

  /** Chargers with more Heartbeats acknowledged than the central system received from them. */
  private static int acknowledgedUnseen(ChaosChargers chargers, CsmsSimulator csms) {
    Map<String, Long> received = csms.received().stream()
        .filter(call -> "Heartbeat".equals(call.action()))
        .collect(Collectors.groupingBy(ReceivedCall::chargerId, Collectors.counting()));
    return (int) chargers.acknowledged().entrySet().stream()
        .filter(e -> e.getValue() > received.getOrDefault(e.getKey(), 0L)).count();
  }

  /** A condition that may throw, polled. */
  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Check check) throws Exception {
    if (!awaitQuietly(check)) {
      throw new IllegalStateException("not within " + SETTLE.toSeconds() + " s: " + what);
    }
  }

  private static boolean awaitQuietly(Check check) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return true;
      }
      Thread.sleep(100);
    }
    return check.holds();
  }
}
