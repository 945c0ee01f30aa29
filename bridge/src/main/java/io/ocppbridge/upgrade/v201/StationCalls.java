package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The central system's 2.0.1 calls about the station as a whole, as the OCPP 1.6 calls a 1.x
 * charger honours (mapping notes, "Central system → charger"): Reset, ChangeAvailability,
 * UnlockConnector, ClearCache, SendLocalList, GetLocalListVersion, ReserveNow, CancelReservation,
 * GetLog, UpdateFirmware, DataTransfer, TriggerMessage. EVSE N is the charger's connector N.
 */
final class StationCalls {

  /** 2.0.1 triggers a 1.6 charger has, by their 1.6 names. */
  private static final Map<String, String> TRIGGERS = Map.of(
      "BootNotification", "BootNotification", "LogStatusNotification",
      "DiagnosticsStatusNotification", "FirmwareStatusNotification",
      "FirmwareStatusNotification", "Heartbeat", "Heartbeat", "MeterValues", "MeterValues",
      "TransactionEvent", "MeterValues", "StatusNotification", "StatusNotification");

  private final LossyFields fields;
  private final IdTokens tokens;
  private final Answers answers;

  StationCalls(LossyFields fields, IdTokens tokens, Answers answers) {
    this.fields = fields;
    this.tokens = tokens;
    this.answers = answers;
  }

  /**
   * Reset: Immediate is Hard, OnIdle Soft when no transaction runs. A 1.x charger resets only
   * as a whole and cannot wait for its transactions to end (a Soft reset stops them): an EVSE
   * reset, and OnIdle while a transaction runs, are refused by the bridge.
   */
  CsmsExchange reset(MessageContext m, JsonNode in, StationState state) {
    if (in.has("evseId")) {
      return CsmsExchange.local(Answers.status("Rejected", "UnsupportedRequest",
          "an OCPP 1.x charger resets only as a whole"));
    }
    boolean immediate = in.path("type").asText().equals("Immediate");
    if (!immediate && state.anyRunning()) {
      return CsmsExchange.local(Answers.status("Rejected", "TxInProgress", "an OCPP 1.x charger"
          + " cannot wait for its transactions to end; send OnIdle again when they have, or"
          + " Immediate"));
    }
    return forward("Reset", Exchanges.object().put("type", immediate ? "Hard" : "Soft"),
        answer -> {
          if (answer.path("status").asText().equals("Accepted")) {
            state.nextBootReason("RemoteReset");
          }
          return Answers.status(answer.path("status").asText());
        });
  }

  /** ChangeAvailability of EVSE N (its connector 1) or of the station (connector 0). */
  CsmsExchange changeAvailability(MessageContext m, JsonNode in, StationState state) {
    JsonNode evse = in.get("evse");
    if (evse != null && evse.path("connectorId").asInt(1) != 1) {
      return CsmsExchange.local(Answers.status("Rejected", "UnknownConnector",
          "each EVSE of an OCPP 1.x charger has connector 1 only"));
    }
    ObjectNode out = Exchanges.object().put("connectorId", evse == null ? 0 : evse.path("id")
        .intValue()).put("type", in.path("operationalStatus").asText());
    return forward("ChangeAvailability", out, a -> Answers.status(a.path("status").asText()));
  }

  /**
   * UnlockConnector: EVSE N connector 1 is the charger's connector N. A connector with a running
   * transaction is not unlocked (2.0.1 F05: OngoingAuthorizedTransaction; a 1.x charger would stop
   * the transaction); the bridge answers that itself.
   */
  CsmsExchange unlockConnector(MessageContext m, JsonNode in, StationState state) {
    int evse = in.path("evseId").intValue();
    if (in.path("connectorId").intValue() != 1 || evse < 1) {
      return CsmsExchange.local(Answers.status("UnknownConnector"));
    }
    if (state.runningOn(evse).isPresent()) {
      return CsmsExchange.local(Answers.status("OngoingAuthorizedTransaction"));
    }
    return forward("UnlockConnector", Exchanges.object().put("connectorId", evse),
        a -> answers.mapped(m, a, Map.of("NotSupported", "UnlockFailed")));
  }

