package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import java.util.Map;

/**
 * The central system's OCPP 1.6 CALLRESULT payload to a charger's request, as the ocppjs JSON
 * answer of the charger's version (mapping document section 2, direction "to 1.5").
 */
final class CsmsAnswerDowngrade {

  private interface Rule {
    ObjectNode apply(CsmsAnswerDowngrade self, MessageContext m, JsonNode request,
        JsonNode answer, ConnectorStates state);
  }

  private static final Map<String, Rule> BY_ACTION = Map.of(
      "Authorize", (s, m, rq, a, st) -> idTagInfo(a),
      "BootNotification", (s, m, rq, a, st) -> s.boot.downgrade(m, a),
      "DataTransfer", CsmsAnswerDowngrade::dataTransfer,
      "DiagnosticsStatusNotification", (s, m, rq, a, st) -> empty(),
      "FirmwareStatusNotification", (s, m, rq, a, st) -> empty(),
      "Heartbeat", (s, m, rq, a, st) -> copy(a, "currentTime"),
      "MeterValues", (s, m, rq, a, st) -> empty(),
      "StartTransaction", CsmsAnswerDowngrade::startTransaction,
      "StatusNotification", (s, m, rq, a, st) -> empty(),
      "StopTransaction", (s, m, rq, a, st) -> idTagInfo(a));

  private final LossyFields fields;
  private final BootAnswers boot;

  CsmsAnswerDowngrade(LossyFields fields) {
    this.fields = fields;
    this.boot = new BootAnswers(fields);
  }

  ObjectNode downgrade(MessageContext m, JsonNode request, JsonNode answer,
      ConnectorStates state) {
    Rule rule = BY_ACTION.get(m.action());
    if (rule == null) {
      throw new OcppException(OcppErrorCode.NOT_IMPLEMENTED, m.action()
          + " is not a charger-initiated operation");
    }
    return rule.apply(this, m, request, answer, state);
  }

  private static ObjectNode idTagInfo(JsonNode answer) {
    return copy(answer, "idTagInfo");
  }

  private ObjectNode dataTransfer(MessageContext m, JsonNode request, JsonNode answer,
      ConnectorStates state) {
    ObjectNode out = copy(answer, "status");
    JsonNode data = answer.get("data");
    if (data != null && !data.isNull()) {
      if (!data.isTextual()) {
        fields.losses().record(LossCase.DATA_STRINGIFIED, m.charger(),
            m.field("data") + " of JSON type " + data.getNodeType() + " sent as its JSON text");
      }
      out.put("data", data.isTextual() ? data.asText() : data.toString());
    }
    return out;
  }

  private ObjectNode startTransaction(MessageContext m, JsonNode request, JsonNode answer,
      ConnectorStates state) {
    ObjectNode out = empty();
    fields.int32Identifier(m, answer, out, "transactionId", OcppErrorCode.INTERNAL_ERROR);
    LossyFields.copy(answer, out, "idTagInfo");
    state.transactionStarted(request.path("connectorId").intValue(),
        out.get("transactionId").intValue());
    return out;
  }

  private static ObjectNode copy(JsonNode answer, String field) {
    ObjectNode out = empty();
    LossyFields.copy(answer, out, field);
    return out;
  }

  private static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }
}
