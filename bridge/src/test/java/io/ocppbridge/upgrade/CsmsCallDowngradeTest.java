package io.ocppbridge.upgrade;

import static io.ocppbridge.core.OcppVersion.V1_2;
import static io.ocppbridge.core.OcppVersion.V1_5;
import static io.ocppbridge.upgrade.UpgradeFixture.CB1;
import static io.ocppbridge.upgrade.UpgradeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The central system's 1.6 CALLs: forwarded in the charger's version, or answered locally. */
class CsmsCallDowngradeTest {

  private final UpgradeFixture fixture = new UpgradeFixture();

  private CsmsCallOutcome call(OcppVersion version, String action, String payload) {
    return fixture.profile.csmsCall(version, action, json(payload), CB1);
  }

  private static CsmsCallOutcome forward(String action, String payload) {
    return new CsmsCallOutcome.Forward(action, json(payload));
  }

  private static CsmsCallOutcome local(String payload) {
    return new CsmsCallOutcome.AnswerLocally(json(payload));
  }

  // Verifies that the operations both versions share are forwarded with the same fields.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CancelReservation|{\"reservationId\":3}",
      "ChangeAvailability|{\"connectorId\":1,\"type\":\"Inoperative\"}",
      "ChangeConfiguration|{\"key\":\"KVCBX_PROFILE\",\"value\":\"NQC-ACDC\"}",
      "ClearCache|{}",
      "DataTransfer|{\"vendorId\":\"gir\",\"messageId\":\"m\",\"data\":\"d\"}",
      "GetConfiguration|{\"key\":[\"KVCBX_PROFILE\"]}",
      "GetDiagnostics|{\"location\":\"ftp://a/b\",\"startTime\":\"2013-02-01T15:09:18Z\",\"stopTime\":\"2013-02-01T15:09:18Z\",\"retries\":4,\"retryInterval\":20}",
      "GetLocalListVersion|{}",
      "RemoteStartTransaction|{\"idTag\":\"044943121F1D80\",\"connectorId\":2}",
      "RemoteStopTransaction|{\"transactionId\":7}",
      "ReserveNow|{\"connectorId\":0,\"expiryDate\":\"2013-02-01T15:09:18Z\",\"idTag\":\"A\",\"parentIdTag\":\"P\",\"reservationId\":0}",
      "Reset|{\"type\":\"Soft\"}",
      "UnlockConnector|{\"connectorId\":1}",
      "UpdateFirmware|{\"retrieveDate\":\"2013-02-01T15:09:18Z\",\"location\":\"ftp://a/f.amx\",\"retries\":4,\"retryInterval\":20}"})
  void sharedOperationsAreForwarded(String action, String payload) {
    assertThat(call(V1_5, action, payload)).isEqualTo(forward(action, payload));
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies that SendLocalList is forwarded with the 1.5 name of the list.
  @Test
  void sendLocalListRenamesTheList() {
    assertThat(call(V1_5, "SendLocalList", """
        {"listVersion":2,"localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted"}}],"updateType":"Full"}"""))
        .isEqualTo(forward("SendLocalList", """
        {"updateType":"Full","listVersion":2,"localAuthorisationList":[{"idTag":"A","idTagInfo":{"status":"Accepted"}}]}"""));
  }

  // Verifies that the 1.6-only operations are answered by the bridge with a valid typed answer.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "TriggerMessage|{\"requestedMessage\":\"Heartbeat\"}|{\"status\":\"NotImplemented\"}",
      "SetChargingProfile|{}|{\"status\":\"NotSupported\"}",
      "ClearChargingProfile|{}|{\"status\":\"Unknown\"}",
      "GetCompositeSchedule|{\"connectorId\":1,\"duration\":60}|{\"status\":\"Rejected\"}"})
  void onlyIn16IsAnsweredLocally(String action, String payload, String answer) {
    assertThat(call(V1_5, action, payload)).isEqualTo(local(answer));
    assertThat(call(V1_2, action, payload)).isEqualTo(local(answer));
  }

  // Verifies that the 1.5 additions are answered by the bridge for a 1.2 charger.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CancelReservation|{\"reservationId\":3}|{\"status\":\"Rejected\"}",
      "ReserveNow|{\"connectorId\":1,\"expiryDate\":\"2013-02-01T15:09:18Z\",\"idTag\":\"A\",\"reservationId\":1}|{\"status\":\"Rejected\"}",
      "GetLocalListVersion|{}|{\"listVersion\":-1}",
      "SendLocalList|{\"listVersion\":1,\"updateType\":\"Full\"}|{\"status\":\"NotSupported\"}",
      "DataTransfer|{\"vendorId\":\"gir\"}|{\"status\":\"UnknownVendorId\"}"})
  void missingIn12IsAnsweredLocally(String action, String payload, String answer) {
    assertThat(call(V1_2, action, payload)).isEqualTo(local(answer));
  }

  // Verifies that GetConfiguration of a 1.2 charger is NotSupported unless it asks for the
  // bridge's own keys only.
  @Test
  void getConfigurationOf12() {
    assertThat(call(V1_2, "GetConfiguration", "{}")).isEqualTo(new CsmsCallOutcome.Error(
        OcppErrorCode.NOT_SUPPORTED, "an OCPP 1.2 charger has no GetConfiguration; only"
            + " WebSocketPingInterval (kept by the bridge) can be read"));
    assertThat(call(V1_2, "GetConfiguration", "{\"key\":[\"WebSocketPingInterval\"]}"))
        .isEqualTo(local("""
            {"configurationKey":[{"key":"WebSocketPingInterval","readonly":false,"value":"30"}],"unknownKey":[]}"""));
  }

  // Verifies that the ping interval is read and set by the bridge, never asked of the charger.
  @Test
  void pingIntervalIsTheBridgesOwn() {
    assertThat(call(V1_5, "GetConfiguration", "{\"key\":[\"WebSocketPingInterval\"]}"))
        .isEqualTo(local("""
            {"configurationKey":[{"key":"WebSocketPingInterval","readonly":false,"value":"30"}],"unknownKey":[]}"""));
    assertThat(call(V1_5, "ChangeConfiguration", "{\"key\":\"WebSocketPingInterval\",\"value\":\"45\"}"))
        .isEqualTo(local("{\"status\":\"Accepted\"}"));
    assertThat(fixture.pings).containsEntry(CB1, 45);
    assertThat(call(V1_2, "ChangeConfiguration", "{\"key\":\"WebSocketPingInterval\",\"value\":\"-1\"}"))
        .isEqualTo(local("{\"status\":\"Rejected\"}"));
    assertThat(call(V1_2, "ChangeConfiguration", "{\"key\":\"WebSocketPingInterval\",\"value\":\"soon\"}"))
        .isEqualTo(local("{\"status\":\"Rejected\"}"));
    assertThat(fixture.pings).containsEntry(CB1, 45);
    assertThat(call(V1_5, "GetConfiguration", "{\"key\":[\"WebSocketPingInterval\"]}"))
        .isEqualTo(local("""
            {"configurationKey":[{"key":"WebSocketPingInterval","readonly":false,"value":"45"}],"unknownKey":[]}"""));
  }

  // Verifies that a GetConfiguration mixing keys forwards only the charger's.
  @Test
  void getConfigurationForwardsOnlyTheChargersKeys() {
    assertThat(call(V1_5, "GetConfiguration", "{\"key\":[\"WebSocketPingInterval\",\"HeartbeatInterval\"]}"))
        .isEqualTo(forward("GetConfiguration", "{\"key\":[\"HeartbeatInterval\"]}"));
  }

  // Verifies that an AuthorizationKey is never sent to a SOAP charger.
  @Test
  void authorizationKeyStaysWithTheBridge() {
    assertThat(call(V1_5, "ChangeConfiguration",
        "{\"key\":\"AuthorizationKey\",\"value\":\"0011223344556677889900112233445566778899\"}"))
        .isEqualTo(local("{\"status\":\"NotSupported\"}"));
  }

  // Verifies that unknown actions are NotImplemented and charger-initiated ones NotSupported.
  @Test
  void unknownActions() {
    assertThat(call(V1_5, "SignedUpdateFirmware", "{}")).isEqualTo(new CsmsCallOutcome.Error(
        OcppErrorCode.NOT_IMPLEMENTED, "unknown action 'SignedUpdateFirmware'"));
    assertThat(call(V1_5, "Heartbeat", "{}")).isEqualTo(new CsmsCallOutcome.Error(
        OcppErrorCode.NOT_SUPPORTED,
        "Heartbeat is not an operation a central system sends to a charger"));
  }
}
