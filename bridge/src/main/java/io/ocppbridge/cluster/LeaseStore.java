package io.ocppbridge.cluster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The lease rows of the shared registry, in PostgreSQL's SQL. Expiry is decided by the
 * database's clock ({@code now()}), never by a node's, so nodes whose clocks disagree still agree
 * on who owns a charger.
 */
final class LeaseStore {

  /** The channel on which a node that took a lease tells the others: "new owner\nidentity". */
  static final String CHANNEL = "bridge_lease_taken";

  private static final String LOCK_ROW = "SELECT node_id, expires_at > now() FROM charger_lease"
      + " WHERE charger_id = ? FOR UPDATE";
  private static final String UPSERT = "INSERT INTO charger_lease (charger_id, node_id,"
      + " expires_at) VALUES (?, ?, now() + ? * interval '1 millisecond')"
      + " ON CONFLICT (charger_id) DO UPDATE SET node_id = EXCLUDED.node_id,"
      + " expires_at = EXCLUDED.expires_at";
  private static final String UPSERT_IF_FREE = UPSERT
      + " WHERE charger_lease.expires_at <= now() OR charger_lease.node_id = EXCLUDED.node_id";
  private static final String RENEW = "UPDATE charger_lease"
      + " SET expires_at = now() + ? * interval '1 millisecond'"
      + " WHERE node_id = ? AND charger_id = ANY (?) RETURNING charger_id";
  private static final String RELEASE =
      "DELETE FROM charger_lease WHERE charger_id = ? AND node_id = ?";
  private static final String EXPIRED = "SELECT charger_id FROM charger_lease"
      + " WHERE expires_at <= now() ORDER BY expires_at LIMIT ?";
  private static final String EXPIRE_MINE =
      "UPDATE charger_lease SET expires_at = now() WHERE node_id = ?";
  private static final String NODES = "SELECT n.node_id, n.started_at, n.last_renewal,"
      + " n.last_renewal > now() - ? * interval '1 millisecond',"
      + " (SELECT count(*) FROM charger_lease l WHERE l.node_id = n.node_id"
      + " AND l.expires_at > now()) FROM bridge_node n ORDER BY n.node_id";
  /** Nodes gone for a day with no lease left are forgotten (node ids change with each pid). */
  private static final String FORGET_OLD_NODES = "DELETE FROM bridge_node n"
      + " WHERE n.last_renewal < now() - interval '1 day' AND NOT EXISTS"
      + " (SELECT 1 FROM charger_lease l WHERE l.node_id = n.node_id)";
  private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?)";
  private static final String NODE_BEAT = "INSERT INTO bridge_node (node_id, started_at,"
      + " last_renewal) VALUES (?, now(), now()) ON CONFLICT (node_id)"
      + " DO UPDATE SET last_renewal = now()";
  private static final String NODE_START = "INSERT INTO bridge_node (node_id, started_at,"
      + " last_renewal) VALUES (?, now(), now()) ON CONFLICT (node_id)"
      + " DO UPDATE SET started_at = now(), last_renewal = now()";

  private final DataSource database;
  private final String node;
  private final long ttlMillis;

  LeaseStore(DataSource database, String node, Duration ttl) {
    this.database = database;
    this.node = node;
    this.ttlMillis = ttl.toMillis();
  }

  /**
   * Takes the charger's lease for this node whoever holds it, and tells the other nodes.
   *
   * @return the node that held a live lease for it before, when another one did
   */
  Optional<String> take(String charger) throws SQLException {
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try {
        String previous = null;
        try (PreparedStatement lock = c.prepareStatement(LOCK_ROW)) {
          lock.setString(1, charger);
          try (ResultSet rs = lock.executeQuery()) {
            if (rs.next() && rs.getBoolean(2) && !node.equals(rs.getString(1))) {
              previous = rs.getString(1);
            }
          }
        }
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
          bindLease(upsert, charger);
          upsert.executeUpdate();
        }
        if (previous != null) {
          // delivered to the listeners when this transaction commits, not before
          try (PreparedStatement notify = c.prepareStatement(NOTIFY)) {
            notify.setString(1, node + "\n" + charger);
            notify.execute();
          }
        }
        c.commit();
        return Optional.ofNullable(previous);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Takes the charger's lease only when nobody holds a live one; true when this node has it. */
  boolean takeIfFree(String charger) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement upsert = c.prepareStatement(UPSERT_IF_FREE)) {
      bindLease(upsert, charger);
      return upsert.executeUpdate() > 0;
    }
  }

  /**
   * Extends this node's leases of {@code chargers} and records that the node is alive.
   *
   * @return those still held by this node (the others were taken by another node)
   */
  Set<String> renew(Collection<String> chargers) throws SQLException {
    Set<String> kept = new HashSet<>();
    try (Connection c = database.getConnection()) {
      try (PreparedStatement beat = c.prepareStatement(NODE_BEAT)) {
        beat.setString(1, node);
        beat.executeUpdate();
      }
      if (chargers.isEmpty()) {
        return kept;
      }
      Array ids = c.createArrayOf("varchar", chargers.toArray());
      try (PreparedStatement renew = c.prepareStatement(RENEW)) {
        renew.setLong(1, ttlMillis);
        renew.setString(2, node);
        renew.setArray(3, ids);
        try (ResultSet rs = renew.executeQuery()) {
          while (rs.next()) {
            kept.add(rs.getString(1));
          }
        }
      } finally {
        ids.free();
      }
    }
    return kept;
  }

  /** Gives the charger's lease up, if this node still holds it. */
  void release(String charger) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement release = c.prepareStatement(RELEASE)) {
      release.setString(1, charger);
      release.setString(2, node);
      release.executeUpdate();
    }
  }

  /** Chargers whose lease has expired (their node died or stopped), oldest first. */
  List<String> expired(int limit) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement(EXPIRED)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Ends every lease of this node now, so that the other nodes take its chargers at once. */
  int expireAll() throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement(EXPIRE_MINE)) {
      ps.setString(1, node);
      return ps.executeUpdate();
    }
  }

  /** Records this node as started now, and forgets nodes long gone. */
  void nodeStarted() throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement start = c.prepareStatement(NODE_START);
        PreparedStatement forget = c.prepareStatement(FORGET_OLD_NODES)) {
      start.setString(1, node);
      start.executeUpdate();
      forget.executeUpdate();
    }
  }

  /** The nodes recorded, with their live leases; alive when renewed within the lease time. */
  List<NodeRow> nodes() throws SQLException {
    List<NodeRow> out = new ArrayList<>();
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement(NODES)) {
      ps.setLong(1, ttlMillis);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new NodeRow(rs.getString(1),
              rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
              rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getBoolean(4),
              rs.getInt(5)));
        }
      }
    }
    return out;
  }

  /** A row of the node table. */
  record NodeRow(String id, java.time.Instant startedAt, java.time.Instant lastRenewal,
      boolean alive, int leases) {}

  private void bindLease(PreparedStatement ps, String charger) throws SQLException {
    ps.setString(1, charger);
    ps.setString(2, node);
    ps.setLong(3, ttlMillis);
  }
}
