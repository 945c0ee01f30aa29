package io.ocppbridge.upgrade;

import static io.ocppbridge.core.OcppVersion.V1_2;
import static io.ocppbridge.core.OcppVersion.V1_5;
import static io.ocppbridge.upgrade.UpgradeFixture.CB1;
import static io.ocppbridge.upgrade.UpgradeFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import org.junit.jupiter.api.Test;

/** Charger requests (ocppjs 1.2/1.5) as OCPP 1.6 CALL payloads, one action at a time. */
class ChargerRequestUpgradeTest {

  private final UpgradeFixture fixture = new UpgradeFixture();

  private JsonNode upgrade(OcppVersion version, String action, String payload) {
    return fixture.profile.chargerRequest(version, action, json(payload), CB1);
  }

  // Verifies that Authorize passes its idTag unchanged.
  @Test
  void authorizeIsUnchanged() {
    assertThat(upgrade(V1_5, "Authorize", """
        {"idTag":"B4F62CEF"}""")).isEqualTo(json("""
        {"idTag":"B4F62CEF"}"""));
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies that every BootNotification field of 1.5 carries over with its name.
  @Test
  void bootNotificationKeepsEveryField() {
    String all = """
        {"chargePointVendor":"DBT","chargePointModel":"NQC-ACDC","chargePointSerialNumber":"gir.vat.mx.000e48",
         "chargeBoxSerialNumber":"gir.vat.mx.r205","firmwareVersion":"1.0.49","iccid":"","imsi":"",
         "meterType":"DBT NQC-ACDC","meterSerialNumber":"gir.vat.mx.000e48"}""";
    assertThat(upgrade(V1_5, "BootNotification", all)).isEqualTo(json(all));
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies that a 1.2 BootNotification field longer than 1.6 allows is cut to the limit.
  @Test
  void bootNotificationOf12TruncatesLongText() {
    JsonNode out = upgrade(V1_2, "BootNotification", """
        {"chargePointVendor":"A Vendor With A Very Long Name","chargePointModel":"M1"}""");

    assertThat(out).isEqualTo(json("""
        {"chargePointVendor":"A Vendor With A Very","chargePointModel":"M1"}"""));
    assertThat(fixture.lossCases()).containsExactly(LossCase.TEXT_TRUNCATED);
    assertThat(fixture.losses.get(0).detail())
        .isEqualTo("BootNotification.chargePointVendor of 30 characters cut to the 20 OCPP 1.6 allows");
  }

  // Verifies that DataTransfer keeps vendorId, messageId and data.
  @Test
  void dataTransferIsUnchanged() {
    String payload = """
        {"vendorId":"fr.tm.cnr","messageId":"GetChargeInstruction","data":"{\\"a\\":1}"}""";
    assertThat(upgrade(V1_5, "DataTransfer", payload)).isEqualTo(json(payload));
  }

  // Verifies that a 1.2 charger cannot send DataTransfer, which 1.2 does not have.
  @Test
  void dataTransferFrom12IsRefused() {
    assertThatThrownBy(() -> upgrade(V1_2, "DataTransfer", "{\"vendorId\":\"x\"}"))
        .isInstanceOfSatisfying(OcppException.class,
            e -> assertThat(e.code()).isEqualTo(OcppErrorCode.NOT_IMPLEMENTED));
  }

  // Verifies that the two status notifications and Heartbeat pass through.
  @Test
  void notificationsAndHeartbeatAreUnchanged() {
    assertThat(upgrade(V1_5, "DiagnosticsStatusNotification", "{\"status\":\"Uploaded\"}"))
        .isEqualTo(json("{\"status\":\"Uploaded\"}"));
    assertThat(upgrade(V1_2, "FirmwareStatusNotification", "{\"status\":\"InstallationFailed\"}"))
        .isEqualTo(json("{\"status\":\"InstallationFailed\"}"));
    assertThat(upgrade(V1_5, "Heartbeat", "{}")).isEqualTo(json("{}"));
  }

  // Verifies that 1.5 MeterValues become meterValue/sampledValue with Amp and Volt renamed.
  @Test
  void meterValuesOf15AreRestructured() {
    JsonNode out = upgrade(V1_5, "MeterValues", """
        {"connectorId":1,"transactionId":42,"values":[{"timestamp":"2013-03-07T16:52:16Z","values":[
          {"value":"1234","measurand":"Energy.Active.Import.Register","unit":"Wh","context":"Sample.Periodic"},
          {"value":"16","measurand":"Current.Import","unit":"Amp","location":"Outlet","format":"Raw"},
          {"value":"230","measurand":"Voltage","unit":"Volt"},
          {"value":"21","measurand":"Temperature","unit":"Celsius"}]}]}""");

    assertThat(out).isEqualTo(json("""
        {"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2013-03-07T16:52:16Z","sampledValue":[
          {"value":"1234","measurand":"Energy.Active.Import.Register","unit":"Wh","context":"Sample.Periodic"},
          {"value":"16","measurand":"Current.Import","unit":"A","location":"Outlet","format":"Raw"},
          {"value":"230","measurand":"Voltage","unit":"V"},
          {"value":"21","measurand":"Temperature","unit":"Celsius"}]}]}"""));
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies that a 1.2 meter value becomes one sampled value with default semantics, and that
  // the running transaction of the connector is named.
  @Test
  void meterValuesOf12GetTextValuesAndTheRunningTransaction() {
    upgrade(V1_2, "StartTransaction", """
        {"connectorId":2,"idTag":"B4F62CEF","timestamp":"2013-02-01T15:09:18Z","meterStart":0}""");
    fixture.profile.csmsAnswer(V1_2, "StartTransaction", json("{\"connectorId\":2}"),
        json("{\"transactionId\":7,\"idTagInfo\":{\"status\":\"Accepted\"}}"), CB1);

    JsonNode out = upgrade(V1_2, "MeterValues", """
        {"connectorId":2,"values":[{"timestamp":"2013-02-01T15:09:18Z","value":0},
                                   {"timestamp":"2013-02-01T15:09:18Z","value":20}]}""");

    assertThat(out).isEqualTo(json("""
        {"connectorId":2,"transactionId":7,"meterValue":[
          {"timestamp":"2013-02-01T15:09:18Z","sampledValue":[{"value":"0"}]},
          {"timestamp":"2013-02-01T15:09:18Z","sampledValue":[{"value":"20"}]}]}"""));
  }

  // Verifies that MeterValues without any value still carry the required, empty meterValue.
  @Test
  void meterValuesWithoutValuesSendAnEmptyList() {
    assertThat(upgrade(V1_5, "MeterValues", "{\"connectorId\":3}"))
        .isEqualTo(json("{\"connectorId\":3,\"meterValue\":[]}"));
  }

  // Verifies that StartTransaction keeps its fields and normalises the timestamp to UTC.
  @Test
  void startTransactionNormalisesTheTimestamp() {
    JsonNode out = upgrade(V1_5, "StartTransaction", """
        {"connectorId":1,"idTag":"B4F62CEF","timestamp":"2013-02-01T16:09:18.5+01:00","meterStart":100,"reservationId":3}""");

    assertThat(out).isEqualTo(json("""
        {"connectorId":1,"idTag":"B4F62CEF","timestamp":"2013-02-01T15:09:18.500Z","meterStart":100,"reservationId":3}"""));
    assertThat(fixture.losses).isEmpty();
  }

  // Verifies that StatusNotification keeps every 1.5 field and renames nothing when nothing differs.
  @Test
  void statusNotificationKeepsEveryField() {
    String payload = """
        {"connectorId":2,"status":"Faulted","errorCode":"GroundFailure","info":"door","timestamp":"2013-02-01T15:09:18Z",
         "vendorId":"gir","vendorErrorCode":"E42"}""";
    assertThat(upgrade(V1_5, "StatusNotification", payload)).isEqualTo(json(payload));
  }

  // Verifies that StopTransaction flattens every TransactionData block into one transactionData
  // list, writes Celsius as the official StopTransaction schema spells it, and reports the
  // missing reason.
  @Test
  void stopTransactionFlattensTransactionData() {
    JsonNode out = upgrade(V1_5, "StopTransaction", """
        {"transactionId":7,"idTag":"B4F62CEF","timestamp":"2013-02-01T15:09:18Z","meterStop":20,"transactionData":[
          {"values":[{"timestamp":"2013-03-07T16:52:16Z","values":[{"value":"1","unit":"Wh","context":"Transaction.Begin"}]}]},
          {"values":[{"timestamp":"2013-03-07T17:52:16Z","values":[{"value":"30","unit":"Celsius","measurand":"Temperature"}]},
                     {"timestamp":"2013-03-07T18:52:16Z","values":[{"value":"20","unit":"Wh","context":"Transaction.End"}]}]},
          {"values":[]}]}""");

    assertThat(out).isEqualTo(json("""
        {"transactionId":7,"idTag":"B4F62CEF","timestamp":"2013-02-01T15:09:18Z","meterStop":20,"transactionData":[
          {"timestamp":"2013-03-07T16:52:16Z","sampledValue":[{"value":"1","unit":"Wh","context":"Transaction.Begin"}]},
          {"timestamp":"2013-03-07T17:52:16Z","sampledValue":[{"value":"30","unit":"Celcius","measurand":"Temperature"}]},
          {"timestamp":"2013-03-07T18:52:16Z","sampledValue":[{"value":"20","unit":"Wh","context":"Transaction.End"}]}]}"""));
    assertThat(fixture.lossCases()).containsExactly(LossCase.STOP_REASON_OMITTED);
  }

  // Verifies that a backend configured for the specification's spelling gets Celsius.
  @Test
  void stopTransactionCelsiusSpellingIsConfigurable() {
    UpgradeFixture spec = new UpgradeFixture(new UpgradeOptions(false));
    JsonNode out = spec.profile.chargerRequest(V1_5, "StopTransaction", json("""
        {"transactionId":7,"timestamp":"2013-02-01T15:09:18Z","meterStop":20,"transactionData":[
          {"values":[{"timestamp":"2013-03-07T17:52:16Z","values":[{"value":"30","unit":"Celsius"}]}]}]}"""), CB1);

    assertThat(out.at("/transactionData/0/sampledValue/0/unit").asText()).isEqualTo("Celsius");
  }

  // Verifies that a 1.2 StopTransaction (no transactionData) carries its four fields.
  @Test
  void stopTransactionOf12() {
    assertThat(upgrade(V1_2, "StopTransaction", """
        {"transactionId":0,"idTag":"B4F62CEF","timestamp":"2013-02-01T15:09:18Z","meterStop":20}"""))
        .isEqualTo(json("""
        {"transactionId":0,"idTag":"B4F62CEF","timestamp":"2013-02-01T15:09:18Z","meterStop":20}"""));
  }

  // Verifies that an action no charger initiates is refused with NotImplemented.
  @Test
  void unknownActionIsRefused() {
    assertThatThrownBy(() -> upgrade(V1_5, "Reset", "{\"type\":\"Hard\"}"))
        .isInstanceOfSatisfying(OcppException.class, e -> {
          assertThat(e.code()).isEqualTo(OcppErrorCode.NOT_IMPLEMENTED);
          assertThat(e.description())
              .isEqualTo("Reset is not a charger-initiated operation of OCPP 1.5");
        });
  }
}
