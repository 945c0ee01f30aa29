package io.ocppbridge.app;

import io.ocppbridge.admin.ClusterStatus;
import io.ocppbridge.cluster.ClusterNode;
import java.util.List;
import java.util.Set;

/** The cluster node as the admin listener shows it. */
record ClusterAdminStatus(ClusterNode<?> node) implements ClusterStatus {

  @Override
  public String nodeId() {
    return node.nodeId();
  }

  @Override
  public boolean databaseAnswers() {
    return node.databaseAnswers();
  }

  @Override
  public List<Node> nodes() {
    return node.nodes().stream().map(n -> new Node(n.id(), n.startedAt(), n.lastRenewal(),
        n.alive(), n.leases())).toList();
  }

  @Override
  public Set<String> ownedChargers() {
    return node.ownedChargers();
  }

  @Override
  public long takenFromLiveNodes() {
    return node.takenFromOthers();
  }

  @Override
  public long takenFromStoppedNodes() {
    return node.tookFromDeadNodes();
  }

  @Override
  public long lostToOtherNodes() {
    return node.lostToOthers();
  }
}
