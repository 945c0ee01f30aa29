package io.ocppbridge.bench;

import java.time.Duration;

/**
 * The shape of one chaos run of the cluster ({@link ClusterChaosRun}).
 *
 * @param nodes bridge nodes behind the load balancer, at least two: node 1 is killed, the
 *     others survive and share its chargers
 * @param chargers SOAP chargers behind the load balancer; every other one is busy (a Heartbeat
 *     every {@code heartbeatEvery}), the rest quiet after their boot, so that both ways of a
 *     takeover are exercised: by the next request, and by the lease's expiry
 * @param leaseTtl {@code cluster.leaseTtl} of every node
 * @param renewEvery {@code cluster.renewEvery}
 * @param handoverWithin {@code cluster.handoverWithin}: the bound on two live sockets
 * @param heartbeatEvery how often a busy charger sends a Heartbeat
 * @param steadyBeforeKill load on the healthy cluster before the kill
 * @param reachDeadline how long after the kill the dead node's chargers may take to answer the
 *     central system again before the run gives up on them
 * @param reachTarget the target for that time
 */
record ChaosSettings(int nodes, int chargers, Duration leaseTtl, Duration renewEvery,
    Duration handoverWithin, Duration heartbeatEvery, Duration steadyBeforeKill,
    Duration reachDeadline, Duration reachTarget) {

  /** Nodes of the chaos run (issue 15): one killed, two surviving. */
  static final int DEFAULT_NODES = 3;

  ChaosSettings {
    if (nodes < 2) {
      throw new IllegalArgumentException("a chaos run needs a node to kill and one to survive,"
          + " not " + nodes + " node(s)");
    }
    if (chargers < nodes) {
      throw new IllegalArgumentException("fewer chargers (" + chargers + ") than nodes ("
          + nodes + ")");
    }
  }

  /** The cluster keys at their defaults (docs/cluster.md), the 30 s target. */
  static ChaosSettings defaults(int nodes, int chargers) {
    return new ChaosSettings(nodes, chargers, Duration.ofSeconds(20),
        Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(3),
        Duration.ofSeconds(10), Duration.ofSeconds(90), Duration.ofSeconds(30));
  }
}
