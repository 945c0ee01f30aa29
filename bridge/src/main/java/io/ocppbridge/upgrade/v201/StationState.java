package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What the OCPP 2.0.1 profile must remember of one charger, beyond any single message: its
 * transactions (each charger integer paired with a 2.0.1 transactionId, and their sequence
 * numbers), remote starts accepted and not yet begun (with the central system's remoteStartId),
 * the idToken types the central system used, why the charger will boot next, and the requestId
 * of the firmware update and log upload under way. All of it survives a restart of the bridge
 * through {@link #toJson} and {@link #fromJson} (the {@code "ocpp201"} member of the charger's
 * profile state).
 *
 * <p>Bounded: at most {@value #MAX_TRANSACTIONS} transactions (ended ones are forgotten first),
 * {@value #MAX_REMOTE_STARTS} pending remote starts and {@value #MAX_TOKEN_TYPES} token types
 * (the oldest go). Thread-safe: a charger's two directions meet here, every method is
 * synchronized; {@code changed} runs after every change, under the lock.
 */
public final class StationState {

  /** Its member of the charger's profile state document. */
  public static final String MEMBER = "ocpp201";

  static final int MAX_TRANSACTIONS = 32;
  static final int MAX_REMOTE_STARTS = 8;
  static final int MAX_TOKEN_TYPES = 256;

  /** One TransactionEvent about to be sent: its transaction and its sequence number. */
  record TxEvent(int localId, String transactionId, int evseId, int seqNo, Integer remoteStartId,
      boolean remoteStop) {}

  /** A remote start the charger accepted, waiting for its StartTransaction. */
  record RemoteStart(Integer evseId, String idToken, String type, int remoteStartId) {}

  private final List<TransactionRecord> transactions = new ArrayList<>();
  private final List<RemoteStart> remoteStarts = new ArrayList<>();
  private final Map<String, String> tokenTypes = new LinkedHashMap<>(16, 0.75f, true);
  private int nextLocalId;
  private String bootReason;
  private Integer firmwareRequestId;
  private Integer logRequestId;
  private Runnable changed = () -> { };

  /**
   * A fresh state. Charger transaction numbers start from the clock's seconds (within 31 bits),
   * so that a charger whose state was lost does not see recent numbers again.
   */
  StationState(long epochSecond) {
    this.nextLocalId = (int) Math.max(1, epochSecond % 1_000_000_000L);
  }

  /** Runs {@code listener} after every change from now on (persistence). */
  synchronized void onChange(Runnable listener) {
    this.changed = listener;
  }

  // ---- transactions ------------------------------------------------------------------------

  /**
   * The Started event of a StartTransaction: a new transaction with the next charger number and a
   * new transactionId, begun by the pending remote start for this idTag if there is one; or the
   * one this very message started before (a repeat).
   */
  synchronized TxEvent started(int evseId, String idTag, String fingerprint) {
    for (TransactionRecord t : transactions) {
      if (t.startFingerprint().equals(fingerprint)) {
        return event(t, t.reserve(fingerprint));
      }
    }
    RemoteStart remote = takeRemoteStart(evseId, idTag).orElse(null);
    TransactionRecord t = new TransactionRecord(nextLocalId, UUID.randomUUID().toString(),
        evseId, fingerprint);
    nextLocalId = nextLocalId == Integer.MAX_VALUE ? 1 : nextLocalId + 1;
    if (remote != null) {
      t.remoteStartId(remote.remoteStartId());
    }
    t.chargingState("Charging");
    transactions.add(t);
    trim();
    TxEvent e = event(t, t.reserve(fingerprint));
    changed.run();
    return e;
  }

  /** An Updated event of the running transaction with this charger number, if it runs. */
  synchronized Optional<TxEvent> updated(int localId, String fingerprint) {
    return find(localId).filter(t -> !t.ended()).map(t -> reserved(t, fingerprint));
  }

  /**
   * The Ended event of the transaction with this charger number, if the bridge gave it; the
   * transaction ends here (a repeated stop gets its event again).
   */
  synchronized Optional<TxEvent> ended(int localId, String fingerprint) {
    return find(localId).map(t -> {
      t.end();
      return reserved(t, fingerprint);
    });
  }

  /**
   * An Updated event telling the charging state of the transaction running on this EVSE, when
   * it changed.
   */
  synchronized Optional<TxEvent> chargingState(int evseId, String state, String fingerprint) {
    return running(evseId).filter(t -> !state.equals(t.chargingState())).map(t -> {
      t.chargingState(state);
      return reserved(t, fingerprint);
    });
  }

  /** The event could not be delivered: its number goes to the next event. */
  synchronized void release(TxEvent event) {
    find(event.localId()).ifPresent(t -> {
      t.release(event.seqNo());
      changed.run();
    });
  }

  /** The charger number of the transaction the central system knows by this id. */
  synchronized OptionalInt localIdOf(String transactionId) {
    return transactions.stream().filter(t -> t.transactionId().equals(transactionId))
        .mapToInt(TransactionRecord::localId).findFirst();
  }

  /** Whether the transaction with this id runs: empty when the bridge does not know it. */
  synchronized Optional<Boolean> ongoing(String transactionId) {
    return transactions.stream().filter(t -> t.transactionId().equals(transactionId))
        .findFirst().map(t -> !t.ended());
  }

  /** The transactionId of the transaction running on this EVSE, if any. */
  synchronized Optional<String> runningOn(int evseId) {
    return running(evseId).map(TransactionRecord::transactionId);
  }

  /** True when any transaction the bridge knows of runs. */
  synchronized boolean anyRunning() {
    return transactions.stream().anyMatch(t -> !t.ended());
  }

  /** The charger accepted a RequestStopTransaction for this transaction. */
  synchronized void remoteStopRequested(String transactionId) {
    transactions.stream().filter(t -> t.transactionId().equals(transactionId)).findFirst()
        .ifPresent(t -> {
          t.remoteStopRequested();
          changed.run();
        });
  }

  private Optional<TransactionRecord> find(int localId) {
    return transactions.stream().filter(t -> t.localId() == localId).findFirst();
  }

  private Optional<TransactionRecord> running(int evseId) {
    for (int i = transactions.size() - 1; i >= 0; i--) {
      TransactionRecord t = transactions.get(i);
      if (t.evseId() == evseId && !t.ended()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private TxEvent reserved(TransactionRecord t, String fingerprint) {
    TxEvent e = event(t, t.reserve(fingerprint));
    changed.run();
    return e;
  }

  private static TxEvent event(TransactionRecord t, int seqNo) {
    return new TxEvent(t.localId(), t.transactionId(), t.evseId(), seqNo, t.remoteStartId(),
        t.remoteStop());
  }

  /** Forgets ended transactions first, oldest first, then the oldest running ones. */
  private void trim() {
    for (Iterator<TransactionRecord> it = transactions.iterator();
        it.hasNext() && transactions.size() > MAX_TRANSACTIONS; ) {
      if (it.next().ended()) {
        it.remove();
      }
    }
    while (transactions.size() > MAX_TRANSACTIONS) {
      transactions.remove(0);
    }
  }

  // ---- remote starts and tokens ------------------------------------------------------------

  /** The charger accepted a RequestStartTransaction. */
  synchronized void remoteStartAccepted(RemoteStart start) {
    remoteStarts.add(start);
    if (remoteStarts.size() > MAX_REMOTE_STARTS) {
      remoteStarts.remove(0);
    }
    changed.run();
  }

  /** The remote start this StartTransaction begins (same idTag, its EVSE or any), taken once. */
  synchronized Optional<RemoteStart> takeRemoteStart(int evseId, String idToken) {
    for (Iterator<RemoteStart> it = remoteStarts.iterator(); it.hasNext(); ) {
      RemoteStart r = it.next();
      if (r.idToken().equals(idToken) && (r.evseId() == null || r.evseId() == evseId)) {
        it.remove();
        changed.run();
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The central system used this idToken with this type. */
  synchronized void learnType(String idToken, String type) {
    if (!type.equals(tokenTypes.put(idToken, type))) {
      if (tokenTypes.size() > MAX_TOKEN_TYPES) {
        tokenTypes.remove(tokenTypes.keySet().iterator().next());
      }
      changed.run();
    }
  }

  /** The type the central system used for this idToken, if it did. */
  synchronized Optional<String> typeOf(String idToken) {
    return Optional.ofNullable(tokenTypes.get(idToken));
  }

  // ---- boot reason, firmware and log requests ----------------------------------------------

  /** The reason of the next BootNotification, learnt from what the bridge relayed. */
  synchronized void nextBootReason(String reason) {
    this.bootReason = reason;
    changed.run();
  }

  /** The reason of this BootNotification, if known; forgotten afterwards. */
  synchronized Optional<String> takeBootReason() {
    String reason = bootReason;
    if (reason != null) {
      bootReason = null;
      changed.run();
    }
    return Optional.ofNullable(reason);
  }

  synchronized void firmwareRequest(Integer requestId) {
    this.firmwareRequestId = requestId;
    changed.run();
  }

  synchronized Optional<Integer> firmwareRequest() {
    return Optional.ofNullable(firmwareRequestId);
  }

  synchronized void logRequest(Integer requestId) {
    this.logRequestId = requestId;
    changed.run();
  }

  synchronized Optional<Integer> logRequest() {
    return Optional.ofNullable(logRequestId);
  }

  // ---- persistence -------------------------------------------------------------------------

  /** The whole state as a JSON object, for the registry. */
  public synchronized ObjectNode toJson() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode out = nodes.objectNode().put("nextLocalId", nextLocalId);
    ArrayNode txs = out.putArray("transactions");
    transactions.forEach(t -> txs.add(t.toJson()));
    ArrayNode starts = out.putArray("remoteStarts");
    for (RemoteStart r : remoteStarts) {
      ObjectNode item = starts.addObject().put("idToken", r.idToken()).put("type", r.type())
          .put("remoteStartId", r.remoteStartId());
      if (r.evseId() != null) {
        item.put("evseId", r.evseId());
      }
    }
    ObjectNode types = out.putObject("tokenTypes");
    tokenTypes.forEach(types::put);
    if (bootReason != null) {
      out.put("bootReason", bootReason);
    }
    if (firmwareRequestId != null) {
      out.put("firmwareRequestId", firmwareRequestId);
    }
    if (logRequestId != null) {
      out.put("logRequestId", logRequestId);
    }
    return out;
  }

  /** The state {@link #toJson} wrote. */
  public static StationState fromJson(JsonNode in) {
    StationState s = new StationState(1);
    s.nextLocalId = Math.max(1, in.path("nextLocalId").intValue());
    in.path("transactions").forEach(t -> s.transactions.add(TransactionRecord.fromJson(t)));
    in.path("remoteStarts").forEach(r -> s.remoteStarts.add(new RemoteStart(
        r.hasNonNull("evseId") ? r.get("evseId").intValue() : null, r.path("idToken").asText(),
        r.path("type").asText(), r.path("remoteStartId").intValue())));
    in.path("tokenTypes").properties().forEach(e ->
        s.tokenTypes.put(e.getKey(), e.getValue().asText()));
    s.bootReason = in.hasNonNull("bootReason") ? in.get("bootReason").asText() : null;
    s.firmwareRequestId = in.hasNonNull("firmwareRequestId")
        ? in.get("firmwareRequestId").intValue() : null;
    s.logRequestId = in.hasNonNull("logRequestId") ? in.get("logRequestId").intValue() : null;
    return s;
  }
}
