package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The charger's messages other than its transactions, as their OCPP 2.0.1 counterparts (mapping
 * notes, "Charger → central system"): BootNotification, Heartbeat, Authorize, StatusNotification,
 * DataTransfer, FirmwareStatusNotification, and DiagnosticsStatusNotification as
 * LogStatusNotification.
 */
final class StationMessages {

  /** 1.6 ChargePointStatus → 2.0.1 ConnectorStatusEnumType (the charging state is elsewhere). */
  private static final Map<String, String> CONNECTOR_STATUS = Map.of("Available", "Available",
      "Preparing", "Occupied", "Charging", "Occupied", "SuspendedEV", "Occupied",
      "SuspendedEVSE", "Occupied", "Finishing", "Occupied", "Reserved", "Reserved",
      "Unavailable", "Unavailable", "Faulted", "Faulted");
  /** 1.6 DiagnosticsStatus → 2.0.1 UploadLogStatusEnumType. */
  private static final Map<String, String> LOG_STATUS = Map.of("Idle", "Idle",
      "Uploaded", "Uploaded", "UploadFailed", "UploadFailure", "Uploading", "Uploading");
  /** Firmware statuses that end an update: its requestId is not needed after them. */
  private static final Set<String> FIRMWARE_DONE =
      Set.of("Installed", "InstallationFailed", "DownloadFailed");

  private final LossyFields fields;
  private final IdTokens tokens;
  private final TransactionMessages transactions;

  StationMessages(LossyFields fields, IdTokens tokens, TransactionMessages transactions) {
    this.fields = fields;
    this.tokens = tokens;
    this.transactions = transactions;
  }

  ChargerExchange authorize(MessageContext m, JsonNode in, StationState state) {
    ObjectNode out = Exchanges.object();
    out.set("idToken", tokens.idToken(m, in.path("idTag").asText(), state));
    return Exchanges.one("Authorize", out, answer -> {
      ObjectNode reply = Exchanges.object();
      reply.set("idTagInfo", tokens.idTagInfo(m, answer.path("idTokenInfo")));
      return reply;
    });
  }

  /**
   * BootNotification: the charger's descriptive fields as the ChargingStationType; the reason as
   * far as the bridge knows it (a Reset, a TriggerMessage, a firmware installation it relayed),
   * else Unknown.
   */
  ChargerExchange bootNotification(MessageContext m, JsonNode in, StationState state) {
    ObjectNode station = Exchanges.object();
    String serial = in.hasNonNull("chargePointSerialNumber") ? "chargePointSerialNumber"
        : "chargeBoxSerialNumber";
    LossyFields.copy(in, station, serial, "serialNumber");
    LossyFields.copy(in, station, "chargePointModel", "model");
    if (in.hasNonNull("iccid") || in.hasNonNull("imsi")) {
      ObjectNode modem = station.putObject("modem");
      LossyFields.copy(in, modem, "iccid");
      LossyFields.copy(in, modem, "imsi");
    }
    LossyFields.copy(in, station, "chargePointVendor", "vendorName");
    LossyFields.copy(in, station, "firmwareVersion");
    List<String> dropped = new ArrayList<>();
    for (String field : List.of("chargeBoxSerialNumber", "meterType", "meterSerialNumber")) {
      if (in.hasNonNull(field) && !field.equals(serial)) {
        dropped.add(field + " '" + in.get(field).asText() + "'");
      }
    }
    if (!dropped.isEmpty()) {
      fields.losses().record(LossCase.BOOT_FIELD_DROPPED, m.charger(), m.action() + " "
          + String.join(", ", dropped) + " left out (OCPP 2.0.1 has no place)");
    }
    String reason = state.takeBootReason().orElseGet(() -> {
      fields.losses().record(LossCase.BOOT_REASON_UNKNOWN, m.charger(), m.action()
          + " sent with reason Unknown (OCPP 1.x tells none)");
      return "Unknown";
    });
    ObjectNode out = Exchanges.object().put("reason", reason);
    out.set("chargingStation", station);
    return Exchanges.one("BootNotification", out, answer -> {
      statusInfo(m, answer);
      ObjectNode reply = Exchanges.object();
      LossyFields.copy(answer, reply, "status");
      LossyFields.copy(answer, reply, "currentTime");
      LossyFields.copy(answer, reply, "interval");
      return reply;
    });
  }

  ChargerExchange heartbeat(MessageContext m, JsonNode in, StationState state) {
    return Exchanges.one("Heartbeat", Exchanges.object(), answer -> {
      ObjectNode reply = Exchanges.object();
      LossyFields.copy(answer, reply, "currentTime");
      return reply;
    });
  }

