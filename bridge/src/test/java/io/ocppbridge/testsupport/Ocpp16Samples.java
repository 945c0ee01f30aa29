package io.ocppbridge.testsupport;

import java.util.List;
import java.util.Map;

/**
 * Realistic OCPP 1.6 payloads a central system sends: its CALLs to a charger (every
 * central-system action of 1.6) and its answers to a charger's requests, a few per action,
 * including the values that exercise the profile's rules (Pending, a charging profile, the
 * bridge's own configuration keys). Each is itself checked against the official schema.
 */
public final class Ocpp16Samples {

  private Ocpp16Samples() {}

  public static final Map<String, List<String>> CALLS = Map.ofEntries(
      Map.entry("CancelReservation", List.of("{\"reservationId\":0}")),
      Map.entry("ChangeAvailability", List.of(
          "{\"connectorId\":0,\"type\":\"Inoperative\"}", "{\"connectorId\":2,\"type\":\"Operative\"}")),
      Map.entry("ChangeConfiguration", List.of(
          "{\"key\":\"HeartbeatInterval\",\"value\":\"900\"}",
          "{\"key\":\"WebSocketPingInterval\",\"value\":\"60\"}",
          "{\"key\":\"AuthorizationKey\",\"value\":\"00112233445566778899aabbccddeeff00112233\"}")),
      Map.entry("ClearCache", List.of("{}")),
      Map.entry("ClearChargingProfile", List.of("{}", "{\"id\":4,\"connectorId\":1,"
          + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"stackLevel\":0}")),
      Map.entry("DataTransfer", List.of(
          "{\"vendorId\":\"fr.tm.cnr\",\"messageId\":\"GetChargeInstruction\",\"data\":\"{}\"}")),
      Map.entry("GetCompositeSchedule", List.of(
          "{\"connectorId\":1,\"duration\":3600,\"chargingRateUnit\":\"W\"}")),
      Map.entry("GetConfiguration", List.of("{}", "{\"key\":[\"KVCBX_PROFILE\"]}",
          "{\"key\":[\"WebSocketPingInterval\"]}",
          "{\"key\":[\"WebSocketPingInterval\",\"HeartbeatInterval\"]}")),
      Map.entry("GetDiagnostics", List.of("{\"location\":\"ftp://root:root@axis.gir.foo/tmp\","
          + "\"startTime\":\"2013-02-01T15:09:18Z\",\"stopTime\":\"2013-02-01T15:09:18Z\","
          + "\"retries\":4,\"retryInterval\":20}")),
      Map.entry("GetLocalListVersion", List.of("{}")),
      Map.entry("RemoteStartTransaction", List.of(
          "{\"connectorId\":1,\"idTag\":\"044943121F1D80\"}",
          "{\"idTag\":\"044943121F1D80\",\"chargingProfile\":{\"chargingProfileId\":1,"
              + "\"stackLevel\":0,\"chargingProfilePurpose\":\"TxProfile\","
              + "\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":{"
              + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,"
              + "\"limit\":16.0}]}}}")),
      Map.entry("RemoteStopTransaction", List.of("{\"transactionId\":7}")),
      Map.entry("ReserveNow", List.of("{\"connectorId\":1,\"expiryDate\":"
          + "\"2013-02-01T15:09:18Z\",\"idTag\":\"044943121F1D80\",\"parentIdTag\":\"PARENT\","
          + "\"reservationId\":1}")),
      Map.entry("Reset", List.of("{\"type\":\"Hard\"}", "{\"type\":\"Soft\"}")),
      Map.entry("SendLocalList", List.of("{\"listVersion\":1,\"updateType\":\"Full\","
          + "\"localAuthorizationList\":[{\"idTag\":\"044943121F1D80\",\"idTagInfo\":{"
          + "\"status\":\"Accepted\",\"expiryDate\":\"2013-02-01T15:09:18Z\"}}]}",
          "{\"listVersion\":2,\"updateType\":\"Differential\"}")),
      Map.entry("SetChargingProfile", List.of("{\"connectorId\":1,\"csChargingProfiles\":{"
          + "\"chargingProfileId\":2,\"stackLevel\":1,\"chargingProfilePurpose\":"
          + "\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{"
          + "\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,"
          + "\"limit\":11000.0,\"numberPhases\":3}]}}}")),
      Map.entry("TriggerMessage", List.of("{\"requestedMessage\":\"StatusNotification\","
          + "\"connectorId\":1}")),
      Map.entry("UnlockConnector", List.of("{\"connectorId\":1}")),
      Map.entry("UpdateFirmware", List.of("{\"retrieveDate\":\"2013-02-01T15:09:18Z\","
          + "\"location\":\"ftp://root:root@fork.gir.foo/tmp/kvcbx-updt.amx\",\"retries\":4,"
          + "\"retryInterval\":20}")));

  public static final Map<String, List<String>> ANSWERS = Map.ofEntries(
      Map.entry("Authorize", List.of("{\"idTagInfo\":{\"status\":\"Accepted\","
          + "\"expiryDate\":\"2013-02-01T15:09:18Z\",\"parentIdTag\":\"PARENT\"}}")),
      Map.entry("BootNotification", List.of(
          "{\"status\":\"Accepted\",\"currentTime\":\"2013-02-01T15:09:18Z\",\"interval\":1200}",
          "{\"status\":\"Pending\",\"currentTime\":\"2013-02-01T15:09:18Z\",\"interval\":0}",
          "{\"status\":\"Rejected\",\"currentTime\":\"2013-02-01T15:09:18.123+02:00\","
              + "\"interval\":300}")),
      Map.entry("DataTransfer", List.of("{\"status\":\"Accepted\",\"data\":\"ok\"}",
          "{\"status\":\"UnknownVendorId\"}")),
      Map.entry("DiagnosticsStatusNotification", List.of("{}")),
      Map.entry("FirmwareStatusNotification", List.of("{}")),
      Map.entry("Heartbeat", List.of("{\"currentTime\":\"2013-02-01T15:09:18Z\"}")),
      Map.entry("MeterValues", List.of("{}")),
      Map.entry("StartTransaction", List.of("{\"transactionId\":7,\"idTagInfo\":{"
          + "\"status\":\"Accepted\",\"parentIdTag\":\"PARENT\"}}",
          "{\"transactionId\":0,\"idTagInfo\":{\"status\":\"Blocked\"}}")),
      Map.entry("StatusNotification", List.of("{}")),
      Map.entry("StopTransaction", List.of("{}",
          "{\"idTagInfo\":{\"status\":\"Expired\",\"expiryDate\":\"2013-02-01T15:09:18Z\"}}")));
}
