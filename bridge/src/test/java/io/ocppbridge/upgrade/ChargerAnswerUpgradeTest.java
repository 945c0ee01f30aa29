package io.ocppbridge.upgrade;

import static io.ocppbridge.core.OcppVersion.V1_2;
import static io.ocppbridge.core.OcppVersion.V1_5;
import static io.ocppbridge.upgrade.UpgradeFixture.CB1;
import static io.ocppbridge.upgrade.UpgradeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.OcppVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Charger answers (ocppjs 1.2/1.5) to forwarded CALLs, as 1.6 CALLRESULT payloads. */
class ChargerAnswerUpgradeTest {

  private final UpgradeFixture fixture = new UpgradeFixture();

  private JsonNode upgrade(OcppVersion version, String action, String call, String answer) {
    return fixture.profile.chargerAnswer(version, action, json(call), json(answer), CB1);
  }

  // Verifies that answers which are the same in both versions pass unchanged.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CancelReservation|{\"status\":\"Accepted\"}",
      "ChangeAvailability|{\"status\":\"Scheduled\"}",
      "ChangeConfiguration|{\"status\":\"NotSupported\"}",
      "ClearCache|{\"status\":\"Rejected\"}",
      "DataTransfer|{\"status\":\"UnknownMessageId\",\"data\":\"x\"}",
      "GetLocalListVersion|{\"listVersion\":4}",
      "RemoteStartTransaction|{\"status\":\"Rejected\"}",
      "RemoteStopTransaction|{\"status\":\"Rejected\"}",
      "ReserveNow|{\"status\":\"Occupied\"}",
      "Reset|{\"status\":\"Accepted\"}",
      "UpdateFirmware|{}",
      "GetDiagnostics|{\"fileName\":\"diag.tgz\"}",
      "SendLocalList|{\"status\":\"VersionMismatch\"}"})
  void sameAnswersPass(String action, String answer) {
    assertThat(upgrade(V1_5, action, "{}", answer)).isEqualTo(json(answer));
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies the UnlockConnector statuses: Accepted is Unlocked, Rejected is UnlockFailed.
  @Test
  void unlockConnectorStatuses() {
    assertThat(upgrade(V1_5, "UnlockConnector", "{\"connectorId\":1}", "{\"status\":\"Accepted\"}"))
        .isEqualTo(json("{\"status\":\"Unlocked\"}"));
    assertThat(upgrade(V1_2, "UnlockConnector", "{\"connectorId\":1}", "{\"status\":\"Rejected\"}"))
        .isEqualTo(json("{\"status\":\"UnlockFailed\"}"));
  }

  // Verifies that a GetConfiguration answer keeps the charger's keys and adds the bridge's own
  // when the CALL asked for all keys.
  @Test
  void getConfigurationAddsTheBridgesKeys() {
    JsonNode out = upgrade(V1_5, "GetConfiguration", "{}", """
        {"configurationKey":[{"key":"KVCBX_PROFILE","readonly":true,"value":"NQC-ACDC"}],"unknownKey":[]}""");

    assertThat(out).isEqualTo(json("""
        {"configurationKey":[{"key":"KVCBX_PROFILE","readonly":true,"value":"NQC-ACDC"},
                             {"key":"WebSocketPingInterval","readonly":false,"value":"30"}],"unknownKey":[]}"""));
  }

  // Verifies that a GetConfiguration naming only the charger's keys gets no bridge key added.
  @Test
  void getConfigurationOfNamedKeys() {
    JsonNode out = upgrade(V1_5, "GetConfiguration", "{\"key\":[\"A\",\"B\"]}", """
        {"configurationKey":[{"key":"A","readonly":false}],"unknownKey":["B"]}""");

    assertThat(out).isEqualTo(json("""
        {"configurationKey":[{"key":"A","readonly":false}],"unknownKey":["B"]}"""));
  }

  // Verifies that an accepted RemoteStopTransaction makes the following StopTransaction Remote.
  @Test
  void acceptedRemoteStopGivesTheStopReason() {
    upgrade(V1_5, "RemoteStopTransaction", "{\"transactionId\":7}", "{\"status\":\"Accepted\"}");

    JsonNode stop = fixture.profile.chargerRequest(V1_5, "StopTransaction", json("""
        {"transactionId":7,"timestamp":"2013-02-01T15:09:18Z","meterStop":20}"""), CB1);

    assertThat(stop.path("reason").asText()).isEqualTo("Remote");
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies that a rejected RemoteStopTransaction gives no reason.
  @Test
  void rejectedRemoteStopGivesNoReason() {
    upgrade(V1_5, "RemoteStopTransaction", "{\"transactionId\":7}", "{\"status\":\"Rejected\"}");

    JsonNode stop = fixture.profile.chargerRequest(V1_5, "StopTransaction", json("""
        {"transactionId":7,"timestamp":"2013-02-01T15:09:18Z","meterStop":20}"""), CB1);

    assertThat(stop.has("reason")).isFalse();
    assertThat(fixture.lossCases()).containsExactly(LossCase.STOP_REASON_OMITTED);
  }
}
