package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A central system's OCPP 1.6 CALL to an upgraded charger: forwarded in the charger's version,
 * or answered by the bridge (mapping document sections 3.1, 3.3 and 5).
 */
final class CsmsCallDowngrade {

  private interface Rule {
    CsmsCallOutcome apply(CsmsCallDowngrade self, MessageContext m, JsonNode in);
  }

  /**
   * OCPP 1.6 operations no 1.2/1.5 charger can perform, with the typed answer that is valid
   * and true for such a charger (mapping document 3.3).
   */
  private static final Map<String, String> ONLY_IN_1_6 = Map.of(
      "TriggerMessage", "NotImplemented",
      "SetChargingProfile", "NotSupported",
      "ClearChargingProfile", "Unknown",
      "GetCompositeSchedule", "Rejected");

  /** OCPP 1.5 operations a 1.2 charger lacks, with the bridge's answer (mapping document 5). */
  private static final Map<String, Rule> MISSING_IN_1_2 = Map.of(
      "CancelReservation", (s, m, in) -> local("status", "Rejected"),
      "ReserveNow", (s, m, in) -> local("status", "Rejected"),
      "GetLocalListVersion", (s, m, in) -> CsmsCallOutcome.answerLocally(
          JsonNodeFactory.instance.objectNode().put("listVersion", -1)),
      "SendLocalList", (s, m, in) -> local("status", "NotSupported"),
      "DataTransfer", (s, m, in) -> local("status", "UnknownVendorId"),
      "GetConfiguration", CsmsCallDowngrade::getConfigurationOf12);

  private static final Map<String, Rule> BY_ACTION = Map.ofEntries(
      Map.entry("CancelReservation", (s, m, in) -> s.ids(m, in, "reservationId")),
      Map.entry("ChangeAvailability", (s, m, in) -> s.ids(m, in, "connectorId", "type")),
      Map.entry("ChangeConfiguration", CsmsCallDowngrade::changeConfiguration),
      Map.entry("ClearCache", (s, m, in) -> forward(m, object())),
      Map.entry("DataTransfer", (s, m, in) -> forward(m, copyAll(in, "vendorId", "messageId",
          "data"))),
      Map.entry("GetConfiguration", CsmsCallDowngrade::getConfiguration),
      Map.entry("GetDiagnostics", (s, m, in) -> s.withRetries(m, in, "location", "startTime",
          "stopTime")),
      Map.entry("GetLocalListVersion", (s, m, in) -> forward(m, object())),
      Map.entry("RemoteStartTransaction", CsmsCallDowngrade::remoteStart),
      Map.entry("RemoteStopTransaction", (s, m, in) -> s.ids(m, in, "transactionId")),
      Map.entry("ReserveNow", (s, m, in) -> s.ids(m, in, "connectorId", "expiryDate", "idTag",
          "parentIdTag", "reservationId")),
      Map.entry("Reset", (s, m, in) -> forward(m, copyAll(in, "type"))),
      Map.entry("SendLocalList", CsmsCallDowngrade::sendLocalList),
      Map.entry("UnlockConnector", (s, m, in) -> s.ids(m, in, "connectorId")),
      Map.entry("UpdateFirmware", (s, m, in) -> s.withRetries(m, in, "retrieveDate",
          "location")));

  /** Integer fields that name something: refused beyond 32 bits, never clamped. */
  private static final List<String> IDENTIFIERS =
      List.of("connectorId", "transactionId", "reservationId", "listVersion");

  private final LossyFields fields;
  private final BridgeOwnedKeys owned;

  CsmsCallDowngrade(LossyFields fields, BridgeOwnedKeys owned) {
    this.fields = fields;
    this.owned = owned;
  }

  CsmsCallOutcome downgrade(MessageContext m, JsonNode in) {
    String action = m.action();
    String typed = ONLY_IN_1_6.get(action);
    if (typed != null) {
      return local("status", typed);
    }
    boolean known = OcppAction.of(action, m.version(), Initiator.CENTRAL_SYSTEM).isPresent();
    if (!known && MISSING_IN_1_2.containsKey(action)) {
      return MISSING_IN_1_2.get(action).apply(this, m, in);
    }
    Rule rule = BY_ACTION.get(action);
    if (rule == null || !known) {
      boolean named = java.util.Arrays.stream(OcppAction.values())
          .anyMatch(a -> a.wireName().equals(action));
      return named
          ? CsmsCallOutcome.error(OcppErrorCode.NOT_SUPPORTED,
              action + " is not an operation a central system sends to a charger")
          : CsmsCallOutcome.error(OcppErrorCode.NOT_IMPLEMENTED, "unknown action '" + action + "'");
    }
    try {
      return rule.apply(this, m, in);
    } catch (OcppException e) {
      return CsmsCallOutcome.error(e.code(), e.description());
    }
  }

