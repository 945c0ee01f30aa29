package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

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
 * charging, so a running transaction is always reported as Charging.
 *
 * <p>The state survives a restart of the bridge: {@link #toJson} is saved with the charger in the
 * registry (member {@value #MEMBER} of its {@link ProfileStateStore} document) after every change
 * and read back by {@link #fromJson}. A state lost all the same (a registry kept in memory, a
 * crash within the registry's flush interval) is learnt again from the next StartTransaction, or
 * sooner from a MeterValues that names its running transaction ({@link #transactionSeen}).
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

  /** Its member of the charger's profile-state document. */
  public static final String MEMBER = "connectors";

  private enum Phase { IDLE, REMOTE_START_ACCEPTED, TRANSACTION, FINISHING }

  private final Map<Integer, Phase> phases = new HashMap<>();
  private final Map<Integer, Integer> connectorOfTransaction = new HashMap<>();
  /** Accepted remote stops whose StopTransaction has not come yet, oldest first, bounded. */
  private final Set<Integer> remotelyStopped = new LinkedHashSet<>();

  /** Transactions whose StopTransaction was seen, newest last, bounded. */
  private final Set<Integer> stopped = new LinkedHashSet<>();

  /** More remote stops than this waiting for their StopTransaction: the oldest is forgotten. */
  static final int MAX_PENDING_REMOTE_STOPS = 32;
  /** Stopped transactions remembered, so that a late MeterValues does not revive one. */
  static final int MAX_REMEMBERED_STOPS = 64;

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
    remember(stopped, transactionId, MAX_REMEMBERED_STOPS);
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

  /**
   * The charger's MeterValues named a transaction on this connector. When the state knows of no
   * transaction there (the bridge restarted since its StartTransaction) and that transaction has
   * not stopped, it runs: the connector is Charging again without waiting for the next start.
   */
  public synchronized void transactionSeen(int connectorId, int transactionId) {
    if (connectorId <= 0 || stopped.contains(transactionId)
        || connectorOfTransaction.containsKey(transactionId)) {
      return;
    }
    Phase phase = phase(connectorId);
    if (phase == Phase.IDLE || phase == Phase.REMOTE_START_ACCEPTED) {
      phases.put(connectorId, Phase.TRANSACTION);
      connectorOfTransaction.values().remove(connectorId);
      connectorOfTransaction.put(transactionId, connectorId);
    }
  }

  /** The charger accepted RemoteStopTransaction for this transaction. */
  public synchronized void remoteStopAccepted(int transactionId) {
    remember(remotelyStopped, transactionId, MAX_PENDING_REMOTE_STOPS);
  }

  /** Adds to a bounded set, forgetting the oldest entry beyond {@code max}. */
  private static void remember(Set<Integer> set, int value, int max) {
    set.add(value);
    if (set.size() > max) {
      Iterator<Integer> oldest = set.iterator();
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

  /**
   * The whole state as JSON: {@code phases} (connector id to phase, idle ones left out),
   * {@code transactions} (transaction id to connector id), {@code remoteStops} and
   * {@code stopped} (transaction ids, oldest first).
   */
  public synchronized ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ObjectNode phaseJson = json.putObject("phases");
    new TreeMap<>(phases).forEach((connector, phase) ->
        phaseJson.put(Integer.toString(connector), phase.name()));
    ObjectNode transactions = json.putObject("transactions");
    new TreeMap<>(connectorOfTransaction).forEach((transaction, connector) ->
        transactions.put(Integer.toString(transaction), connector));
    remotelyStopped.forEach(json.putArray("remoteStops")::add);
    stopped.forEach(json.putArray("stopped")::add);
    return json;
  }

  /**
   * The state {@link #toJson} wrote. What cannot be read (an unknown phase, a non-numeric id:
   * a document from another version of the bridge) is left out rather than guessed; the state
   * then learns it again as after a lost restart.
   */
  public static ConnectorStates fromJson(JsonNode json) {
    ConnectorStates states = new ConnectorStates();
    json.path("phases").fields().forEachRemaining(e -> {
      Integer connector = number(e.getKey());
      Phase phase = phase(e.getValue().asText());
      if (connector != null && phase != null) {
        states.phases.put(connector, phase);
      }
    });
    json.path("transactions").fields().forEachRemaining(e -> {
      Integer transaction = number(e.getKey());
      if (transaction != null && e.getValue().canConvertToInt()) {
        states.connectorOfTransaction.put(transaction, e.getValue().intValue());
      }
    });
    json.path("remoteStops").forEach(id -> {
      if (id.canConvertToInt()) {
        remember(states.remotelyStopped, id.intValue(), MAX_PENDING_REMOTE_STOPS);
      }
    });
    json.path("stopped").forEach(id -> {
      if (id.canConvertToInt()) {
        remember(states.stopped, id.intValue(), MAX_REMEMBERED_STOPS);
      }
    });
    return states;
  }

  private static Integer number(String text) {
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Phase phase(String name) {
    for (Phase p : Phase.values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
