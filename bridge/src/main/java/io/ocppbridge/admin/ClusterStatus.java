package io.ocppbridge.admin;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the admin listener shows of this node's place in a cluster of bridge nodes sharing one
 * PostgreSQL registry ({@code /api/cluster}, {@code /health/ready}, metrics); wired in
 * {@code app} from the cluster package.
 */
public interface ClusterStatus {

  /** This node's name in the lease table. */
  String nodeId();

  /** True while this node's lease renewals reach the registry database. */
  boolean databaseAnswers();

  /** The nodes recorded in the registry, read now; fails when the database cannot be read. */
  List<Node> nodes();

  /** The chargers whose WebSocket this node holds under its lease. */
  Set<String> ownedChargers();

  /** Chargers this node took from another live node (their request reached this one). */
  long takenFromLiveNodes();

  /** Chargers this node took over from nodes that died or stopped. */
  long takenFromStoppedNodes();

  /** Chargers another node took from this one. */
  long lostToOtherNodes();

  /**
   * A node of the cluster as the registry records it.
   *
   * @param id its node id
   * @param startedAt when it last started
   * @param lastRenewal when it last renewed its leases
   * @param alive whether that renewal is recent enough for its leases to be live
   * @param leases how many live leases it holds
   */
  record Node(String id, Instant startedAt, Instant lastRenewal, boolean alive, int leases) {}
}