  /** Copies the fields, identifiers checked against 32 bits. */
  private CsmsCallOutcome ids(MessageContext m, JsonNode in, String... names) {
    ObjectNode out = object();
    for (String name : names) {
      if (IDENTIFIERS.contains(name)) {
        fields.int32Identifier(m, in, out, name, OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
      } else {
        LossyFields.copy(in, out, name);
      }
    }
    return forward(m, out);
  }

  /** GetDiagnostics, UpdateFirmware: the fields, then retries and retryInterval clamped. */
  private CsmsCallOutcome withRetries(MessageContext m, JsonNode in, String... names) {
    ObjectNode out = copyAll(in, names);
    fields.int32Clamped(m, in, out, "retries");
    fields.int32Clamped(m, in, out, "retryInterval");
    return forward(m, out);
  }

  private CsmsCallOutcome changeConfiguration(MessageContext m, JsonNode in) {
    String key = in.path("key").asText();
    if (BridgeOwnedKeys.WRITABLE.contains(key)) {
      return CsmsCallOutcome.answerLocally(
          owned.change(m.charger(), key, in.path("value").asText()));
    }
    return forward(m, copyAll(in, "key", "value"));
  }

  /**
   * Keys the bridge owns are answered by the bridge ({@link ChargerAnswerUpgrade} adds them to
   * the charger's answer); a request for nothing but such keys never reaches the charger.
   */
  private CsmsCallOutcome getConfiguration(MessageContext m, JsonNode in) {
    JsonNode keys = in.get("key");
    if (keys == null || !keys.isArray() || keys.isEmpty()) {
      return forward(m, object());
    }
    ArrayNode others = JsonNodeFactory.instance.arrayNode();
    List<String> ours = new ArrayList<>();
    for (JsonNode key : keys) {
      if (BridgeOwnedKeys.isReadable(key)) {
        ours.add(key.asText());
      } else {
        others.add(key.asText());
      }
    }
    if (others.isEmpty()) {
      ObjectNode answer = object();
      owned.addTo(m.charger(), answer.putArray("configurationKey"), ours);
      answer.putArray("unknownKey");
      return CsmsCallOutcome.answerLocally(answer);
    }
    ObjectNode out = object();
    out.set("key", others);
    return forward(m, out);
  }

  /** OCPP 1.2 has no GetConfiguration: only the bridge's own keys can be read. */
  private CsmsCallOutcome getConfigurationOf12(MessageContext m, JsonNode in) {
    JsonNode keys = in.get("key");
    boolean onlyOurs = keys != null && keys.isArray() && !keys.isEmpty();
    if (onlyOurs) {
      for (JsonNode key : keys) {
        onlyOurs &= BridgeOwnedKeys.isReadable(key);
      }
    }
    if (!onlyOurs) {
      return CsmsCallOutcome.error(OcppErrorCode.NOT_SUPPORTED, "an OCPP 1.2 charger has no"
          + " GetConfiguration; only " + String.join(", ", BridgeOwnedKeys.READABLE)
          + " (kept by the bridge) can be read");
    }
    return getConfiguration(m, in);
  }

  private CsmsCallOutcome remoteStart(MessageContext m, JsonNode in) {
    ObjectNode out = object();
    LossyFields.copy(in, out, "idTag"); // OCPP 1.5 order: idTag, connectorId
    fields.int32Identifier(m, in, out, "connectorId",
        OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    if (in.has("chargingProfile")) {
      fields.losses().record(LossCase.CHARGING_PROFILE_DROPPED, m.charger(), m.action()
          + " chargingProfile " + in.get("chargingProfile").path("chargingProfileId")
          + " dropped: OCPP " + m.version().label() + " has no smart charging");
    }
    return forward(m, out);
  }

  /** Mapping document 3.2: localAuthorizationList becomes localAuthorisationList, 1.5 order. */
  private CsmsCallOutcome sendLocalList(MessageContext m, JsonNode in) {
    ObjectNode out = object();
    LossyFields.copy(in, out, "updateType");
    fields.int32Identifier(m, in, out, "listVersion", OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
    LossyFields.copy(in, out, "localAuthorizationList", "localAuthorisationList");
    return forward(m, out);
  }

  private static CsmsCallOutcome forward(MessageContext m, ObjectNode payload) {
    return CsmsCallOutcome.forward(m.action(), payload);
  }

  private static CsmsCallOutcome local(String field, String value) {
    return CsmsCallOutcome.answerLocally(JsonNodeFactory.instance.objectNode().put(field, value));
  }

  private static ObjectNode copyAll(JsonNode in, String... names) {
    ObjectNode out = object();
    for (String name : names) {
      LossyFields.copy(in, out, name);
    }
    return out;
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
