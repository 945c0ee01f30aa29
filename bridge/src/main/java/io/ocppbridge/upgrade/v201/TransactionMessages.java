package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import io.ocppbridge.upgrade.v201.StationState.TxEvent;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The charger's transaction messages as one OCPP 2.0.1 TransactionEvent sequence (2.0.1 part 2,
 * E01-E07): StartTransaction is the Started event (seqNo 0, a new transactionId, the charger's
 * integer kept beside it for the answer), MeterValues naming the transaction an Updated one,
 * StopTransaction the Ended one; a 1.6 charger's charging-state change of a running transaction
 * is an Updated one too. EVSE N is the charger's connector N, its only connector 1.
 */
final class TransactionMessages {

  static final String ACTION = "TransactionEvent";

  /** 1.6 stop reasons: the 2.0.1 stoppedReason and the triggerReason of the Ended event. */
  private static final Map<String, String[]> STOP_REASONS = Map.ofEntries(
      Map.entry("Local", new String[] {"Local", "StopAuthorized"}),
      Map.entry("EmergencyStop", new String[] {"EmergencyStop", "AbnormalCondition"}),
      Map.entry("EVDisconnected", new String[] {"EVDisconnected", "EVCommunicationLost"}),
      Map.entry("HardReset", new String[] {"ImmediateReset", "ResetCommand"}),
      Map.entry("SoftReset", new String[] {"Reboot", "ResetCommand"}),
      Map.entry("Reboot", new String[] {"Reboot", "AbnormalCondition"}),
      Map.entry("Other", new String[] {"Other", "AbnormalCondition"}),
      Map.entry("PowerLoss", new String[] {"PowerLoss", "AbnormalCondition"}),
      Map.entry("Remote", new String[] {"Remote", "RemoteStop"}),
      // 2.0.1 moved UnlockCommand to the trigger: the pair says the same as 1.6 did
      Map.entry("UnlockCommand", new String[] {"Other", "UnlockCommand"}),
      Map.entry("DeAuthorized", new String[] {"DeAuthorized", "Deauthorized"}));

  /** 1.6 statuses of a running transaction: the 2.0.1 chargingState. */
  private static final Map<String, String> CHARGING_STATES = Map.of("Charging", "Charging",
      "SuspendedEV", "SuspendedEV", "SuspendedEVSE", "SuspendedEVSE");

  private static final List<String> ANSWER_DETAIL =
      List.of("totalCost", "chargingPriority", "updatedPersonalMessage");

  private final LossyFields fields;
  private final IdTokens tokens;
  private final MeterValueConversion meters;
  private final Clock clock;

  TransactionMessages(LossyFields fields, IdTokens tokens, MeterValueConversion meters,
      Clock clock) {
    this.fields = fields;
    this.tokens = tokens;
    this.meters = meters;
    this.clock = clock;
  }

  /** StartTransaction: the Started event; the answer carries the charger's integer. */
  ChargerExchange start(MessageContext m, JsonNode in, StationState state) {
    int evse = in.path("connectorId").intValue();
    String idTag = in.path("idTag").asText();
    String timestamp = fields.utc(m, "timestamp", in.path("timestamp").asText());
    TxEvent e = state.started(evse, idTag, Exchanges.fingerprint(m.action(), in));
    ObjectNode out = event("Started", timestamp,
        e.remoteStartId() != null ? "RemoteStart" : "Authorized", e);
    ObjectNode info = (ObjectNode) out.get("transactionInfo");
    info.put("chargingState", "Charging");
    if (e.remoteStartId() != null) {
      info.put("remoteStartId", e.remoteStartId());
    }
    out.set("idToken", tokens.idToken(m, idTag, state));
    out.putObject("evse").put("id", evse).put("connectorId", 1);
    out.putArray("meterValue").add(MeterValueConversion.register(timestamp,
        in.path("meterStart"), "Transaction.Begin"));
    LossyFields.copy(in, out, "reservationId");
    return Exchanges.of(List.of(new OutgoingCall(ACTION, out)), results -> {
      ObjectNode answer = Exchanges.object().put("transactionId", e.localId());
      JsonNode result = results.get(0);
      answerDetail(m, result);
      if (result.has("idTokenInfo")) {
        answer.set("idTagInfo", tokens.idTagInfo(m, result.get("idTokenInfo")));
      } else {
        fields.losses().record(LossCase.ID_TAG_INFO_ASSUMED, m.charger(), m.action()
            + ": the central system's TransactionEvent answer has no idTokenInfo; the charger"
            + " is told Accepted");
        answer.putObject("idTagInfo").put("status", "Accepted");
      }
      return answer;
    }, () -> state.release(e));
  }

  /**
   * MeterValues: an Updated event of the running transaction it names, else (no transaction, or
   * one the bridge does not know) a 2.0.1 MeterValues of the EVSE.
   */
  ChargerExchange meterValues(MessageContext m, JsonNode in, StationState state) {
    int evse = in.path("connectorId").intValue();
    ArrayNode values = meters.convert(m, in.get("meterValue"));
    if (values.isEmpty()) {
      return Exchanges.local(Exchanges.object());
    }
    JsonNode transaction = in.get("transactionId");
    if (transaction != null && transaction.canConvertToInt()) {
      Optional<TxEvent> e = state.updated(transaction.intValue(),
          Exchanges.fingerprint(m.action(), in));
      if (e.isPresent()) {
        String timestamp = values.get(values.size() - 1).path("timestamp").asText();
        ObjectNode out = event("Updated", timestamp, trigger(values), e.get());
        out.set("meterValue", values);
        return Exchanges.of(List.of(new OutgoingCall(ACTION, out)), results -> {
          answerDetail(m, results.get(0));
          return Exchanges.object();
        }, () -> state.release(e.get()));
      }
      fields.losses().record(LossCase.TRANSACTION_UNKNOWN, m.charger(), m.action()
          + " of transaction " + transaction + ", which the bridge did not start or has seen"
          + " end, sent as MeterValues of EVSE " + evse);
    }
    ObjectNode out = Exchanges.object().put("evseId", evse);
    out.set("meterValue", values);
    return Exchanges.oneEmpty("MeterValues", out);
  }

