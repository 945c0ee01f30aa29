-- Several bridge nodes sharing one registry: each charger's WebSocket toward the central system
-- is held by one node, which holds an expiring lease row for it and renews it (docs/cluster.md).
-- A lease whose expires_at has passed belongs to nobody and may be taken by any node.
CREATE TABLE charger_lease (
  charger_id VARCHAR(255) NOT NULL PRIMARY KEY,
  node_id VARCHAR(255) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX charger_lease_node ON charger_lease (node_id);
CREATE INDEX charger_lease_expires ON charger_lease (expires_at);

-- The nodes of the cluster and when each last renewed its leases, for the admin API.
CREATE TABLE bridge_node (
  node_id VARCHAR(255) NOT NULL PRIMARY KEY,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_renewal TIMESTAMP WITH TIME ZONE NOT NULL
);
