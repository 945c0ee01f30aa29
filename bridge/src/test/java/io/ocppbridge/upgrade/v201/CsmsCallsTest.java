package io.ocppbridge.upgrade.v201;

import static io.ocppbridge.upgrade.v201.V201Fixture.CB1;
import static io.ocppbridge.upgrade.v201.V201Fixture.json;
import static io.ocppbridge.upgrade.v201.V201Fixture.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.v201.CsmsExchange.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The central system's 2.0.1 calls as the 1.6 calls a charger honours, and the way back. */
class CsmsCallsTest {

  private static final String TOKEN = "{\"idToken\":\"TAG-7\",\"type\":\"eMAID\"}";
  private final V201Fixture fixture = new V201Fixture();

  // Verifies that an accepted RequestStartTransaction makes the next StartTransaction with that
  // idTag the Started event with triggerReason RemoteStart and the central system's
  // remoteStartId, its idToken with the type the central system used.
  @Test
  void remoteStartIdReachesTheStartedEvent() {
    // GIVEN a remote start the charger accepts
    CsmsExchange start = fixture.call("RequestStartTransaction",
        "{\"evseId\":2,\"remoteStartId\":42,\"idToken\":" + TOKEN + "}");
    assertThat(start.chargerCalls().get(0).payload().toString())
        .isEqualTo("{\"connectorId\":2,\"idTag\":\"TAG-7\"}");
    assertThat(start.answer(answered("{\"status\":\"Accepted\"}")).toString())
        .isEqualTo("{\"status\":\"Accepted\"}");

    // WHEN the charger starts the transaction
    JsonNode event = only(fixture.request("StartTransaction", "{\"connectorId\":2,"
        + "\"idTag\":\"TAG-7\",\"meterStart\":0,\"timestamp\":\"2026-03-04T05:00:00Z\"}"))
        .payload();

    // THEN the Started event names the remote start
    assertThat(event.get("triggerReason").asText()).isEqualTo("RemoteStart");
    assertThat(event.at("/transactionInfo/remoteStartId").asInt()).isEqualTo(42);
    assertThat(event.at("/idToken/type").asText()).isEqualTo("eMAID");
    assertThat(fixture.lossCases()).isEmpty();
  }

  // Verifies that RequestStopTransaction reaches the charger with its integer, that an accepted
  // stop makes the Ended event RemoteStop, and that an unknown transaction is refused locally.
  @Test
  void remoteStopUsesTheIdPair() {
    ChargerExchange started = fixture.request("StartTransaction", "{\"connectorId\":1,"
        + "\"idTag\":\"04A2B3C4\",\"meterStart\":0,\"timestamp\":\"2026-03-04T05:00:00Z\"}");
    String transactionId = only(started).payload().at("/transactionInfo/transactionId").asText();
    int localId = started.answer(List.of(json("{}"))).get("transactionId").intValue();

    CsmsExchange stop = fixture.call("RequestStopTransaction",
        "{\"transactionId\":\"" + transactionId + "\"}");
    stop.answer(answered("{\"status\":\"Accepted\"}"));
    JsonNode ended = only(fixture.request("StopTransaction", "{\"transactionId\":" + localId
        + ",\"meterStop\":10,\"timestamp\":\"2026-03-04T05:10:00Z\"}")).payload();
    CsmsExchange unknown = fixture.call("RequestStopTransaction",
        "{\"transactionId\":\"" + transactionId + "\"}");

    assertThat(stop.chargerCalls().get(0).payload().toString())
        .isEqualTo("{\"transactionId\":" + localId + "}");
    assertThat(ended.get("triggerReason").asText()).isEqualTo("RemoteStop");
    assertThat(ended.at("/transactionInfo/stoppedReason").asText()).isEqualTo("Remote");
    assertThat(unknown.chargerCalls()).isEmpty();
    assertThat(unknown.answer(List.of()).get("status").asText()).isEqualTo("Rejected");
    JsonNode status = fixture.call("GetTransactionStatus", "{\"transactionId\":\""
        + transactionId + "\"}").answer(List.of());
    assertThat(status.toString())
        .isEqualTo("{\"ongoingIndicator\":false,\"messagesInQueue\":false}");
  }

