package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A charger's request, ocppjs JSON of OCPP 1.2/1.5, as the OCPP 1.6 CALL payload (mapping
 * document section 2). One small function per action; the table {@link #BY_ACTION} is the list.
 */
final class ChargerRequestUpgrade {

  private interface Rule {
    ObjectNode apply(ChargerRequestUpgrade self, MessageContext m, JsonNode in,
        ConnectorStates state);
  }

  private static final Map<String, Rule> BY_ACTION = Map.of(
      "Authorize", ChargerRequestUpgrade::authorize,
      "BootNotification", ChargerRequestUpgrade::bootNotification,
      "DataTransfer", ChargerRequestUpgrade::dataTransfer,
      "DiagnosticsStatusNotification", (s, m, in, st) -> status(in),
      "FirmwareStatusNotification", (s, m, in, st) -> status(in),
      "Heartbeat", (s, m, in, st) -> object(),
      "MeterValues", ChargerRequestUpgrade::meterValues,
      "StartTransaction", ChargerRequestUpgrade::startTransaction,
      "StatusNotification", ChargerRequestUpgrade::statusNotification,
      "StopTransaction", ChargerRequestUpgrade::stopTransaction);

  /** BootNotification fields in 1.6 order (1.2 has no limits; {@link Limits} has them). */
  private static final List<String> BOOT_ORDER = List.of("chargePointVendor", "chargePointModel",
      "chargePointSerialNumber", "chargeBoxSerialNumber", "firmwareVersion", "iccid", "imsi",
      "meterType", "meterSerialNumber");

  private final LossyFields fields;
  private final MeterValueUpgrade meters;
  private final UpgradeOptions options;

  ChargerRequestUpgrade(LossyFields fields, UpgradeOptions options) {
    this.fields = fields;
    this.meters = new MeterValueUpgrade(fields);
    this.options = options;
  }

  ObjectNode upgrade(MessageContext m, JsonNode in, ConnectorStates state) {
    Rule rule = BY_ACTION.get(m.action());
    if (rule == null || (m.action().equals("DataTransfer")
        && m.version() == OcppVersion.V1_2)) {
      throw new OcppException(OcppErrorCode.NOT_IMPLEMENTED, m.action()
          + " is not a charger-initiated operation of OCPP " + m.version().label());
    }
    return rule.apply(this, m, in, state);
  }

  private ObjectNode authorize(MessageContext m, JsonNode in, ConnectorStates state) {
    ObjectNode out = object();
    fields.identifier(m, in, out, "idTag", fields.limits().idToken());
    return out;
  }

  private ObjectNode bootNotification(MessageContext m, JsonNode in, ConnectorStates state) {
    ObjectNode out = object();
    for (String field : BOOT_ORDER) {
      fields.text(m, in, out, field, fields.limits().bootField(field));
    }
    return out;
  }

  private ObjectNode dataTransfer(MessageContext m, JsonNode in, ConnectorStates state) {
    ObjectNode out = object();
    fields.identifier(m, in, out, "vendorId", fields.limits().vendorId());
    fields.identifier(m, in, out, "messageId", fields.limits().messageId());
    LossyFields.copy(in, out, "data");
    return out;
  }

  private static ObjectNode status(JsonNode in) {
    ObjectNode out = object();
    LossyFields.copy(in, out, "status");
    return out;
  }

  private ObjectNode meterValues(MessageContext m, JsonNode in, ConnectorStates state) {
    ObjectNode out = object();
    LossyFields.copy(in, out, "connectorId");
    LossyFields.copy(in, out, "transactionId");
    if (!out.has("transactionId") && in.path("connectorId").canConvertToInt()) {
      // OCPP 1.2 has no transactionId here; the running transaction of the connector is known.
      state.transactionOn(in.path("connectorId").intValue())
          .ifPresent(id -> out.put("transactionId", id));
    } else if (out.path("transactionId").canConvertToInt()
        && in.path("connectorId").canConvertToInt()) {
      // a 1.5 charger names its running transaction: enough to know it runs after a restart
      state.transactionSeen(in.path("connectorId").intValue(),
          out.path("transactionId").intValue());
    }
    out.set("meterValue", meters.upgrade(m, in.get("values"), "Celsius"));
    return out;
  }

  private ObjectNode startTransaction(MessageContext m, JsonNode in, ConnectorStates state) {
    ObjectNode out = object();
    LossyFields.copy(in, out, "connectorId");
    fields.identifier(m, in, out, "idTag", fields.limits().idToken());
    LossyFields.copy(in, out, "meterStart");
    LossyFields.copy(in, out, "reservationId");
    fields.timestamp(m, in, out, "timestamp");
    state.transactionStarting(in.path("connectorId").intValue());
    return out;
  }

  private ObjectNode statusNotification(MessageContext m, JsonNode in, ConnectorStates state) {
    ObjectNode out = object();
    int connector = in.path("connectorId").intValue();
    out.put("connectorId", connector);
    out.put("errorCode", errorCode(m, in.path("errorCode").asText()));
    fields.text(m, in, out, "info", fields.limits().statusText());
    out.put("status", status(m, connector, in.path("status").asText(), state));
    fields.timestamp(m, in, out, "timestamp");
    fields.text(m, in, out, "vendorId", fields.limits().vendorId());
    fields.text(m, in, out, "vendorErrorCode", fields.limits().statusText());
    return out;
  }

  private String errorCode(MessageContext m, String code) {
    if (!code.equals("Mode3Error")) {
      return code;
    }
    fields.losses().record(LossCase.MODE3_ERROR_RENAMED, m.charger(),
        m.field("errorCode") + " Mode3Error sent as EVCommunicationError");
    return "EVCommunicationError";
  }

  /** OCPP 1.6 section 4.9: Occupied split by the tracked state; connector 0 restricted. */
  private String status(MessageContext m, int connector, String status, ConnectorStates state) {
    if (connector == 0 && (status.equals("Occupied") || status.equals("Reserved"))) {
      fields.losses().record(LossCase.CONNECTOR_ZERO_STATUS, m.charger(),
          m.field("status") + " " + status + " of connector 0 sent as Available");
      return "Available";
    }
    if (status.equals("Available")) {
      state.available(connector);
    }
    return status.equals("Occupied") ? state.occupancy(connector).wireName() : status;
  }

  private ObjectNode stopTransaction(MessageContext m, JsonNode in, ConnectorStates state) {
    ObjectNode out = object();
    fields.optionalIdentifier(m, in, out, "idTag", fields.limits().idToken());
    LossyFields.copy(in, out, "meterStop");
    fields.timestamp(m, in, out, "timestamp");
    LossyFields.copy(in, out, "transactionId");
    int transactionId = in.path("transactionId").intValue();
    Optional<String> reason = state.transactionStopping(transactionId);
    if (reason.isPresent()) {
      out.put("reason", reason.get());
    } else {
      fields.losses().record(LossCase.STOP_REASON_OMITTED, m.charger(), m.action()
          + " of transaction " + transactionId + " sent without reason (read as Local)");
    }
    JsonNode groups = in.get("transactionData");
    if (groups != null && groups.isArray()) {
      // Mapping document 2.10: the 1.5 TransactionData blocks are flattened into one list.
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      String celsius = options.celciusInStopTransaction() ? "Celcius" : "Celsius";
      for (JsonNode group : groups) {
        all.addAll(meters.upgrade(m, group.get("values"), celsius));
      }
      if (!all.isEmpty()) {
        out.set("transactionData", all);
      }
    }
    return out;
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
