package io.ocppbridge.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the shared registry says, read straight from PostgreSQL: which node holds a live lease
 * on each charger, and how many chargers have their callback address written.
 */
record LeaseTable(String url, String user, String password) {

  /** Charger id to the node holding its unexpired lease (by the database's clock). */
  Map<String, String> liveOwners() throws SQLException {
    Map<String, String> owners = new HashMap<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT charger_id, node_id FROM charger_lease"
            + " WHERE expires_at > now()")) {
      while (rs.next()) {
        owners.put(rs.getString(1), rs.getString(2));
      }
    }
    return owners;
  }

  /** Registry rows with a callback address: what a node taking a charger over reads. */
  int rowsWithCallback() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM charger_registry WHERE callback_address IS NOT NULL")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }
}