  /** StopTransaction: the Ended event; the answer carries the idTagInfo when there is one. */
  ChargerExchange stop(MessageContext m, JsonNode in, StationState state) {
    int localId = in.path("transactionId").intValue();
    String timestamp = fields.utc(m, "timestamp", in.path("timestamp").asText());
    Optional<TxEvent> known = state.ended(localId, Exchanges.fingerprint(m.action(), in));
    TxEvent e = known.orElseGet(() -> {
      fields.losses().record(LossCase.TRANSACTION_UNKNOWN, m.charger(), m.action() + " of"
          + " transaction " + localId + ", which the bridge did not start, sent as the Ended"
          + " event of transactionId '" + localId + "' with seqNo 0");
      return new TxEvent(localId, Integer.toString(localId), 0, 0, null, false);
    });
    String reason = in.path("reason").asText(null);
    if (e.remoteStop() && (reason == null || reason.equals("Remote"))) {
      reason = "Remote";
    }
    String[] mapped = reason == null ? null : STOP_REASONS.get(reason);
    if ("SoftReset".equals(reason)) {
      fields.losses().record(LossCase.STOP_REASON_APPROXIMATED, m.charger(), m.action()
          + " reason SoftReset sent as stoppedReason Reboot (triggerReason ResetCommand)");
    }
    ObjectNode out = event("Ended", timestamp, mapped == null ? "StopAuthorized" : mapped[1], e);
    if (mapped != null) {
      ((ObjectNode) out.get("transactionInfo")).put("stoppedReason", mapped[0]);
    }
    if (in.hasNonNull("idTag")) {
      out.set("idToken", tokens.idToken(m, in.get("idTag").asText(), state));
    }
    if (known.isPresent()) {
      out.putObject("evse").put("id", e.evseId()).put("connectorId", 1);
    }
    ArrayNode values = meters.convert(m, in.get("transactionData"));
    values.add(MeterValueConversion.register(timestamp, in.path("meterStop"),
        "Transaction.End"));
    out.set("meterValue", values);
    return Exchanges.of(List.of(new OutgoingCall(ACTION, out)), results -> {
      JsonNode result = results.get(0);
      answerDetail(m, result);
      ObjectNode answer = Exchanges.object();
      if (result.has("idTokenInfo")) {
        answer.set("idTagInfo", tokens.idTagInfo(m, result.get("idTokenInfo")));
      }
      return answer;
    }, () -> known.ifPresent(state::release));
  }

  /** A TransactionEvent CALL and the event it reserved. */
  record EventCall(OutgoingCall call, TxEvent event) {}

  /**
   * The Updated event telling that the charging state of the transaction running on this
   * connector changed (a 1.6 StatusNotification Charging, SuspendedEV or SuspendedEVSE), if it
   * changed.
   */
  Optional<EventCall> chargingState(MessageContext m, JsonNode in, String timestamp,
      StationState state) {
    String chargingState = CHARGING_STATES.get(in.path("status").asText());
    if (chargingState == null) {
      return Optional.empty();
    }
    return state.chargingState(in.path("connectorId").intValue(), chargingState,
        Exchanges.fingerprint(m.action(), in)).map(e -> {
          ObjectNode out = event("Updated", timestamp, "ChargingStateChanged", e);
          ((ObjectNode) out.get("transactionInfo")).put("chargingState", chargingState);
          return new EventCall(new OutgoingCall(ACTION, out), e);
        });
  }

  private static ObjectNode event(String type, String timestamp, String trigger, TxEvent e) {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("eventType", type)
        .put("timestamp", timestamp).put("triggerReason", trigger).put("seqNo", e.seqNo());
    out.putObject("transactionInfo").put("transactionId", e.transactionId());
    return out;
  }

  /** A clock-aligned reading is MeterValueClock, a triggered one Trigger, else periodic. */
  private static String trigger(ArrayNode values) {
    for (JsonNode value : values) {
      for (JsonNode sample : value.path("sampledValue")) {
        String context = sample.path("context").asText("");
        if (context.equals("Trigger")) {
          return "Trigger";
        }
        if (context.equals("Sample.Clock")) {
          return "MeterValueClock";
        }
      }
    }
    return "MeterValuePeriodic";
  }

  private void answerDetail(MessageContext m, JsonNode result) {
    List<String> dropped = ANSWER_DETAIL.stream().filter(result::has).toList();
    if (!dropped.isEmpty()) {
      fields.losses().record(LossCase.ANSWER_DETAIL_DROPPED, m.charger(), m.action()
          + ": TransactionEvent answer's " + String.join(", ", dropped)
          + " left out (OCPP 1.x has no place)");
    }
  }

  /** The bridge's current time, for 2.0.1 fields the 1.x message lacks. */
  String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(
        java.time.temporal.ChronoUnit.SECONDS));
  }
}
