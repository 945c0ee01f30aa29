package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One transaction as the bridge presents it: the integer the charger was given in its
 * StartTransaction answer, paired with the string the central system knows it by, and the
 * sequence numbers of its TransactionEvents (OCPP 2.0.1 E01: 0, 1, 2, ... without gaps).
 *
 * <p>A sequence number is reserved when an event is built and released again when the event
 * could not be delivered, so that the next event takes it; an event built again from the same
 * 1.x message (the charger repeating a request that failed, as OCPP 1.x requires of
 * transaction messages) gets the number it had. Not thread-safe: {@link StationState} guards it.
 */
final class TransactionRecord {

  private final int localId;
  private final String transactionId;
  private final int evseId;
  private final String startFingerprint;
  private Integer remoteStartId;
  private int nextSeqNo;
  private int lastSeqNo = -1;
  private String lastFingerprint;
  private boolean ended;
  private boolean remoteStop;
  private String chargingState;

  TransactionRecord(int localId, String transactionId, int evseId, String startFingerprint) {
    this.localId = localId;
    this.transactionId = transactionId;
    this.evseId = evseId;
    this.startFingerprint = startFingerprint;
  }

  int localId() {
    return localId;
  }

  String transactionId() {
    return transactionId;
  }

  int evseId() {
    return evseId;
  }

  String startFingerprint() {
    return startFingerprint;
  }

  Integer remoteStartId() {
    return remoteStartId;
  }

  void remoteStartId(Integer id) {
    this.remoteStartId = id;
  }

  boolean ended() {
    return ended;
  }

  void end() {
    this.ended = true;
  }

  boolean remoteStop() {
    return remoteStop;
  }

  void remoteStopRequested() {
    this.remoteStop = true;
  }

  String chargingState() {
    return chargingState;
  }

  void chargingState(String state) {
    this.chargingState = state;
  }

  /** The sequence number of the event made from this message (its old one for a repeat). */
  int reserve(String fingerprint) {
    if (fingerprint.equals(lastFingerprint)) {
      nextSeqNo = Math.max(nextSeqNo, lastSeqNo + 1);
      return lastSeqNo;
    }
    lastSeqNo = nextSeqNo++;
    lastFingerprint = fingerprint;
    return lastSeqNo;
  }

  /** The event with this number was not delivered: the next event takes the number. */
  void release(int seqNo) {
    if (seqNo == lastSeqNo && nextSeqNo == seqNo + 1) {
      nextSeqNo = seqNo;
    }
  }

  ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("localId", localId).put("transactionId", transactionId).put("evseId", evseId)
        .put("startFingerprint", startFingerprint).put("nextSeqNo", nextSeqNo)
        .put("lastSeqNo", lastSeqNo).put("ended", ended).put("remoteStop", remoteStop);
    if (lastFingerprint != null) {
      out.put("lastFingerprint", lastFingerprint);
    }
    if (remoteStartId != null) {
      out.put("remoteStartId", remoteStartId);
    }
    if (chargingState != null) {
      out.put("chargingState", chargingState);
    }
    return out;
  }

  static TransactionRecord fromJson(JsonNode in) {
    TransactionRecord t = new TransactionRecord(in.path("localId").intValue(),
        in.path("transactionId").asText(), in.path("evseId").intValue(),
        in.path("startFingerprint").asText());
    t.nextSeqNo = in.path("nextSeqNo").intValue();
    t.lastSeqNo = in.path("lastSeqNo").asInt(-1);
    t.ended = in.path("ended").asBoolean();
    t.remoteStop = in.path("remoteStop").asBoolean();
    t.lastFingerprint = in.hasNonNull("lastFingerprint") ? in.get("lastFingerprint").asText()
        : null;
    t.remoteStartId = in.hasNonNull("remoteStartId") ? in.get("remoteStartId").intValue() : null;
    t.chargingState = in.hasNonNull("chargingState") ? in.get("chargingState").asText() : null;
    return t;
  }
}
