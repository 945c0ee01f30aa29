package io.ocppbridge.schema;

import static io.ocppbridge.schema.Ocpp201Types.attributeType;
import static io.ocppbridge.schema.Ocpp201Types.chargingProfile;
import static io.ocppbridge.schema.Ocpp201Types.chargingProfilePurpose;
import static io.ocppbridge.schema.Ocpp201Types.chargingRateUnit;
import static io.ocppbridge.schema.Ocpp201Types.chargingSchedulePeriod;
import static io.ocppbridge.schema.Ocpp201Types.component;
import static io.ocppbridge.schema.Ocpp201Types.evse;
import static io.ocppbridge.schema.Ocpp201Types.idToken;
import static io.ocppbridge.schema.Ocpp201Types.idTokenInfo;
import static io.ocppbridge.schema.Ocpp201Types.messageContent;
import static io.ocppbridge.schema.Ocpp201Types.meterValue;
import static io.ocppbridge.schema.Ocpp201Types.obj;
import static io.ocppbridge.schema.Ocpp201Types.ocspRequestData;
import static io.ocppbridge.schema.Ocpp201Types.reportData;
import static io.ocppbridge.schema.Ocpp201Types.statusAnswer;
import static io.ocppbridge.schema.Ocpp201Types.statusInfo;
import static io.ocppbridge.schema.Ocpp201Types.variable;
import static io.ocppbridge.schema.SchemaBlocks.any;
import static io.ocppbridge.schema.SchemaBlocks.array;
import static io.ocppbridge.schema.SchemaBlocks.bool;
import static io.ocppbridge.schema.SchemaBlocks.dateTime;
import static io.ocppbridge.schema.SchemaBlocks.integer;
import static io.ocppbridge.schema.SchemaBlocks.number;
import static io.ocppbridge.schema.SchemaBlocks.oneOf;
import static io.ocppbridge.schema.SchemaBlocks.opt;
import static io.ocppbridge.schema.SchemaBlocks.req;
import static io.ocppbridge.schema.SchemaBlocks.str;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's JSON schemas of the OCPP 2.0.1 payloads the bridge sends or reads under the
 * 2.0.1 upgrade profile ({@code ocpp2.0.1}), written from the interface facts of OCPP 2.0.1
 * (part 2, messages, datatypes and enumerations): property names, JSON types, enumerations,
 * string lengths, array bounds and required fields. The shared types are in {@link Ocpp201Types}.
 *
 * <p>Only the operations the profile maps or answers have a schema here; every other 2.0.1
 * operation ({@link #REFUSED}) is refused with NotSupported before its payload is read, so it
 * needs none. Run {@link #main} to write {@code schemas-json/ocpp2.0.1/}; a test keeps the
 * committed files equal to this catalogue and checks it against the official OCA schemas.
 */
public final class Ocpp201SchemaCatalog {

  /** The folder below {@code schemas-json/}. */
  public static final String DIRECTORY = "ocpp2.0.1";

  private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

  /**
   * The OCPP 2.0.1 operations the profile refuses (no OCPP 1.x counterpart, nothing the bridge
   * can answer truthfully): both directions of OCPP 2.0.1 that are not in this catalogue.
   */
  public static final List<String> REFUSED = List.of("CertificateSigned",
      "ClearVariableMonitoring", "ClearedChargingLimit", "CostUpdated", "CustomerInformation",
      "DeleteCertificate", "Get15118EVCertificate", "GetCertificateStatus",
      "GetInstalledCertificateIds", "GetMonitoringReport", "GetReport",
      "InstallCertificate", "NotifyChargingLimit", "NotifyCustomerInformation",
      "NotifyDisplayMessages", "NotifyEVChargingNeeds", "NotifyEVChargingSchedule",
      "NotifyEvent", "NotifyMonitoringReport", "PublishFirmware",
      "PublishFirmwareStatusNotification", "ReportChargingProfiles", "ReservationStatusUpdate",
      "SecurityEventNotification", "SetDisplayMessage", "SetMonitoringBase",
      "SetMonitoringLevel", "SetNetworkProfile", "SetVariableMonitoring", "SignCertificate",
      "UnpublishFirmware");

  private Ocpp201SchemaCatalog() {}

  /** Writes every schema below {@code args[0]} (default {@code schemas-json}). */
  public static void main(String[] args) throws java.io.IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "schemas-json").resolve(DIRECTORY);
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : files().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    System.out.println(files().size() + " schemas written to " + dir);
  }

  /** File name ({@code BootNotification.json}) to its committed text, in catalogue order. */
  public static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    schemas().forEach((name, schema) -> files.put(name + ".json", SchemaText.of(schema)));
    return files;
  }

  /** Payload name ({@code Reset}, {@code ResetResponse}) to its schema. */
  public static Map<String, ObjectNode> schemas() {
    Map<String, ObjectNode> s = new LinkedHashMap<>();
    stationInitiated(s);
    csmsInitiated(s);
    return s;
  }

  /** The operations of the catalogue (each with a request and a response schema). */
  public static List<String> actions() {
    return schemas().keySet().stream().filter(n -> !n.endsWith("Response")).toList();
  }

  // ---- messages the charging station sends -------------------------------------------------

  private static void stationInitiated(Map<String, ObjectNode> s) {
    pair(s, "Authorize",
        obj(req("idToken", idToken()), opt("certificate", str(5500)),
            opt("iso15118CertificateHashData", array(ocspRequestData(), 1, 4))),
        obj(req("idTokenInfo", idTokenInfo()),
            opt("certificateStatus", oneOf("Accepted", "SignatureError", "CertificateExpired",
                "CertificateRevoked", "NoCertificateAvailable", "CertChainError",
                "ContractCancelled"))));
    pair(s, "BootNotification",
        obj(req("chargingStation", obj(opt("serialNumber", str(25)), req("model", str(20)),
                opt("modem", obj(opt("iccid", str(20)), opt("imsi", str(20)))),
                req("vendorName", str(50)), opt("firmwareVersion", str(50)))),
            req("reason", oneOf("ApplicationReset", "FirmwareUpdate", "LocalReset", "PowerUp",
                "RemoteReset", "ScheduledReset", "Triggered", "Unknown", "Watchdog"))),
        obj(req("currentTime", dateTime()), req("interval", integer()),
            req("status", oneOf("Accepted", "Pending", "Rejected")),
            opt("statusInfo", statusInfo())));
    pair(s, "DataTransfer",
        obj(opt("messageId", str(50)), opt("data", any()), req("vendorId", str(255))),
        obj(req("status", dataTransferStatus()), opt("statusInfo", statusInfo()),
            opt("data", any())));
    pair(s, "FirmwareStatusNotification",
        obj(req("status", oneOf("Downloaded", "DownloadFailed", "Downloading",
                "DownloadScheduled", "DownloadPaused", "Idle", "InstallationFailed", "Installing",
                "Installed", "InstallRebooting", "InstallScheduled", "InstallVerificationFailed",
                "InvalidSignature", "SignatureVerified")),
            opt("requestId", integer())),
        obj());
    pair(s, "Heartbeat", obj(), obj(req("currentTime", dateTime())));
    pair(s, "LogStatusNotification",
        obj(req("status", oneOf("BadMessage", "Idle", "NotSupportedOperation",
                "PermissionDenied", "Uploaded", "UploadFailure", "Uploading",
                "AcceptedCanceled")),
            opt("requestId", integer())),
        obj());
    pair(s, "MeterValues",
        obj(req("evseId", integer()), req("meterValue", array(meterValue(), 1))), obj());
    pair(s, "NotifyReport",
        obj(req("requestId", integer()), req("generatedAt", dateTime()),
            opt("reportData", array(reportData(), 1)), opt("tbc", bool()),
            req("seqNo", integer())),
        obj());
    pair(s, "StatusNotification",
        obj(req("timestamp", dateTime()),
            req("connectorStatus", oneOf("Available", "Occupied", "Reserved", "Unavailable",
                "Faulted")),
            req("evseId", integer()), req("connectorId", integer())),
        obj());
    pair(s, "TransactionEvent", transactionEvent(),
        obj(opt("totalCost", number()), opt("chargingPriority", integer()),
            opt("idTokenInfo", idTokenInfo()), opt("updatedPersonalMessage", messageContent())));
  }

  private static ObjectNode transactionEvent() {
    ObjectNode transaction = obj(req("transactionId", str(36)),
        opt("chargingState", oneOf("Charging", "EVConnected", "SuspendedEV", "SuspendedEVSE",
            "Idle")),
        opt("timeSpentCharging", integer()),
        opt("stoppedReason", oneOf("DeAuthorized", "EmergencyStop", "EnergyLimitReached",
            "EVDisconnected", "GroundFault", "ImmediateReset", "Local", "LocalOutOfCredit",
            "MasterPass", "Other", "OvercurrentFault", "PowerLoss", "PowerQuality", "Reboot",
            "Remote", "SOCLimitReached", "StoppedByEV", "TimeLimitReached", "Timeout")),
        opt("remoteStartId", integer()));
    return obj(req("eventType", oneOf("Ended", "Started", "Updated")),
        opt("meterValue", array(meterValue(), 1)), req("timestamp", dateTime()),
        req("triggerReason", oneOf("Authorized", "CablePluggedIn", "ChargingRateChanged",
            "ChargingStateChanged", "Deauthorized", "EnergyLimitReached", "EVCommunicationLost",
            "EVConnectTimeout", "MeterValueClock", "MeterValuePeriodic", "TimeLimitReached",
            "Trigger", "UnlockCommand", "StopAuthorized", "EVDeparted", "EVDetected",
            "RemoteStop", "RemoteStart", "AbnormalCondition", "SignedDataReceived",
            "ResetCommand")),
        req("seqNo", integer()), opt("offline", bool()), opt("numberOfPhasesUsed", integer()),
        opt("cableMaxCurrent", integer()), opt("reservationId", integer()),
        req("transactionInfo", transaction), opt("evse", evse()), opt("idToken", idToken()));
  }

  // ---- messages the central system sends ---------------------------------------------------

  private static void csmsInitiated(Map<String, ObjectNode> s) {
    pair(s, "CancelReservation", obj(req("reservationId", integer())),
        statusAnswer("Accepted", "Rejected"));
    pair(s, "ChangeAvailability",
        obj(opt("evse", evse()), req("operationalStatus", oneOf("Inoperative", "Operative"))),
        statusAnswer("Accepted", "Rejected", "Scheduled"));
    pair(s, "ClearCache", obj(), statusAnswer("Accepted", "Rejected"));
    pair(s, "ClearDisplayMessage", obj(req("id", integer())),
        statusAnswer("Accepted", "Unknown"));
    pair(s, "ClearChargingProfile",
        obj(opt("chargingProfileId", integer()),
            opt("chargingProfileCriteria", obj(opt("evseId", integer()),
                opt("chargingProfilePurpose", chargingProfilePurpose()),
                opt("stackLevel", integer())))),
        statusAnswer("Accepted", "Unknown"));
    pair(s, "GetBaseReport",
        obj(req("requestId", integer()),
            req("reportBase", oneOf("ConfigurationInventory", "FullInventory",
                "SummaryInventory"))),
        statusAnswer("Accepted", "Rejected", "NotSupported", "EmptyResultSet"));
    pair(s, "GetCompositeSchedule",
        obj(req("duration", integer()), opt("chargingRateUnit", chargingRateUnit()),
            req("evseId", integer())),
        obj(req("status", oneOf("Accepted", "Rejected")), opt("statusInfo", statusInfo()),
            opt("schedule", obj(req("chargingSchedulePeriod", array(chargingSchedulePeriod(), 1)),
                req("evseId", integer()), req("duration", integer()),
                req("scheduleStart", dateTime()), req("chargingRateUnit", chargingRateUnit())))));
    pair(s, "GetChargingProfiles",
        obj(req("requestId", integer()), opt("evseId", integer()),
            req("chargingProfile", obj(opt("chargingProfilePurpose", chargingProfilePurpose()),
                opt("stackLevel", integer()), opt("chargingProfileId", array(integer(), 1)),
                opt("chargingLimitSource", array(oneOf("EMS", "Other", "SO", "CSO"), 1, 4))))),
        statusAnswer("Accepted", "NoProfiles"));
    pair(s, "GetDisplayMessages",
        obj(opt("id", array(integer(), 1)), req("requestId", integer()),
            opt("priority", oneOf("AlwaysFront", "InFront", "NormalCycle")),
            opt("state", oneOf("Charging", "Faulted", "Idle", "Unavailable"))),
        statusAnswer("Accepted", "Unknown"));
    pair(s, "GetLocalListVersion", obj(), obj(req("versionNumber", integer())));
    pair(s, "GetLog",
        obj(req("log", obj(req("remoteLocation", str(512)), opt("oldestTimestamp", dateTime()),
                opt("latestTimestamp", dateTime()))),
            req("logType", oneOf("DiagnosticsLog", "SecurityLog")), req("requestId", integer()),
            opt("retries", integer()), opt("retryInterval", integer())),
        obj(req("status", oneOf("Accepted", "Rejected", "AcceptedCanceled")),
            opt("statusInfo", statusInfo()), opt("filename", str(255))));
    pair(s, "GetTransactionStatus", obj(opt("transactionId", str(36))),
        obj(opt("ongoingIndicator", bool()), req("messagesInQueue", bool())));
    pair(s, "GetVariables",
        obj(req("getVariableData", array(obj(opt("attributeType", attributeType()),
            req("component", component()), req("variable", variable())), 1))),
        obj(req("getVariableResult", array(obj(opt("attributeStatusInfo", statusInfo()),
            req("attributeStatus", oneOf("Accepted", "Rejected", "UnknownComponent",
                "UnknownVariable", "NotSupportedAttributeType")),
            opt("attributeType", attributeType()), opt("attributeValue", str(2500)),
            req("component", component()), req("variable", variable())), 1))));
    pair(s, "RequestStartTransaction",
        obj(opt("evseId", integer()), opt("groupIdToken", idToken()), req("idToken", idToken()),
            req("remoteStartId", integer()), opt("chargingProfile", chargingProfile())),
        obj(req("status", startStop()), opt("statusInfo", statusInfo()),
            opt("transactionId", str(36))));
    pair(s, "RequestStopTransaction", obj(req("transactionId", str(36))),
        obj(req("status", startStop()), opt("statusInfo", statusInfo())));
    pair(s, "ReserveNow",
        obj(req("id", integer()), req("expiryDateTime", dateTime()),
            opt("connectorType", oneOf("cCCS1", "cCCS2", "cG105", "cTesla", "cType1", "cType2",
                "s309-1P-16A", "s309-1P-32A", "s309-3P-16A", "s309-3P-32A", "sBS1361",
                "sCEE-7-7", "sType2", "sType3", "Other1PhMax16A", "Other1PhOver16A", "Other3Ph",
                "Pan", "wInductive", "wResonant", "Undetermined", "Unknown")),
            req("idToken", idToken()), opt("evseId", integer()),
            opt("groupIdToken", idToken())),
        statusAnswer("Accepted", "Faulted", "Occupied", "Rejected", "Unavailable"));
    pair(s, "Reset", obj(req("type", oneOf("Immediate", "OnIdle")), opt("evseId", integer())),
        statusAnswer("Accepted", "Rejected", "Scheduled"));
    pair(s, "SendLocalList",
        obj(opt("localAuthorizationList", array(obj(req("idToken", idToken()),
                opt("idTokenInfo", idTokenInfo())), 1)),
            req("versionNumber", integer()), req("updateType", oneOf("Differential", "Full"))),
        statusAnswer("Accepted", "Failed", "VersionMismatch"));
    pair(s, "SetChargingProfile",
        obj(req("evseId", integer()), req("chargingProfile", chargingProfile())),
        statusAnswer("Accepted", "Rejected"));
    pair(s, "SetVariables",
        obj(req("setVariableData", array(obj(opt("attributeType", attributeType()),
            req("attributeValue", str(1000)), req("component", component()),
            req("variable", variable())), 1))),
        obj(req("setVariableResult", array(obj(opt("attributeType", attributeType()),
            req("attributeStatus", oneOf("Accepted", "Rejected", "UnknownComponent",
                "UnknownVariable", "NotSupportedAttributeType", "RebootRequired")),
            opt("attributeStatusInfo", statusInfo()), req("component", component()),
            req("variable", variable())), 1))));
    pair(s, "TriggerMessage",
        obj(opt("evse", evse()),
            req("requestedMessage", oneOf("BootNotification", "LogStatusNotification",
                "FirmwareStatusNotification", "Heartbeat", "MeterValues",
                "SignChargingStationCertificate", "SignV2GCertificate", "StatusNotification",
                "TransactionEvent", "SignCombinedCertificate",
                "PublishFirmwareStatusNotification"))),
        statusAnswer("Accepted", "Rejected", "NotImplemented"));
    pair(s, "UnlockConnector", obj(req("evseId", integer()), req("connectorId", integer())),
        statusAnswer("Unlocked", "UnlockFailed", "OngoingAuthorizedTransaction",
            "UnknownConnector"));
    pair(s, "UpdateFirmware",
        obj(opt("retries", integer()), opt("retryInterval", integer()),
            req("requestId", integer()),
            req("firmware", obj(req("location", str(512)), req("retrieveDateTime", dateTime()),
                opt("installDateTime", dateTime()), opt("signingCertificate", str(5500)),
                opt("signature", str(800))))),
        statusAnswer("Accepted", "Rejected", "AcceptedCanceled", "InvalidCertificate",
            "RevokedCertificate"));
  }

  private static ObjectNode dataTransferStatus() {
    return oneOf("Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId");
  }

  private static ObjectNode startStop() {
    return oneOf("Accepted", "Rejected");
  }

  // ---- the file ----------------------------------------------------------------------------

  private static void pair(Map<String, ObjectNode> s, String action, ObjectNode request,
      ObjectNode response) {
    s.put(action, document(action + "Request", request));
    s.put(action + "Response", document(action + "Response", response));
  }

  /** The file: draft-07, an id in the project's style, the title, then the payload object. */
  private static ObjectNode document(String title, ObjectNode payload) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("$schema", DRAFT_07);
    doc.put("$id", "urn:OCPP:2.0.1:" + title);
    doc.put("title", title);
    doc.setAll(payload);
    return doc;
  }
}
