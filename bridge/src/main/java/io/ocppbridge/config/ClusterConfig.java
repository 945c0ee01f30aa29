package io.ocppbridge.config;

import io.ocppbridge.core.Durations;
import java.time.Duration;

/**
 * Several bridge nodes sharing one PostgreSQL registry ({@code cluster.*}; in effect when
 * {@code sessions.store} is a {@code jdbc:postgresql://} URL). Each charger's WebSocket toward
 * the central system is held by one node, which holds an expiring lease for it in the database
 * (docs/cluster.md).
 *
 * @param nodeId this node's name in the lease table, or null for one made of the host name and
 *     the process id
 * @param leaseTtl how long a lease lasts unless its node renews it: a dead node's chargers are
 *     taken over by the others this long after its last renewal
 * @param renewEvery how often a node renews its leases (and learns which it lost)
 * @param handoverWithin the longest time two nodes may both hold a WebSocket for one charger when
 *     the charger moves from one to the other; a node that cannot reach the database for this
 *     long closes its chargers' WebSockets
 */
public record ClusterConfig(
    @Key(doc = "This node's name in the lease table (unique per node); empty: host name and"
        + " process id.")
    String nodeId,
    @Key(defaultValue = "20s",
        doc = "How long a charger's lease lasts unless its node renews it; a dead node's"
            + " chargers are taken over this long after its last renewal.")
    Duration leaseTtl,
    @Key(defaultValue = "3s", doc = "How often a node renews its leases and learns which it lost.")
    Duration renewEvery,
    @Key(defaultValue = "10s",
        doc = "The longest time two nodes both hold a WebSocket for one charger when it moves;"
            + " a node cut off from the database this long closes its chargers' WebSockets.")
    Duration handoverWithin) {

  /** The longest node id (the lease table's column). */
  public static final int MAX_NODE_ID = 255;

  public ClusterConfig {
    if (nodeId != null && nodeId.isBlank()) {
      nodeId = null;
    }
    if (nodeId != null && nodeId.length() > MAX_NODE_ID) {
      throw new InvalidSetting("nodeId", "must have at most " + MAX_NODE_ID + " characters");
    }
    if (renewEvery != null && handoverWithin != null
        && renewEvery.compareTo(handoverWithin) >= 0) {
      throw new InvalidSetting("renewEvery", "'" + Durations.text(renewEvery)
          + "' must be shorter than cluster.handoverWithin ('" + Durations.text(handoverWithin)
          + "'): a node learns a lost lease at its next renewal");
    }
    if (handoverWithin != null && leaseTtl != null && handoverWithin.compareTo(leaseTtl) > 0) {
      throw new InvalidSetting("handoverWithin", "'" + Durations.text(handoverWithin)
          + "' must not be longer than cluster.leaseTtl ('" + Durations.text(leaseTtl)
          + "'): a node cut off from the database must close its WebSockets before its leases"
          + " expire");
    }
  }
}
