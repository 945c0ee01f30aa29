package io.ocppbridge.schema;

import static io.ocppbridge.schema.SchemaBlocks.array;
import static io.ocppbridge.schema.SchemaBlocks.bool;
import static io.ocppbridge.schema.SchemaBlocks.dateTime;
import static io.ocppbridge.schema.SchemaBlocks.decimalTenths;
import static io.ocppbridge.schema.SchemaBlocks.integer;
import static io.ocppbridge.schema.SchemaBlocks.obj;
import static io.ocppbridge.schema.SchemaBlocks.oneOf;
import static io.ocppbridge.schema.SchemaBlocks.opt;
import static io.ocppbridge.schema.SchemaBlocks.req;
import static io.ocppbridge.schema.SchemaBlocks.str;
import static io.ocppbridge.schema.SchemaBlocks.uri;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's JSON schemas of the OCPP 1.6 payloads (the {@code ocpp1.6} subprotocol, used by
 * the upgrade profile), written from the interface facts of OCPP 1.6: property names, JSON types,
 * enumerations, CiString lengths and required fields per message. The project's own 1.6 WSDLs do
 * not exist yet (a separate issue), so {@link JsonSchemaGenerator} cannot derive them; this class
 * states them directly, in the same file layout as the generated 1.2/1.5 schemas.
 *
 * <p>Run {@link #main} to write {@code schemas-json/ocpp1.6/}; a test keeps the committed files
 * equal to this catalogue, another checks it against the official OCA schemas.
 */
public final class Ocpp16SchemaCatalog {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The folder below {@code schemas-json/}. */
  public static final String DIRECTORY = "ocpp1.6";

  private Ocpp16SchemaCatalog() {}

  /** Writes every schema below {@code args[0]} (default {@code schemas-json}). */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of(args.length > 0 ? args[0] : "schemas-json")
        .resolve(DIRECTORY);
    java.nio.file.Files.createDirectories(dir);
    for (Map.Entry<String, String> file : files().entrySet()) {
      java.nio.file.Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    System.out.println(files().size() + " schemas written to " + dir);
  }

  /** File name ({@code BootNotification.json}) to its committed text, in catalogue order. */
  public static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    schemas().forEach((name, schema) -> files.put(name + ".json", SchemaText.of(schema)));
    return files;
  }

  /** Payload name ({@code BootNotification}, {@code BootNotificationResponse}) to its schema. */
  public static Map<String, ObjectNode> schemas() {
    Map<String, ObjectNode> s = new LinkedHashMap<>();
    chargePointInitiated(s);
    centralSystemInitiated(s);
    return s;
  }

  // ---- the messages ------------------------------------------------------------------------

  private static void chargePointInitiated(Map<String, ObjectNode> s) {
    pair(s, "Authorize", obj(req("idTag", str(20))), obj(req("idTagInfo", idTagInfo())));
    pair(s, "BootNotification",
        obj(req("chargePointVendor", str(20)), req("chargePointModel", str(20)),
            opt("chargePointSerialNumber", str(25)), opt("chargeBoxSerialNumber", str(25)),
            opt("firmwareVersion", str(50)), opt("iccid", str(20)), opt("imsi", str(20)),
            opt("meterType", str(25)), opt("meterSerialNumber", str(25))),
        obj(req("status", oneOf("Accepted", "Pending", "Rejected")), req("currentTime", dateTime()),
            req("interval", integer())));
    pair(s, "DataTransfer",
        obj(req("vendorId", str(255)), opt("messageId", str(50)), opt("data", str())),
        obj(req("status", oneOf("Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId")),
            opt("data", str())));
    pair(s, "DiagnosticsStatusNotification",
        obj(req("status", oneOf("Idle", "Uploaded", "UploadFailed", "Uploading"))), obj());
    pair(s, "FirmwareStatusNotification",
        obj(req("status", oneOf("Downloaded", "DownloadFailed", "Downloading", "Idle",
            "InstallationFailed", "Installing", "Installed"))), obj());
    pair(s, "Heartbeat", obj(), obj(req("currentTime", dateTime())));
    pair(s, "MeterValues",
        obj(req("connectorId", integer()), opt("transactionId", integer()),
            req("meterValue", array(meterValue(false)))),
        obj());
    pair(s, "StartTransaction",
        obj(req("connectorId", integer()), req("idTag", str(20)), req("meterStart", integer()),
            opt("reservationId", integer()), req("timestamp", dateTime())),
        obj(req("idTagInfo", idTagInfo()), req("transactionId", integer())));
    pair(s, "StatusNotification",
        obj(req("connectorId", integer()),
            req("errorCode", oneOf("ConnectorLockFailure", "EVCommunicationError", "GroundFailure",
                "HighTemperature", "InternalError", "LocalListConflict", "NoError", "OtherError",
                "OverCurrentFailure", "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure",
                "ResetFailure", "UnderVoltage", "OverVoltage", "WeakSignal")),
            opt("info", str(50)),
            req("status", oneOf("Available", "Preparing", "Charging", "SuspendedEVSE",
                "SuspendedEV", "Finishing", "Reserved", "Unavailable", "Faulted")),
            opt("timestamp", dateTime()), opt("vendorId", str(255)),
            opt("vendorErrorCode", str(50))),
        obj());
    pair(s, "StopTransaction",
        obj(opt("idTag", str(20)), req("meterStop", integer()), req("timestamp", dateTime()),
            req("transactionId", integer()),
            opt("reason", oneOf("EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other",
                "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized")),
            opt("transactionData", array(meterValue(true)))),
        obj(opt("idTagInfo", idTagInfo())));
  }

  private static void centralSystemInitiated(Map<String, ObjectNode> s) {
    pair(s, "CancelReservation", obj(req("reservationId", integer())),
        obj(req("status", oneOf("Accepted", "Rejected"))));
    pair(s, "ChangeAvailability",
        obj(req("connectorId", integer()), req("type", oneOf("Inoperative", "Operative"))),
        obj(req("status", oneOf("Accepted", "Rejected", "Scheduled"))));
    pair(s, "ChangeConfiguration", obj(req("key", str(50)), req("value", str(500))),
        obj(req("status", oneOf("Accepted", "Rejected", "RebootRequired", "NotSupported"))));
    pair(s, "ClearCache", obj(), obj(req("status", oneOf("Accepted", "Rejected"))));
    pair(s, "ClearChargingProfile",
        obj(opt("id", integer()), opt("connectorId", integer()),
            opt("chargingProfilePurpose", purpose()), opt("stackLevel", integer())),
        obj(req("status", oneOf("Accepted", "Unknown"))));
    pair(s, "GetCompositeSchedule",
        obj(req("connectorId", integer()), req("duration", integer()),
            opt("chargingRateUnit", rateUnit())),
        obj(req("status", oneOf("Accepted", "Rejected")), opt("connectorId", integer()),
            opt("scheduleStart", dateTime()), opt("chargingSchedule", chargingSchedule())));
    pair(s, "GetConfiguration", obj(opt("key", array(str(50)))),
        obj(opt("configurationKey", array(obj(req("key", str(50)), req("readonly", bool()),
                opt("value", str(500))))),
            opt("unknownKey", array(str(50)))));
    pair(s, "GetDiagnostics",
        obj(req("location", uri()), opt("retries", integer()), opt("retryInterval", integer()),
            opt("startTime", dateTime()), opt("stopTime", dateTime())),
        obj(opt("fileName", str(255))));
    pair(s, "GetLocalListVersion", obj(), obj(req("listVersion", integer())));
    pair(s, "RemoteStartTransaction",
        obj(opt("connectorId", integer()), req("idTag", str(20)),
            opt("chargingProfile", chargingProfile())),
        obj(req("status", oneOf("Accepted", "Rejected"))));
    pair(s, "RemoteStopTransaction", obj(req("transactionId", integer())),
        obj(req("status", oneOf("Accepted", "Rejected"))));
    pair(s, "ReserveNow",
        obj(req("connectorId", integer()), req("expiryDate", dateTime()), req("idTag", str(20)),
            opt("parentIdTag", str(20)), req("reservationId", integer())),
        obj(req("status", oneOf("Accepted", "Faulted", "Occupied", "Rejected", "Unavailable"))));
    pair(s, "Reset", obj(req("type", oneOf("Hard", "Soft"))),
        obj(req("status", oneOf("Accepted", "Rejected"))));
    pair(s, "SendLocalList",
        obj(req("listVersion", integer()),
            opt("localAuthorizationList", array(obj(req("idTag", str(20)),
                opt("idTagInfo", idTagInfo())))),
            req("updateType", oneOf("Differential", "Full"))),
        obj(req("status", oneOf("Accepted", "Failed", "NotSupported", "VersionMismatch"))));
    pair(s, "SetChargingProfile",
        obj(req("connectorId", integer()), req("csChargingProfiles", chargingProfile())),
        obj(req("status", oneOf("Accepted", "Rejected", "NotSupported"))));
    pair(s, "TriggerMessage",
        obj(req("requestedMessage", oneOf("BootNotification", "DiagnosticsStatusNotification",
                "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StatusNotification")),
            opt("connectorId", integer())),
        obj(req("status", oneOf("Accepted", "Rejected", "NotImplemented"))));
    pair(s, "UnlockConnector", obj(req("connectorId", integer())),
        obj(req("status", oneOf("Unlocked", "UnlockFailed", "NotSupported"))));
    pair(s, "UpdateFirmware",
        obj(req("location", uri()), opt("retries", integer()), req("retrieveDate", dateTime()),
            opt("retryInterval", integer())),
        obj());
  }

  // ---- shared types ------------------------------------------------------------------------

  /** IdTagInfo: status, expiryDate, parentIdTag (IdToken). */
  private static ObjectNode idTagInfo() {
    return obj(opt("expiryDate", dateTime()), opt("parentIdTag", str(20)),
        req("status", oneOf("Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx")));
  }

  /**
   * MeterValue: a timestamp and its sampled values. The official StopTransaction schema spells
   * the unit Celsius "Celcius" only; MeterValues accepts both spellings.
   */
  private static ObjectNode meterValue(boolean inStopTransaction) {
    String[] units = inStopTransaction
        ? new String[] {"Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A",
            "V", "K", "Celcius", "Fahrenheit", "Percent"}
        : new String[] {"Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A",
            "V", "K", "Celcius", "Celsius", "Fahrenheit", "Percent"};
    ObjectNode sampledValue = obj(req("value", str()),
        opt("context", oneOf("Interruption.Begin", "Interruption.End", "Sample.Clock",
            "Sample.Periodic", "Transaction.Begin", "Transaction.End", "Trigger", "Other")),
        opt("format", oneOf("Raw", "SignedData")),
        opt("measurand", oneOf("Energy.Active.Export.Register", "Energy.Active.Import.Register",
            "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
            "Energy.Active.Export.Interval", "Energy.Active.Import.Interval",
            "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval",
            "Power.Active.Export", "Power.Active.Import", "Power.Offered",
            "Power.Reactive.Export", "Power.Reactive.Import", "Power.Factor", "Current.Import",
            "Current.Export", "Current.Offered", "Voltage", "Frequency", "Temperature", "SoC",
            "RPM")),
        opt("phase", oneOf("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3",
            "L3-L1")),
        opt("location", oneOf("Cable", "EV", "Inlet", "Outlet", "Body")),
        opt("unit", oneOf(units)));
    return obj(req("timestamp", dateTime()), req("sampledValue", array(sampledValue)));
  }

  private static ObjectNode purpose() {
    return oneOf("ChargePointMaxProfile", "TxDefaultProfile", "TxProfile");
  }

  private static ObjectNode rateUnit() {
    return oneOf("A", "W");
  }

  /** ChargingSchedule; limits and minimum rates in steps of 0.1. */
  private static ObjectNode chargingSchedule() {
    return obj(opt("duration", integer()), opt("startSchedule", dateTime()),
        req("chargingRateUnit", rateUnit()),
        req("chargingSchedulePeriod", array(obj(req("startPeriod", integer()),
            req("limit", decimalTenths()), opt("numberPhases", integer())))),
        opt("minChargingRate", decimalTenths()));
  }

  private static ObjectNode chargingProfile() {
    return obj(req("chargingProfileId", integer()), opt("transactionId", integer()),
        req("stackLevel", integer()), req("chargingProfilePurpose", purpose()),
        req("chargingProfileKind", oneOf("Absolute", "Recurring", "Relative")),
        opt("recurrencyKind", oneOf("Daily", "Weekly")), opt("validFrom", dateTime()),
        opt("validTo", dateTime()), req("chargingSchedule", chargingSchedule()));
  }

  // ---- the file ----------------------------------------------------------------------------

  private static void pair(Map<String, ObjectNode> s, String action, ObjectNode request,
      ObjectNode response) {
    s.put(action, document(action + "Request", request));
    s.put(action + "Response", document(action + "Response", response));
  }

  /** The file: draft-04, an id in the project's style, the title, then the payload object. */
  private static ObjectNode document(String title, ObjectNode payload) {
    ObjectNode doc = NODES.objectNode();
    doc.put("$schema", JsonSchemaGenerator.DRAFT_04);
    doc.put("id", "urn:OCPP:1.6:" + title);
    doc.put("title", title);
    doc.setAll(payload);
    return doc;
  }
}