  CsmsExchange clearCache(MessageContext m, JsonNode in, StationState state) {
    return forward("ClearCache", Exchanges.object(), a -> Answers.status(a.path("status")
        .asText()));
  }

  /** SendLocalList: the list in 1.x terms, each idToken's type remembered. */
  CsmsExchange sendLocalList(MessageContext m, JsonNode in, StationState state) {
    ObjectNode out = Exchanges.object().put("listVersion", in.path("versionNumber").intValue());
    if (in.has("localAuthorizationList")) {
      var list = out.putArray("localAuthorizationList");
      for (JsonNode entry : in.get("localAuthorizationList")) {
        ObjectNode item = list.addObject()
            .put("idTag", tokens.idTag(m, entry.path("idToken"), "localAuthorizationList",
                state));
        if (entry.has("idTokenInfo")) {
          item.set("idTagInfo", tokens.idTagInfo(m, entry.get("idTokenInfo")));
        }
      }
    }
    out.put("updateType", in.path("updateType").asText());
    return forward("SendLocalList", out,
        a -> answers.mapped(m, a, Map.of("NotSupported", "Failed")));
  }

  CsmsExchange getLocalListVersion(MessageContext m, JsonNode in, StationState state) {
    return forward("GetLocalListVersion", Exchanges.object(), a -> Exchanges.object()
        .put("versionNumber", a.path("listVersion").intValue()));
  }

  /** ReserveNow: on EVSE N (the charger's connector N), or any (connector 0). */
  CsmsExchange reserveNow(MessageContext m, JsonNode in, StationState state) {
    ObjectNode out = Exchanges.object().put("connectorId", in.path("evseId").asInt(0));
    LossyFields.copy(in, out, "expiryDateTime", "expiryDate");
    out.put("idTag", tokens.idTag(m, in.path("idToken"), "idToken", state));
    JsonNode group = in.path("groupIdToken").path("idToken");
    if (group.isTextual()) {
      if (group.asText().length() <= IdTokens.ID_TAG) {
        out.put("parentIdTag", group.asText());
      } else {
        fields.losses().record(LossCase.REQUEST_DETAIL_DROPPED, m.charger(), m.action()
            + " groupIdToken of " + group.asText().length() + " characters left out (a"
            + " parentIdTag has " + IdTokens.ID_TAG + ")");
      }
    }
    out.put("reservationId", in.path("id").intValue());
    if (in.has("connectorType")) {
      fields.losses().record(LossCase.REQUEST_DETAIL_DROPPED, m.charger(), m.action()
          + " connectorType " + in.get("connectorType").asText() + " left out (OCPP 1.x"
          + " reserves a connector, not a type)");
    }
    return forward("ReserveNow", out, a -> Answers.status(a.path("status").asText()));
  }

  CsmsExchange cancelReservation(MessageContext m, JsonNode in, StationState state) {
    return forward("CancelReservation", Exchanges.object().put("reservationId",
        in.path("reservationId").intValue()), a -> Answers.status(a.path("status").asText()));
  }

  /**
   * GetLog of the diagnostics log as GetDiagnostics; its requestId goes with the charger's
   * DiagnosticsStatusNotifications. A 1.x charger has no security log.
   */
  CsmsExchange getLog(MessageContext m, JsonNode in, StationState state) {
    if (in.path("logType").asText().equals("SecurityLog")) {
      return CsmsExchange.local(Answers.status("Rejected", "UnsupportedRequest",
          "an OCPP 1.x charger has no security log"));
    }
    JsonNode log = in.path("log");
    ObjectNode out = Exchanges.object().put("location",
        uri(m, "log.remoteLocation", log.path("remoteLocation").asText()));
    LossyFields.copy(in, out, "retries");
    LossyFields.copy(in, out, "retryInterval");
    LossyFields.copy(log, out, "oldestTimestamp", "startTime");
    LossyFields.copy(log, out, "latestTimestamp", "stopTime");
    int requestId = in.path("requestId").intValue();
    return forward("GetDiagnostics", out, a -> {
      state.logRequest(requestId);
      ObjectNode reply = Answers.status("Accepted");
      LossyFields.copy(a, reply, "fileName", "filename");
      return reply;
    });
  }

