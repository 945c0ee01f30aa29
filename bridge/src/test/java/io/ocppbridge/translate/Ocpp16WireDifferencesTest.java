package io.ocppbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.QuirkCounter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules for where the OCPP 1.6 WSDL and the OCPP 1.6 JSON schemas disagree, one by one. */
class Ocpp16WireDifferencesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final QuirkCounter quirks = new QuirkCounter();
  private final Ocpp16WireDifferences rules = new Ocpp16WireDifferences(quirks);

  /** Verifies that a MeterValues without meterValue gains an empty list, counted once. */
  @Test
  void addsTheMissingMeterValueList() throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree("{\"connectorId\":3}");
    rules.toJson(OcppAction.METER_VALUES, payload);
    assertThat(payload).isEqualTo(JSON.readTree("{\"connectorId\":3,\"meterValue\":[]}"));
    assertThat(quirks.snapshot()).isEqualTo(Map.of(QuirkCounter.EMPTY_METER_VALUE_LIST, 1L));
  }

  /** Verifies that a MeterValues with samples, Celsius included, is left alone. */
  @Test
  void leavesACompleteMeterValuesAlone() throws Exception {
    String text = "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-11-21T10:00:00Z\","
        + "\"sampledValue\":[{\"value\":\"20\",\"unit\":\"Celsius\"}]}]}";
    ObjectNode payload = (ObjectNode) JSON.readTree(text);
    rules.toJson(OcppAction.METER_VALUES, payload);
    assertThat(payload).isEqualTo(JSON.readTree(text));
    assertThat(quirks.snapshot()).isEmpty();
  }

  /** Verifies that every Celsius sample of a StopTransaction is spelt Celcius, each counted. */
  @Test
  void spellsCelsiusAsCelciusInStopTransaction() throws Exception {
    ObjectNode payload = (ObjectNode) JSON.readTree("""
        {"transactionId":1,"transactionData":[
          {"timestamp":"2026-11-21T10:00:00Z","sampledValue":[{"value":"20","unit":"Celsius"}]},
          {"timestamp":"2026-11-21T11:00:00Z","sampledValue":[{"value":"9","unit":"Wh"},
            {"value":"21","unit":"Celsius"},{"value":"70","unit":"Fahrenheit"}]}]}""");
    rules.toJson(OcppAction.STOP_TRANSACTION, payload);
    assertThat(payload.findValuesAsText("unit"))
        .containsExactly("Celcius", "Wh", "Celcius", "Fahrenheit");
    assertThat(quirks.snapshot()).isEqualTo(Map.of(QuirkCounter.CELSIUS_AS_CELCIUS, 2L));
  }

  /** Verifies that only a charger's MeterValues and StopTransaction requests are touched. */
  @Test
  void touchesOnlyTheTwoRequests() {
    assertThat(rules.touchesJson(OcppAction.METER_VALUES, true)).isTrue();
    assertThat(rules.touchesJson(OcppAction.STOP_TRANSACTION, true)).isTrue();
    assertThat(rules.touchesJson(OcppAction.STOP_TRANSACTION, false)).isFalse();
    assertThat(rules.touchesJson(OcppAction.BOOT_NOTIFICATION, true)).isFalse();
  }

  /** Verifies that an empty charging schedule is refused with the field named, and counted. */
  @Test
  void refusesAChargingScheduleWithoutPeriods() throws Exception {
    JsonNode call = JSON.readTree("""
        {"idTag":"A","chargingProfile":{"chargingProfileId":1,"stackLevel":0,
         "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",
         "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[]}}}""");
    assertThatThrownBy(() -> rules.checkToXml(OcppAction.REMOTE_START_TRANSACTION, call))
        .isInstanceOfSatisfying(OcppException.class, e -> {
          assertThat(e.code()).isEqualTo(OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
          assertThat(e.description()).startsWith(
              "chargingProfile.chargingSchedule.chargingSchedulePeriod: at least one period");
        });
    assertThat(quirks.snapshot()).isEqualTo(Map.of(QuirkCounter.EMPTY_CHARGING_SCHEDULE, 1L));
  }

  /** Verifies that a schedule with a period passes. */
  @Test
  void passesAChargingScheduleWithPeriods() throws Exception {
    rules.checkToXml(OcppAction.SET_CHARGING_PROFILE, JSON.readTree("""
        {"connectorId":1,"csChargingProfiles":{"chargingSchedule":{"chargingRateUnit":"W",
         "chargingSchedulePeriod":[{"startPeriod":0,"limit":11.0}]}}}"""));
    assertThat(quirks.snapshot()).isEmpty();
  }
}