  ChargerExchange dataTransfer(MessageContext m, JsonNode in, StationState state) {
    ObjectNode out = Exchanges.object();
    LossyFields.copy(in, out, "vendorId");
    LossyFields.copy(in, out, "messageId");
    LossyFields.copy(in, out, "data");
    return Exchanges.one("DataTransfer", out, answer -> {
      statusInfo(m, answer);
      ObjectNode reply = Exchanges.object();
      LossyFields.copy(answer, reply, "status");
      JsonNode data = answer.get("data");
      if (data != null && !data.isNull()) {
        if (!data.isTextual()) {
          fields.losses().record(LossCase.DATA_STRINGIFIED, m.charger(), m.field("data")
              + " of JSON type " + data.getNodeType() + " sent as its JSON text");
        }
        reply.put("data", data.isTextual() ? data.asText() : data.toString());
      }
      return reply;
    });
  }

  /**
   * StatusNotification of connector N as the status of EVSE N's connector 1, the 1.6 statuses of
   * a connector in use all Occupied; with a running transaction whose charging state changed, an
   * Updated TransactionEvent follows. Connector 0 (the whole charger) has no 2.0.1
   * StatusNotification: the bridge answers it.
   */
  ChargerExchange statusNotification(MessageContext m, JsonNode in, StationState state) {
    int connector = in.path("connectorId").intValue();
    String status = in.path("status").asText();
    detail(m, in);
    if (connector == 0) {
      fields.losses().record(LossCase.STATION_STATUS_NOT_SENT, m.charger(), m.action()
          + " " + status + " of connector 0 answered by the bridge (OCPP 2.0.1 has none for the"
          + " whole station)");
      return Exchanges.local(Exchanges.object());
    }
    String timestamp;
    if (in.hasNonNull("timestamp")) {
      timestamp = fields.utc(m, "timestamp", in.get("timestamp").asText());
    } else {
      timestamp = transactions.now();
      fields.losses().record(LossCase.TIMESTAMP_ASSUMED, m.charger(), m.field("timestamp")
          + " absent; the bridge's time " + timestamp + " sent");
    }
    ObjectNode out = Exchanges.object().put("timestamp", timestamp)
        .put("connectorStatus", CONNECTOR_STATUS.get(status)).put("evseId", connector)
        .put("connectorId", 1);
    OutgoingCall notification = new OutgoingCall("StatusNotification", out);
    return transactions.chargingState(m, in, timestamp, state)
        .map(e -> Exchanges.of(List.of(notification, e.call()), r -> Exchanges.object(),
            () -> state.release(e.event())))
        .orElseGet(() -> Exchanges.oneEmpty(notification.action(), out));
  }

  private void detail(MessageContext m, JsonNode in) {
    List<String> dropped = new ArrayList<>();
    String code = in.path("errorCode").asText("NoError");
    if (!code.equals("NoError")) {
      dropped.add("errorCode " + code);
    }
    for (String field : List.of("info", "vendorId", "vendorErrorCode")) {
      if (in.hasNonNull(field)) {
        dropped.add(field + " '" + in.get(field).asText() + "'");
      }
    }
    if (!dropped.isEmpty()) {
      fields.losses().record(LossCase.STATUS_DETAIL_DROPPED, m.charger(), m.action() + " "
          + String.join(", ", dropped) + " left out (OCPP 2.0.1 StatusNotification has no"
          + " place)");
    }
  }

  /** FirmwareStatusNotification with the requestId of the UpdateFirmware it reports on. */
  ChargerExchange firmwareStatus(MessageContext m, JsonNode in, StationState state) {
    String status = in.path("status").asText();
    ObjectNode out = Exchanges.object().put("status", status);
    if (!status.equals("Idle")) {
      state.firmwareRequest().ifPresent(id -> out.put("requestId", id));
    }
    if (status.equals("Installing")) {
      state.nextBootReason("FirmwareUpdate");
    }
    return Exchanges.of(List.of(new OutgoingCall("FirmwareStatusNotification", out)), r -> {
      if (FIRMWARE_DONE.contains(status)) {
        state.firmwareRequest(null);
      }
      return Exchanges.object();
    }, () -> { });
  }

  /** DiagnosticsStatusNotification as LogStatusNotification, with the GetLog's requestId. */
  ChargerExchange diagnosticsStatus(MessageContext m, JsonNode in, StationState state) {
    String status = LOG_STATUS.get(in.path("status").asText());
    ObjectNode out = Exchanges.object().put("status", status);
    if (!status.equals("Idle")) {
      state.logRequest().ifPresent(id -> out.put("requestId", id));
    }
    return Exchanges.of(List.of(new OutgoingCall("LogStatusNotification", out)), r -> {
      if (status.equals("Uploaded") || status.equals("UploadFailure")) {
        state.logRequest(null);
      }
      return Exchanges.object();
    }, () -> { });
  }

  private void statusInfo(MessageContext m, JsonNode answer) {
    if (answer.has("statusInfo")) {
      fields.losses().record(LossCase.ANSWER_DETAIL_DROPPED, m.charger(), m.action()
          + " answer's statusInfo " + answer.get("statusInfo") + " left out (OCPP 1.x has no"
          + " place)");
    }
  }
}