  /**
   * UpdateFirmware of unsigned firmware; its requestId goes with the charger's
   * FirmwareStatusNotifications. Signed firmware is refused: a 1.x charger cannot check the
   * signature the central system relies on.
   */
  CsmsExchange updateFirmware(MessageContext m, JsonNode in, StationState state) {
    JsonNode firmware = in.path("firmware");
    if (firmware.has("signature") || firmware.has("signingCertificate")) {
      return CsmsExchange.local(Answers.status("Rejected", "UnsupportedRequest",
          "an OCPP 1.x charger cannot verify signed firmware"));
    }
    ObjectNode out = Exchanges.object().put("location",
        uri(m, "firmware.location", firmware.path("location").asText()));
    LossyFields.copy(in, out, "retries");
    LossyFields.copy(firmware, out, "retrieveDateTime", "retrieveDate");
    LossyFields.copy(in, out, "retryInterval");
    if (firmware.has("installDateTime")) {
      fields.losses().record(LossCase.REQUEST_DETAIL_DROPPED, m.charger(), m.action()
          + " installDateTime " + firmware.get("installDateTime").asText() + " left out (an"
          + " OCPP 1.x charger installs when it has the firmware)");
    }
    int requestId = in.path("requestId").intValue();
    return forward("UpdateFirmware", out, a -> {
      state.firmwareRequest(requestId);
      return Answers.status("Accepted");
    });
  }

  /** DataTransfer: data that is no string is sent as its JSON text. */
  CsmsExchange dataTransfer(MessageContext m, JsonNode in, StationState state) {
    ObjectNode out = Exchanges.object();
    LossyFields.copy(in, out, "vendorId");
    LossyFields.copy(in, out, "messageId");
    JsonNode data = in.get("data");
    if (data != null && !data.isNull()) {
      if (!data.isTextual()) {
        fields.losses().record(LossCase.DATA_STRINGIFIED, m.charger(), m.field("data")
            + " of JSON type " + data.getNodeType() + " sent as its JSON text");
      }
      out.put("data", data.isTextual() ? data.asText() : data.toString());
    }
    return forward("DataTransfer", out, a -> {
      ObjectNode reply = Answers.status(a.path("status").asText());
      LossyFields.copy(a, reply, "data");
      return reply;
    });
  }

  /**
   * TriggerMessage of what a 1.6 charger can send on request (LogStatusNotification is its
   * DiagnosticsStatusNotification, TransactionEvent its MeterValues); other messages
   * NotImplemented. A 1.2/1.5 charger cannot be triggered (the 1.6 step answers NotImplemented).
   */
  CsmsExchange triggerMessage(MessageContext m, JsonNode in, StationState state) {
    String requested = in.path("requestedMessage").asText();
    String trigger = TRIGGERS.get(requested);
    if (trigger == null) {
      return CsmsExchange.local(Answers.status("NotImplemented"));
    }
    ObjectNode out = Exchanges.object().put("requestedMessage", trigger);
    if (in.has("evse")) {
      out.put("connectorId", in.path("evse").path("id").intValue());
    }
    return forward("TriggerMessage", out, a -> {
      String status = a.path("status").asText();
      if (status.equals("Accepted") && requested.equals("BootNotification")) {
        state.nextBootReason("Triggered");
      }
      return Answers.status(status);
    });
  }

  /** An address for a 1.x charger, whose schemas type it anyURI. */
  private static String uri(MessageContext m, String field, String text) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null) {
        throw new URISyntaxException(text, "no scheme");
      }
      return text;
    } catch (URISyntaxException e) {
      throw new OcppException(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, m.field(field)
          + " is not a URI, which an OCPP 1.x charger needs");
    }
  }

  static CsmsExchange forward(String action, ObjectNode payload,
      java.util.function.Function<JsonNode, ObjectNode> convert) {
    return CsmsExchange.forward(new OutgoingCall(action, payload), convert);
  }
}
