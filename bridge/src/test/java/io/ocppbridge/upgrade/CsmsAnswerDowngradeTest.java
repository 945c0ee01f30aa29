package io.ocppbridge.upgrade;

import static io.ocppbridge.core.OcppVersion.V1_2;
import static io.ocppbridge.core.OcppVersion.V1_5;
import static io.ocppbridge.upgrade.UpgradeFixture.CB1;
import static io.ocppbridge.upgrade.UpgradeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.OcppVersion;
import org.junit.jupiter.api.Test;

/** The central system's 1.6 answers to a charger's requests, as the 1.2/1.5 answers. */
class CsmsAnswerDowngradeTest {

  private final UpgradeFixture fixture = new UpgradeFixture();

  private JsonNode downgrade(OcppVersion version, String action, String request, String answer) {
    return fixture.profile.csmsAnswer(version, action, json(request), json(answer), CB1);
  }

  // Verifies that the idTagInfo answers (Authorize, StopTransaction) pass unchanged.
  @Test
  void idTagInfoIsUnchanged() {
    String answer = """
        {"idTagInfo":{"status":"ConcurrentTx","expiryDate":"2013-02-01T15:09:18Z","parentIdTag":"PARENT"}}""";
    assertThat(downgrade(V1_5, "Authorize", "{\"idTag\":\"A\"}", answer)).isEqualTo(json(answer));
    assertThat(downgrade(V1_2, "StopTransaction", "{}", answer)).isEqualTo(json(answer));
    assertThat(downgrade(V1_5, "StopTransaction", "{}", "{}")).isEqualTo(json("{}"));
  }

  // Verifies that interval becomes heartbeatInterval in an accepted BootNotification.
  @Test
  void bootNotificationRenamesInterval() {
    assertThat(downgrade(V1_5, "BootNotification", "{}", """
        {"status":"Accepted","currentTime":"2013-02-01T15:09:18Z","interval":1200}"""))
        .isEqualTo(json("""
        {"status":"Accepted","currentTime":"2013-02-01T15:09:18Z","heartbeatInterval":1200}"""));
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies that DataTransfer answers keep status and text data.
  @Test
  void dataTransferKeepsTextData() {
    assertThat(downgrade(V1_5, "DataTransfer", "{}", "{\"status\":\"Accepted\",\"data\":\"ok\"}"))
        .isEqualTo(json("{\"status\":\"Accepted\",\"data\":\"ok\"}"));
  }

  // Verifies that the empty answers stay empty and Heartbeat keeps currentTime.
  @Test
  void emptyAnswersAndHeartbeat() {
    for (String action : new String[] {"DiagnosticsStatusNotification",
        "FirmwareStatusNotification", "MeterValues", "StatusNotification"}) {
      assertThat(downgrade(V1_5, action, "{}", "{}")).as(action).isEqualTo(json("{}"));
    }
    assertThat(downgrade(V1_2, "Heartbeat", "{}", "{\"currentTime\":\"2013-02-01T15:09:18Z\"}"))
        .isEqualTo(json("{\"currentTime\":\"2013-02-01T15:09:18Z\"}"));
  }

  // Verifies that a StartTransaction answer passes and numbers the connector's transaction.
  @Test
  void startTransactionNumbersTheConnectorsTransaction() {
    fixture.profile.chargerRequest(V1_5, "StartTransaction", json("""
        {"connectorId":1,"idTag":"B4F62CEF","timestamp":"2013-02-01T15:09:18Z","meterStart":0}"""), CB1);

    JsonNode out = downgrade(V1_5, "StartTransaction", "{\"connectorId\":1}", """
        {"transactionId":99,"idTagInfo":{"status":"Accepted"}}""");

    assertThat(out).isEqualTo(json("{\"transactionId\":99,\"idTagInfo\":{\"status\":\"Accepted\"}}"));
    assertThat(fixture.profile.states(CB1).transactionOn(1)).hasValue(99);
  }
}
