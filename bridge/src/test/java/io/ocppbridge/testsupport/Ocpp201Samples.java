package io.ocppbridge.testsupport;

import java.util.List;
import java.util.Map;

/**
 * OCPP 2.0.1 CALLs a central system sends a charging station: every action the 2.0.1 profile maps
 * or answers, a few per action, including the values that exercise its rules (a charging profile,
 * the bridge's own variables, an unknown component, a security log, signed firmware). Each is
 * itself checked against the official schema by the tests that use it.
 */
public final class Ocpp201Samples {

  private Ocpp201Samples() {}

  private static final String PROFILE = "{\"id\":11,\"stackLevel\":0,"
      + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\","
      + "\"chargingSchedule\":[{\"id\":1,\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
      + "[{\"startPeriod\":0,\"limit\":16.04,\"phaseToUse\":1}]}]}";
  private static final String TOKEN = "{\"idToken\":\"044943121F1D80\",\"type\":\"ISO14443\"}";

  public static final Map<String, List<String>> CALLS = Map.ofEntries(
      Map.entry("CancelReservation", List.of("{\"reservationId\":3}")),
      Map.entry("ChangeAvailability", List.of("{\"operationalStatus\":\"Inoperative\"}",
          "{\"operationalStatus\":\"Operative\",\"evse\":{\"id\":2,\"connectorId\":1}}")),
      Map.entry("ClearCache", List.of("{}")),
      Map.entry("ClearDisplayMessage", List.of("{\"id\":3}")),
      Map.entry("GetDisplayMessages", List.of("{\"requestId\":4,\"priority\":\"InFront\"}")),
      Map.entry("ClearChargingProfile", List.of("{}", "{\"chargingProfileId\":4}",
          "{\"chargingProfileCriteria\":{\"evseId\":1,\"chargingProfilePurpose\":"
              + "\"ChargingStationExternalConstraints\"}}")),
      Map.entry("DataTransfer", List.of("{\"vendorId\":\"fr.tm.cnr\",\"messageId\":\"Ask\","
          + "\"data\":{\"any\":[1,2]}}")),
      Map.entry("GetBaseReport", List.of("{\"requestId\":8,\"reportBase\":\"FullInventory\"}",
          "{\"requestId\":9,\"reportBase\":\"SummaryInventory\"}")),
      Map.entry("GetCompositeSchedule", List.of("{\"duration\":3600,\"evseId\":1,"
          + "\"chargingRateUnit\":\"A\"}")),
      Map.entry("GetLocalListVersion", List.of("{}")),
      Map.entry("GetLog", List.of("{\"logType\":\"DiagnosticsLog\",\"requestId\":21,\"log\":"
          + "{\"remoteLocation\":\"ftp://logs.example.com/up\",\"oldestTimestamp\":"
          + "\"2026-01-01T00:00:00Z\"},\"retries\":2}", "{\"logType\":\"SecurityLog\","
          + "\"requestId\":22,\"log\":{\"remoteLocation\":\"ftp://logs.example.com/up\"}}")),
      Map.entry("GetTransactionStatus", List.of("{}",
          "{\"transactionId\":\"00000000-0000-0000-0000-000000000000\"}")),
      Map.entry("GetVariables", List.of("{\"getVariableData\":["
          + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},"
          + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},"
          + "\"variable\":{\"name\":\"WebSocketPingInterval\"}},"
          + "{\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"}},"
          + "{\"component\":{\"name\":\"OCPP1xConfiguration\"},\"variable\":{\"name\":\"NoSuchKey\"}},"
          + "{\"component\":{\"name\":\"DisplayCtrlr\"},\"variable\":{\"name\":\"Enabled\"}},"
          + "{\"component\":{\"name\":\"TxCtrlr\"},\"variable\":{\"name\":\"TxStartPoint\"}},"
          + "{\"attributeType\":\"MaxSet\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
          + "\"variable\":{\"name\":\"HeartbeatInterval\"}}]}")),
      Map.entry("RequestStartTransaction", List.of("{\"evseId\":1,\"remoteStartId\":7,"
          + "\"idToken\":" + TOKEN + "}", "{\"remoteStartId\":8,\"idToken\":" + TOKEN
          + ",\"chargingProfile\":" + PROFILE.replace("TxDefaultProfile", "TxProfile") + "}")),
      Map.entry("RequestStopTransaction",
          List.of("{\"transactionId\":\"00000000-0000-0000-0000-000000000000\"}")),
      Map.entry("ReserveNow", List.of("{\"id\":5,\"expiryDateTime\":\"2026-11-21T12:00:00Z\","
          + "\"idToken\":" + TOKEN + ",\"evseId\":1,\"connectorType\":\"cType2\"}")),
      Map.entry("Reset", List.of("{\"type\":\"OnIdle\"}", "{\"type\":\"Immediate\",\"evseId\":1}")),
      Map.entry("SendLocalList", List.of("{\"versionNumber\":3,\"updateType\":\"Full\","
          + "\"localAuthorizationList\":[{\"idToken\":" + TOKEN + ",\"idTokenInfo\":"
          + "{\"status\":\"NotAtThisTime\"}}]}")),
      Map.entry("SetChargingProfile", List.of("{\"evseId\":1,\"chargingProfile\":" + PROFILE
          + "}")),
      Map.entry("SetVariables", List.of("{\"setVariableData\":["
          + "{\"attributeValue\":\"600\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
          + "\"variable\":{\"name\":\"HeartbeatInterval\"}},"
          + "{\"attributeValue\":\"45\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
          + "\"variable\":{\"name\":\"WebSocketPingInterval\"}},"
          + "{\"attributeValue\":\"secret-secret-secret\",\"component\":{\"name\":\"SecurityCtrlr\"},"
          + "\"variable\":{\"name\":\"BasicAuthPassword\"}},"
          + "{\"attributeValue\":\"x\",\"component\":{\"name\":\"Nope\"},"
          + "\"variable\":{\"name\":\"Nope\"}}]}")),
      Map.entry("TriggerMessage", List.of("{\"requestedMessage\":\"StatusNotification\","
          + "\"evse\":{\"id\":1}}", "{\"requestedMessage\":\"SignV2GCertificate\"}")),
      Map.entry("UnlockConnector", List.of("{\"evseId\":1,\"connectorId\":1}",
          "{\"evseId\":1,\"connectorId\":2}")),
      Map.entry("UpdateFirmware", List.of("{\"requestId\":31,\"firmware\":{\"location\":"
          + "\"https://fw.example.com/v2.bin\",\"retrieveDateTime\":\"2026-11-21T12:00:00Z\","
          + "\"installDateTime\":\"2026-11-21T13:00:00Z\"},\"retries\":1}",
          "{\"requestId\":32,\"firmware\":{\"location\":\"https://fw.example.com/v3.bin\","
              + "\"retrieveDateTime\":\"2026-11-21T12:00:00Z\",\"signature\":\"c2ln\"}}")));
}
