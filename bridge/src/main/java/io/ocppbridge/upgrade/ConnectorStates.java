package io.ocppbridge.upgrade;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the upgrade profile knows of the transactions on one charger's connectors, keyed by
 * connector id: enough to split the OCPP 1.2/1.5 status {@code Occupied} into the OCPP 1.6
 * statuses (section 4.9) and to say why a transaction stopped. Fed by the charger's
 * StartTransaction and StopTransaction requests, the central system's StartTransaction answers,
 * and accepted RemoteStartTransaction / RemoteStopTransaction.
 *
 * <p>What this state can tell, for an {@code Occupied} connector:
 * <ul>
 *   <li>a transaction runs on it (StartTransaction seen, no StopTransaction yet): Charging;
 *   <li>its transaction stopped and it has not been Available since: Finishing;
 *   <li>otherwise (a cable plugged in, an idTag presented, a remote start accepted): Preparing.
 * </ul>
 * What it can never tell: <b>SuspendedEV</b> and <b>SuspendedEVSE</b>. A 1.2/1.5 charger reports
 * Occupied whether energy flows or not, and sends nothing when the vehicle or the charger pauses
 * charging, so a running transaction is always reported as Charging. Nor does it survive a
 * restart of the bridge: until the next StartTransaction, an Occupied connector reads Preparing.
 *
 * <p>Thread-safe: one instance per charger, its methods synchronized (a charger's messages are
 * few and short; contention is between that charger's own two directions only).
 */
public final class ConnectorStates {

  /** The 1.6 status for an Occupied connector. */
  public enum Occupancy {
    PREPARING("Preparing"),
    CHARGING("Charging"),
    FINISHING("Finishing");

    private final String wireName;

    Occupancy(String wireName) {
      this.wireName = wireName;
    }

    /** The OCPP 1.6 ChargePointStatus value. */
    public String wireName() {
      return wireName;
    }
  }

  private enum Phase { IDLE, REMOTE_START_ACCEPTED, TRANSACTION, FINISHING }

  private final Map<Integer, Phase> phases = new HashMap<>();
  private final Map<Integer, Integer> connectorOfTransaction = new HashMap<>();
  /** Accepted remote stops whose StopTransaction has not come yet, oldest first, bounded. */
  private final Set<Integer> remotelyStopped = new LinkedHashSet<>();

  /** More remote stops than this waiting for their StopTransaction: the oldest is forgotten. */
  static final int MAX_PENDING_REMOTE_STOPS = 32;

  /** The charger sent StartTransaction for this connector: a transaction runs there. */
  public synchronized void transactionStarting(int connectorId) {
    phases.put(connectorId, Phase.TRANSACTION);
  }

  /** The central system numbered the transaction started on this connector. */
  public synchronized void transactionStarted(int connectorId, int transactionId) {
    connectorOfTransaction.values().remove(connectorId);
    connectorOfTransaction.put(transactionId, connectorId);
  }

  /**
   * The charger sent StopTransaction: its connector (if known) is Finishing.
   *
   * @return Remote when an accepted RemoteStopTransaction named this transaction, else empty
   */
  public synchronized Optional<String> transactionStopping(int transactionId) {
    Integer connector = connectorOfTransaction.remove(transactionId);
    if (connector != null && phases.get(connector) == Phase.TRANSACTION) {
      phases.put(connector, Phase.FINISHING);
    }
    return remotelyStopped.remove(transactionId) ? Optional.of("Remote") : Optional.empty();
  }

  /** The charger accepted RemoteStartTransaction (connector null: the charger picks one). */
  public synchronized void remoteStartAccepted(Integer connectorId) {
    if (connectorId != null && phase(connectorId) == Phase.IDLE) {
      phases.put(connectorId, Phase.REMOTE_START_ACCEPTED);
    }
  }

  /** The charger accepted RemoteStopTransaction for this transaction. */
  public synchronized void remoteStopAccepted(int transactionId) {
    remotelyStopped.add(transactionId);
    if (remotelyStopped.size() > MAX_PENDING_REMOTE_STOPS) {
      Iterator<Integer> oldest = remotelyStopped.iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** The connector reported Available: whatever happened there is over. */
  public synchronized void available(int connectorId) {
    phases.remove(connectorId);
  }

  /** The 1.6 status an Occupied report of this connector stands for. */
  public synchronized Occupancy occupancy(int connectorId) {
    return switch (phase(connectorId)) {
      case TRANSACTION -> Occupancy.CHARGING;
      case FINISHING -> Occupancy.FINISHING;
      case IDLE, REMOTE_START_ACCEPTED -> Occupancy.PREPARING;
    };
  }

  /** The transaction known to run on this connector, if the central system numbered it. */
  public synchronized OptionalInt transactionOn(int connectorId) {
    if (phase(connectorId) != Phase.TRANSACTION) {
      return OptionalInt.empty();
    }
    return connectorOfTransaction.entrySet().stream()
        .filter(e -> e.getValue() == connectorId)
        .mapToInt(Map.Entry::getKey)
        .findFirst();
  }

  private Phase phase(int connectorId) {
    return phases.getOrDefault(connectorId, Phase.IDLE);
  }
}