  // Verifies what the bridge answers itself while a transaction runs: Unlock of that connector,
  // Reset OnIdle; and that Immediate is a Hard reset followed by a boot with reason RemoteReset.
  @Test
  void callsAnsweredByTheBridgeWhileATransactionRuns() {
    fixture.request("StartTransaction", "{\"connectorId\":1,\"idTag\":\"04A2B3C4\","
        + "\"meterStart\":0,\"timestamp\":\"2026-03-04T05:00:00Z\"}");

    CsmsExchange unlock = fixture.call("UnlockConnector", "{\"evseId\":1,\"connectorId\":1}");
    CsmsExchange onIdle = fixture.call("Reset", "{\"type\":\"OnIdle\"}");
    CsmsExchange immediate = fixture.call("Reset", "{\"type\":\"Immediate\"}");
    immediate.answer(answered("{\"status\":\"Accepted\"}"));
    JsonNode boot = only(fixture.request("BootNotification",
        "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}")).payload();

    assertThat(unlock.chargerCalls()).isEmpty();
    assertThat(unlock.answer(List.of()).get("status").asText())
        .isEqualTo("OngoingAuthorizedTransaction");
    assertThat(onIdle.chargerCalls()).isEmpty();
    assertThat(onIdle.answer(List.of()).path("statusInfo").path("reasonCode").asText())
        .isEqualTo("TxInProgress");
    assertThat(immediate.chargerCalls().get(0).payload().toString())
        .isEqualTo("{\"type\":\"Hard\"}");
    assertThat(boot.get("reason").asText()).isEqualTo("RemoteReset");
  }

  // Verifies GetVariables through the table: one GetConfiguration for the charger's keys, the
  // bridge's own answered by it, unknown components and variables and other attributes refused.
  @Test
  void getVariablesThroughTheTable() {
    CsmsExchange exchange = fixture.call("GetVariables", "{\"getVariableData\":["
        + "{\"component\":{\"name\":\"ocppcommctrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"WebSocketPingInterval\"}},"
        + "{\"component\":{\"name\":\"OCPP1xConfiguration\"},\"variable\":{\"name\":\"VendorKey\"}},"
        + "{\"component\":{\"name\":\"OCPP1xConfiguration\"},\"variable\":{\"name\":\"Missing\"}},"
        + "{\"component\":{\"name\":\"DisplayCtrlr\"},\"variable\":{\"name\":\"Enabled\"}},"
        + "{\"component\":{\"name\":\"TxCtrlr\"},\"variable\":{\"name\":\"TxStartPoint\"}},"
        + "{\"attributeType\":\"Target\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
        + "\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");
    fixture.pings.put(CB1, 45);

    JsonNode asked = exchange.chargerCalls().get(0).payload();
    JsonNode results = exchange.answer(answered("{\"configurationKey\":["
        + "{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"},"
        + "{\"key\":\"VendorKey\",\"readonly\":true,\"value\":\"v\"}],"
        + "\"unknownKey\":[\"Missing\"]}")).get("getVariableResult");

