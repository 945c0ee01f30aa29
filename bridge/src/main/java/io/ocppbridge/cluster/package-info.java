/**
 * Several bridge nodes, one PostgreSQL registry (DESIGN "Scale beyond one machine"): each
 * charger's WebSocket toward the central system is held by exactly one node, which holds an
 * expiring lease row for it ({@code charger_lease}, created by the registry's Flyway scripts) and
 * renews it every {@code cluster.renewEvery}.
 *
 * <p>A charger request reaching a node that does not own the charger (the load balancer moved
 * it) makes that node take the lease ({@link io.ocppbridge.cluster.LeaseStore#take}) before the
 * request goes to the central system; the database tells the old owner with a
 * {@code NOTIFY} ({@link io.ocppbridge.cluster.HandoverListener}), and the old owner's next
 * renewal finds the lease gone if the notification was missed. Either way it closes its
 * WebSocket within {@code cluster.handoverWithin}; a node cut off from the database that long
 * closes all of its chargers' WebSockets (a watchdog thread of its own decides, so that a hanging
 * database call cannot delay it).
 *
 * <p>A node that dies stops renewing: once its leases expire, the other nodes take its chargers
 * ({@link io.ocppbridge.cluster.ClusterNode#takeOverExpired}) and reopen their WebSockets from
 * the registry without waiting for a request. A node that stops gracefully ends its leases at
 * once. The database is the only coordinator: nodes never talk
 * to each other.
 *
 * <p>May depend on {@code core} (the {@code CsmsLink} port it wraps), {@code config},
 * {@code session} (the registry's database), JDBC, the PostgreSQL driver (LISTEN/NOTIFY) and
 * SLF4J; no transport library.
 */
package io.ocppbridge.cluster;
