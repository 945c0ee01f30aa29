package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A charger's answer, ocppjs JSON of OCPP 1.2/1.5, to a central system's CALL, as the OCPP 1.6
 * CALLRESULT payload (mapping document sections 3.1, 3.2). The central system's CALL is at hand
 * because some answers only make sense with it (which connector a remote start was for, which
 * bridge-owned keys were asked for).
 */
final class ChargerAnswerUpgrade {

  private interface Rule {
    ObjectNode apply(ChargerAnswerUpgrade self, MessageContext m, JsonNode call, JsonNode answer,
        ConnectorStates state);
  }

  /** Answers whose fields and values are the same in 1.2/1.5 and 1.6. */
  private static final Set<String> UNCHANGED = Set.of("CancelReservation", "ChangeAvailability",
      "ChangeConfiguration", "ClearCache", "DataTransfer", "GetLocalListVersion", "ReserveNow",
      "Reset", "UpdateFirmware");

  private static final Map<String, Rule> BY_ACTION = Map.of(
      "GetConfiguration", ChargerAnswerUpgrade::getConfiguration,
      "GetDiagnostics", ChargerAnswerUpgrade::getDiagnostics,
      "RemoteStartTransaction", ChargerAnswerUpgrade::remoteStart,
      "RemoteStopTransaction", ChargerAnswerUpgrade::remoteStop,
      "SendLocalList", ChargerAnswerUpgrade::sendLocalList,
      "UnlockConnector", ChargerAnswerUpgrade::unlockConnector);

  /** Mapping document 3.1: the 1.5 UnlockStatus in 1.6 terms (NotSupported never occurs). */
  private static final Map<String, String> UNLOCK_STATUS =
      Map.of("Accepted", "Unlocked", "Rejected", "UnlockFailed");

  private final LossyFields fields;
  private final BridgeOwnedKeys owned;

  ChargerAnswerUpgrade(LossyFields fields, BridgeOwnedKeys owned) {
    this.fields = fields;
    this.owned = owned;
  }

  ObjectNode upgrade(MessageContext m, JsonNode call, JsonNode answer, ConnectorStates state) {
    if (UNCHANGED.contains(m.action())) {
      return answer.deepCopy();
    }
    Rule rule = BY_ACTION.get(m.action());
    if (rule == null) {
      throw new IllegalArgumentException(m.action()
          + " is not a central-system operation a charger answers");
    }
    return rule.apply(this, m, call, answer, state);
  }

  private ObjectNode getConfiguration(MessageContext m, JsonNode call, JsonNode answer,
      ConnectorStates state) {
    ObjectNode out = object();
    ArrayNode known = out.putArray("configurationKey");
    for (JsonNode entry : answer.path("configurationKey")) {
      String key = entry.path("key").asText();
      if (tooLongKey(m, key, "configurationKey")) {
        continue;
      }
      ObjectNode item = known.addObject().put("key", key);
      LossyFields.copy(entry, item, "readonly");
      fields.text(m, entry, item, "value", fields.limits().configurationValue());
    }
    owned.addTo(m.charger(), known, ownKeysAskedFor(call));
    ArrayNode unknown = out.putArray("unknownKey");
    for (JsonNode key : answer.path("unknownKey")) {
      if (!tooLongKey(m, key.asText(), "unknownKey")) {
        unknown.add(key.asText());
      }
    }
    return out;
  }

  /** The bridge's keys the CALL asked for: all of them when it named no key. */
  private static List<String> ownKeysAskedFor(JsonNode call) {
    JsonNode keys = call == null ? null : call.get("key");
    if (keys == null || !keys.isArray() || keys.isEmpty()) {
      return List.copyOf(BridgeOwnedKeys.READABLE);
    }
    List<String> ours = new ArrayList<>();
    keys.forEach(k -> {
      if (BridgeOwnedKeys.isReadable(k)) {
        ours.add(k.asText());
      }
    });
    return ours;
  }

  private boolean tooLongKey(MessageContext m, String key, String list) {
    int length = key.codePointCount(0, key.length());
    int max = fields.limits().configurationKey();
    if (length <= max) {
      return false;
    }
    fields.losses().record(LossCase.CONFIGURATION_KEY_DROPPED, m.charger(), m.field(list)
        + " entry with a key of " + length + " characters left out (" + fields.limits().target()
        + " allows " + max + "): " + key.substring(0, key.offsetByCodePoints(0, max)) + "...");
    return true;
  }

  private ObjectNode getDiagnostics(MessageContext m, JsonNode call, JsonNode answer,
      ConnectorStates state) {
    ObjectNode out = object();
    fields.text(m, answer, out, "fileName", fields.limits().fileName());
    return out;
  }

  private ObjectNode remoteStart(MessageContext m, JsonNode call, JsonNode answer,
      ConnectorStates state) {
    if (accepted(answer)) {
      JsonNode connector = call == null ? null : call.get("connectorId");
      state.remoteStartAccepted(connector == null || !connector.canConvertToInt()
          ? null : connector.intValue());
    }
    return answer.deepCopy();
  }

  private ObjectNode remoteStop(MessageContext m, JsonNode call, JsonNode answer,
      ConnectorStates state) {
    if (accepted(answer) && call != null && call.path("transactionId").canConvertToInt()) {
      state.remoteStopAccepted(call.path("transactionId").intValue());
    }
    return answer.deepCopy();
  }

  private ObjectNode sendLocalList(MessageContext m, JsonNode call, JsonNode answer,
      ConnectorStates state) {
    String status = answer.path("status").asText();
    if (status.equals("HashError")) {
      fields.losses().record(LossCase.HASH_ERROR_AS_FAILED, m.charger(),
          m.field("status") + " HashError sent as Failed");
      status = "Failed";
    }
    String hash = answer.path("hash").asText("");
    if (!hash.isEmpty()) {
      fields.losses().record(LossCase.LOCAL_LIST_HASH_DROPPED, m.charger(),
          m.field("hash") + " '" + hash + "' left out (OCPP 1.6 has no list hash)");
    }
    return object().put("status", status);
  }

  private ObjectNode unlockConnector(MessageContext m, JsonNode call, JsonNode answer,
      ConnectorStates state) {
    String status = answer.path("status").asText();
    return object().put("status", UNLOCK_STATUS.getOrDefault(status, status));
  }

  private static boolean accepted(JsonNode answer) {
    return answer.path("status").asText().equals("Accepted");
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