    assertThat(asked.toString())
        .isEqualTo("{\"key\":[\"HeartbeatInterval\",\"VendorKey\",\"Missing\"]}");
    assertThat(results.findValuesAsText("attributeStatus")).containsExactly("Accepted",
        "Accepted", "Accepted", "UnknownVariable", "UnknownComponent", "UnknownVariable",
        "NotSupportedAttributeType");
    assertThat(results.findValuesAsText("attributeValue")).containsExactly("300", "45", "v");
  }

  // Verifies that a GetVariables whose charger cannot be asked makes those variables Rejected,
  // with the reason, and leaves the bridge's own answered.
  @Test
  void getVariablesOfAnUnreachableCharger() {
    CsmsExchange exchange = fixture.call("GetVariables", "{\"getVariableData\":["
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},"
        + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"WebSocketPingInterval\"}}]}");

    JsonNode results = exchange.answer(List.of(new Outcome.Failed(new OcppException(
        OcppErrorCode.INTERNAL_ERROR, "the charger did not answer within 5 s"))))
        .get("getVariableResult");

    assertThat(results.findValuesAsText("attributeStatus")).containsExactly("Rejected",
        "Accepted");
    assertThat(results.get(0).path("attributeStatusInfo").path("reasonCode").asText())
        .isEqualTo("InternalError");
  }

  // Verifies SetVariables: one ChangeConfiguration per variable of the charger, the bridge's
  // ping interval set on its link, the basic authentication password never sent anywhere.
  @Test
  void setVariablesOnePerVariable() {
    CsmsExchange exchange = fixture.call("SetVariables", "{\"setVariableData\":["
        + "{\"attributeValue\":\"600\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
        + "\"variable\":{\"name\":\"HeartbeatInterval\"}},"
        + "{\"attributeValue\":\"12\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
        + "\"variable\":{\"name\":\"WebSocketPingInterval\"}},"
        + "{\"attributeValue\":\"pw-pw-pw-pw-pw-pw\",\"component\":{\"name\":\"SecurityCtrlr\"},"
        + "\"variable\":{\"name\":\"BasicAuthPassword\"}},"
        + "{\"attributeValue\":\"1\",\"component\":{\"name\":\"OCPP1xConfiguration\"},"
        + "\"variable\":{\"name\":\"Unsupported\"}}]}");

    JsonNode results = exchange.answer(answered("{\"status\":\"RebootRequired\"}",
        "{\"status\":\"NotSupported\"}")).get("setVariableResult");

    assertThat(exchange.chargerCalls()).extracting(c -> c.payload().toString()).containsExactly(
        "{\"key\":\"HeartbeatInterval\",\"value\":\"600\"}",
        "{\"key\":\"Unsupported\",\"value\":\"1\"}");
    assertThat(results.findValuesAsText("attributeStatus")).containsExactly("RebootRequired",
        "Accepted", "Rejected", "UnknownVariable");
    assertThat(fixture.pings.get(CB1)).isEqualTo(12);
  }

  // Verifies that a base report is answered from GetConfiguration and sent, after the answer, in
  // NotifyReport CALLs of at most 20 entries, numbered, the last without tbc.
  @Test
  void baseReportInNotifyReports() {
    CsmsExchange exchange = fixture.call("GetBaseReport",
        "{\"requestId\":5,\"reportBase\":\"FullInventory\"}");
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      keys.append(i == 0 ? "" : ",").append("{\"key\":\"K").append(i)
          .append("\",\"readonly\":").append(i % 2 == 0).append(",\"value\":\"").append(i)
          .append("\"}");
    }

    JsonNode answer = exchange.answer(answered("{\"configurationKey\":[" + keys + "]}"));
    List<OutgoingCall> reports = fixture.profile.afterAnswer(CB1, "GetBaseReport",
        json("{\"requestId\":5,\"reportBase\":\"FullInventory\"}"), answer);

    assertThat(exchange.chargerCalls().get(0).payload().toString()).isEqualTo("{}");
    assertThat(answer.toString()).isEqualTo("{\"status\":\"Accepted\"}");
    assertThat(reports).hasSize(2).allMatch(c -> c.action().equals("NotifyReport"));
    assertThat(reports.get(0).payload().get("reportData")).hasSize(20);
    assertThat(reports.get(1).payload().get("reportData")).hasSize(6);
    assertThat(reports).extracting(c -> c.payload().get("seqNo").asInt()).containsExactly(0, 1);
    assertThat(reports).extracting(c -> c.payload().get("tbc").asBoolean())
        .containsExactly(true, false);
    assertThat(reports.get(0).payload().at("/reportData/0").toString()).isEqualTo(
        "{\"component\":{\"name\":\"OCPP1xConfiguration\"},\"variable\":{\"name\":\"K0\"},"
            + "\"variableAttribute\":[{\"type\":\"Actual\",\"value\":\"0\","
            + "\"mutability\":\"ReadOnly\"}]}");
    assertThat(fixture.profile.afterAnswer(CB1, "GetBaseReport",
        json("{\"requestId\":5,\"reportBase\":\"FullInventory\"}"), answer)).isEmpty();
  }

  // Verifies that the requestIds of UpdateFirmware and GetLog reach the status notifications
  // that report on them, and that signed firmware and the security log are refused.
  @Test
  void statusNotificationsCarryTheirRequestId() {
    fixture.call("UpdateFirmware", "{\"requestId\":31,\"firmware\":{\"location\":"
        + "\"https://fw.example.com/v2.bin\",\"retrieveDateTime\":\"2026-11-21T12:00:00Z\"}}")
        .answer(answered("{}"));
    fixture.call("GetLog", "{\"logType\":\"DiagnosticsLog\",\"requestId\":21,\"log\":"
        + "{\"remoteLocation\":\"ftp://logs.example.com/up\"}}")
        .answer(answered("{\"fileName\":\"diag.zip\"}"));

    JsonNode firmware = only(fixture.request("FirmwareStatusNotification",
        "{\"status\":\"Downloading\"}")).payload();
    OutgoingCall log = only(fixture.request("DiagnosticsStatusNotification",
        "{\"status\":\"UploadFailed\"}"));
    CsmsExchange signed = fixture.call("UpdateFirmware", "{\"requestId\":32,\"firmware\":{"
        + "\"location\":\"https://fw.example.com/v3.bin\",\"retrieveDateTime\":"
        + "\"2026-11-21T12:00:00Z\",\"signature\":\"c2ln\"}}");
    CsmsExchange security = fixture.call("GetLog", "{\"logType\":\"SecurityLog\","
        + "\"requestId\":22,\"log\":{\"remoteLocation\":\"ftp://logs.example.com/up\"}}");

    assertThat(firmware.toString()).isEqualTo("{\"status\":\"Downloading\",\"requestId\":31}");
    assertThat(log.action()).isEqualTo("LogStatusNotification");
    assertThat(log.payload().toString())
        .isEqualTo("{\"status\":\"UploadFailure\",\"requestId\":21}");
    assertThat(signed.chargerCalls()).isEmpty();
    assertThat(signed.answer(List.of()).get("status").asText()).isEqualTo("Rejected");
    assertThat(security.answer(List.of()).get("status").asText()).isEqualTo("Rejected");
  }

  // Verifies a charging profile in 1.6 terms: purpose renamed, limit rounded to 0.1, phaseToUse
  // and a second schedule not carried.
  @Test
  void chargingProfileIn16Terms() {
    CsmsExchange set = fixture.call("SetChargingProfile", "{\"evseId\":0,\"chargingProfile\":{"
        + "\"id\":3,\"stackLevel\":1,\"chargingProfilePurpose\":\"ChargingStationMaxProfile\","
        + "\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":[{\"id\":1,"
        + "\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,"
        + "\"limit\":11000.04,\"phaseToUse\":2}]}]}}");
    CsmsExchange two = fixture.call("SetChargingProfile", "{\"evseId\":1,\"chargingProfile\":{"
        + "\"id\":4,\"stackLevel\":1,\"chargingProfilePurpose\":\"TxDefaultProfile\","
        + "\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":[{\"id\":1,"
        + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,"
        + "\"limit\":16}]},{\"id\":2,\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
        + "[{\"startPeriod\":0,\"limit\":8}]}]}}");

    assertThat(set.chargerCalls().get(0).payload().toString()).isEqualTo("{\"connectorId\":0,"
        + "\"csChargingProfiles\":{\"chargingProfileId\":3,\"stackLevel\":1,"
        + "\"chargingProfilePurpose\":\"ChargePointMaxProfile\",\"chargingProfileKind\":"
        + "\"Absolute\",\"chargingSchedule\":{\"chargingRateUnit\":\"W\","
        + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":11000.0}]}}}");
    assertThat(fixture.lossCases()).containsExactly(LossCase.CHARGING_PROFILE_DETAIL_DROPPED);
    assertThat(two.chargerCalls()).isEmpty();
    assertThat(two.answer(List.of()).get("status").asText()).isEqualTo("Rejected");
  }

  // Verifies what the bridge tells of what a 1.x charger lacks: no display messages, and no
  // charging profiles on a charger without smart charging; a 1.6 charger's cannot be listed.
  @Test
  void absentFeaturesAnsweredTruthfully() {
    JsonNode display = fixture.call("GetDisplayMessages", "{\"requestId\":1}")
        .answer(List.of());
    JsonNode of15 = fixture.profile.csmsCall(CB1, OcppVersion.V1_5,
        "GetChargingProfiles", json("{\"requestId\":2,\"chargingProfile\":{}}"))
        .answer(List.of());

    assertThat(display.toString()).isEqualTo("{\"status\":\"Unknown\"}");
    assertThat(of15.toString()).isEqualTo("{\"status\":\"NoProfiles\"}");
    assertThatThrownBy(() -> fixture.call("GetChargingProfiles",
        "{\"requestId\":3,\"chargingProfile\":{}}"))
        .isInstanceOfSatisfying(OcppException.class, e -> assertThat(e.code())
            .isEqualTo(OcppErrorCode.NOT_SUPPORTED));
  }

  // Verifies that an idToken longer than a 1.x idTag is refused, never cut.
  @Test
  void longIdTokenIsRefused() {
    assertThatThrownBy(() -> fixture.call("RequestStartTransaction", "{\"remoteStartId\":1,"
        + "\"idToken\":{\"idToken\":\"" + "A".repeat(21) + "\",\"type\":\"Central\"}}"))
        .isInstanceOfSatisfying(OcppException.class, e -> assertThat(e.code())
            .isEqualTo(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION));
    assertThat(fixture.lossCases()).containsExactly(LossCase.IDENTIFIER_TOO_LONG);
  }

  private static List<Outcome> answered(String... payloads) {
    return java.util.Arrays.stream(payloads)
        .map(p -> (Outcome) new Outcome.Answered(json(p))).toList();
  }
}
