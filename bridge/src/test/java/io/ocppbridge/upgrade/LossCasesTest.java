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
import org.junit.jupiter.api.Test;

/** Every lossy case: its policy applied, and one report with its case name. */
class LossCasesTest {

  private final UpgradeFixture fixture = new UpgradeFixture();
  private static final String LONG_TAG = "0123456789ABCDEF01234"; // 21 characters

  // Verifies text-truncated: StatusNotification info of 60 characters is cut to 50.
  @Test
  void textTruncated() {
    JsonNode out = fixture.profile.chargerRequest(V1_5, "StatusNotification", json(
        "{\"connectorId\":1,\"status\":\"Available\",\"errorCode\":\"NoError\",\"info\":\""
            + "x".repeat(60) + "\",\"vendorErrorCode\":\"" + "é".repeat(51) + "\"}"), CB1);

    assertThat(out.path("info").asText()).isEqualTo("x".repeat(50));
    assertThat(out.path("vendorErrorCode").asText()).isEqualTo("é".repeat(50));
    assertThat(fixture.lossCases()).containsExactly(LossCase.TEXT_TRUNCATED, LossCase.TEXT_TRUNCATED);
    assertThat(fixture.losses.get(0).detail())
        .isEqualTo("StatusNotification.info of 60 characters cut to the 50 OCPP 1.6 allows");
  }

  // Verifies that truncation counts code points, never splitting a surrogate pair.
  @Test
  void truncationKeepsWholeCodePoints() {
    JsonNode out = fixture.profile.chargerRequest(V1_5, "StatusNotification", json(
        "{\"connectorId\":1,\"status\":\"Available\",\"errorCode\":\"NoError\",\"info\":\""
            + "\uD83D\uDD0C".repeat(51) + "\"}"), CB1);

    assertThat(out.path("info").asText()).isEqualTo("\uD83D\uDD0C".repeat(50));
  }

  // Verifies identifier-too-long: a 1.2 idTag of 21 characters is refused, not cut.
  @Test
  void identifierTooLong() {
    assertThatThrownBy(() -> fixture.profile.chargerRequest(V1_2, "Authorize",
        json("{\"idTag\":\"" + LONG_TAG + "\"}"), CB1))
        .isInstanceOfSatisfying(OcppException.class, e -> {
          assertThat(e.code()).isEqualTo(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
          assertThat(e.description()).isEqualTo(
              "Authorize.idTag has 21 characters; an OCPP 1.6 central system accepts at most 20");
        });
    assertThat(fixture.lossCases()).containsExactly(LossCase.IDENTIFIER_TOO_LONG);
  }

  // Verifies identifier-too-long for DataTransfer messageId (51 characters).
  @Test
  void dataTransferMessageIdTooLong() {
    assertThatThrownBy(() -> fixture.profile.chargerRequest(V1_5, "DataTransfer",
        json("{\"vendorId\":\"v\",\"messageId\":\"" + "m".repeat(51) + "\"}"), CB1))
        .isInstanceOf(OcppException.class);
    assertThat(fixture.lossCases()).containsExactly(LossCase.IDENTIFIER_TOO_LONG);
  }

  // Verifies identifier-dropped: a too long idTag of a 1.2 StopTransaction is left out.
  @Test
  void identifierDropped() {
    JsonNode out = fixture.profile.chargerRequest(V1_2, "StopTransaction", json(
        "{\"transactionId\":1,\"idTag\":\"" + LONG_TAG
            + "\",\"timestamp\":\"2013-02-01T15:09:18Z\",\"meterStop\":3}"), CB1);

    assertThat(out).isEqualTo(json(
        "{\"transactionId\":1,\"timestamp\":\"2013-02-01T15:09:18Z\",\"meterStop\":3}"));
    assertThat(fixture.lossCases())
        .containsExactly(LossCase.IDENTIFIER_DROPPED, LossCase.STOP_REASON_OMITTED);
  }

  // Verifies configuration-key-dropped and the truncation of a long configuration value.
  @Test
  void configurationKeyDroppedAndValueTruncated() {
    JsonNode out = fixture.profile.chargerAnswer(V1_5, "GetConfiguration",
        json("{\"key\":[\"A\"]}"), json("{\"configurationKey\":[{\"key\":\"" + "k".repeat(51)
            + "\",\"readonly\":true},{\"key\":\"A\",\"readonly\":false,\"value\":\""
            + "v".repeat(501) + "\"}],\"unknownKey\":[\"" + "u".repeat(51) + "\"]}"), CB1);

    assertThat(out).isEqualTo(json("{\"configurationKey\":[{\"key\":\"A\",\"readonly\":false,"
        + "\"value\":\"" + "v".repeat(500) + "\"}],\"unknownKey\":[]}"));
    assertThat(fixture.lossCases()).containsExactly(LossCase.CONFIGURATION_KEY_DROPPED,
        LossCase.TEXT_TRUNCATED, LossCase.CONFIGURATION_KEY_DROPPED);
  }

  // Verifies identifier-out-of-range toward the charger in a CALL: a CALLERROR.
  @Test
  void identifierOutOfRangeInACall() {
    CsmsCallOutcome out = fixture.profile.csmsCall(V1_5, "RemoteStopTransaction",
        json("{\"transactionId\":5000000000}"), CB1);

    assertThat(out).isEqualTo(new CsmsCallOutcome.Error(
        OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "RemoteStopTransaction.transactionId"
            + " 5000000000 does not fit the 32-bit integer of an OCPP 1.5 charger"));
    assertThat(fixture.lossCases()).containsExactly(LossCase.IDENTIFIER_OUT_OF_RANGE);
  }

  // Verifies identifier-out-of-range in an answer to the charger: a fault for the charger.
  @Test
  void identifierOutOfRangeInAnAnswer() {
    assertThatThrownBy(() -> fixture.profile.csmsAnswer(V1_5, "StartTransaction",
        json("{\"connectorId\":1}"),
        json("{\"transactionId\":-2147483649,\"idTagInfo\":{\"status\":\"Accepted\"}}"), CB1))
        .isInstanceOfSatisfying(OcppException.class,
            e -> assertThat(e.code()).isEqualTo(OcppErrorCode.INTERNAL_ERROR));
    assertThat(fixture.lossCases()).containsExactly(LossCase.IDENTIFIER_OUT_OF_RANGE);
  }

  // Verifies integer-clamped: retries and a heartbeat interval beyond 32 bits are clamped.
  @Test
  void integerClamped() {
    CsmsCallOutcome out = fixture.profile.csmsCall(V1_5, "UpdateFirmware", json(
        "{\"retrieveDate\":\"2013-02-01T15:09:18Z\",\"location\":\"ftp://a/f\","
            + "\"retries\":99999999999}"), CB1);
    JsonNode boot = fixture.profile.csmsAnswer(V1_5, "BootNotification", json("{}"), json(
        "{\"status\":\"Accepted\",\"currentTime\":\"2013-02-01T15:09:18Z\","
            + "\"interval\":4294967296}"), CB1);

    assertThat(out).isEqualTo(new CsmsCallOutcome.Forward("UpdateFirmware", json(
        "{\"retrieveDate\":\"2013-02-01T15:09:18Z\",\"location\":\"ftp://a/f\","
            + "\"retries\":2147483647}")));
    assertThat(boot.path("heartbeatInterval").intValue()).isEqualTo(Integer.MAX_VALUE);
    assertThat(fixture.lossCases())
        .containsExactly(LossCase.INTEGER_CLAMPED, LossCase.INTEGER_CLAMPED);
  }

  // Verifies timestamp-offset-assumed: a timestamp without offset is read as UTC.
  @Test
  void timestampOffsetAssumed() {
    JsonNode out = fixture.profile.chargerRequest(V1_5, "StartTransaction", json(
        "{\"connectorId\":1,\"idTag\":\"A\",\"timestamp\":\"2013-02-01T15:09:18\","
            + "\"meterStart\":0}"), CB1);

    assertThat(out.path("timestamp").asText()).isEqualTo("2013-02-01T15:09:18Z");
    assertThat(fixture.lossCases()).containsExactly(LossCase.TIMESTAMP_OFFSET_ASSUMED);
  }

  // Verifies timestamp-unreadable: refused.
  @Test
  void timestampUnreadable() {
    assertThatThrownBy(() -> fixture.profile.chargerRequest(V1_5, "StatusNotification", json(
        "{\"connectorId\":1,\"status\":\"Available\",\"errorCode\":\"NoError\","
            + "\"timestamp\":\"yesterday\"}"), CB1))
        .isInstanceOfSatisfying(OcppException.class, e -> assertThat(e.description())
            .isEqualTo("StatusNotification.timestamp is not an ISO 8601 date-time"));
    assertThat(fixture.lossCases()).containsExactly(LossCase.TIMESTAMP_UNREADABLE);
  }

  // Verifies charging-profile-dropped: RemoteStartTransaction is forwarded without it.
  @Test
  void chargingProfileDropped() {
    CsmsCallOutcome out = fixture.profile.csmsCall(V1_5, "RemoteStartTransaction", json("""
        {"connectorId":1,"idTag":"A","chargingProfile":{"chargingProfileId":8,"stackLevel":0,
         "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",
         "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}}}"""),
        CB1);

    assertThat(out).isEqualTo(new CsmsCallOutcome.Forward("RemoteStartTransaction",
        json("{\"idTag\":\"A\",\"connectorId\":1}")));
    assertThat(fixture.lossCases()).containsExactly(LossCase.CHARGING_PROFILE_DROPPED);
  }

  // Verifies boot-pending-as-rejected: Pending becomes Rejected with the interval, at least 60 s.
  @Test
  void bootPendingAsRejected() {
    JsonNode pending = fixture.profile.csmsAnswer(V1_5, "BootNotification", json("{}"), json(
        "{\"status\":\"Pending\",\"currentTime\":\"2013-02-01T15:09:18Z\",\"interval\":300}"),
        CB1);
    JsonNode pendingZero = fixture.profile.csmsAnswer(V1_2, "BootNotification", json("{}"),
        json("{\"status\":\"Pending\",\"currentTime\":\"2013-02-01T15:09:18Z\",\"interval\":0}"),
        CB1);

    assertThat(pending).isEqualTo(json(
        "{\"status\":\"Rejected\",\"currentTime\":\"2013-02-01T15:09:18Z\",\"heartbeatInterval\":300}"));
    assertThat(pendingZero.path("heartbeatInterval").intValue()).isEqualTo(60);
    assertThat(fixture.lossCases()).containsExactly(LossCase.BOOT_PENDING_AS_REJECTED,
        LossCase.BOOT_PENDING_AS_REJECTED);
  }

  // Verifies stop-reason-omitted (see also ChargerAnswerUpgradeTest for the inferred Remote).
  @Test
  void stopReasonOmitted() {
    JsonNode out = fixture.profile.chargerRequest(V1_5, "StopTransaction", json(
        "{\"transactionId\":3,\"timestamp\":\"2013-02-01T15:09:18Z\",\"meterStop\":3}"), CB1);

    assertThat(out.has("reason")).isFalse();
    assertThat(fixture.losses).containsExactly(new UpgradeFixture.Loss(
        LossCase.STOP_REASON_OMITTED, CB1,
        "StopTransaction of transaction 3 sent without reason (read as Local)"));
  }

  // Verifies mode3-error-renamed.
  @Test
  void mode3ErrorRenamed() {
    JsonNode out = fixture.profile.chargerRequest(V1_2, "StatusNotification", json(
        "{\"connectorId\":1,\"status\":\"Faulted\",\"errorCode\":\"Mode3Error\"}"), CB1);

    assertThat(out).isEqualTo(json(
        "{\"connectorId\":1,\"status\":\"Faulted\",\"errorCode\":\"EVCommunicationError\"}"));
    assertThat(fixture.lossCases()).containsExactly(LossCase.MODE3_ERROR_RENAMED);
  }

  // Verifies empty-meter-value-dropped: a MeterValue without samples is left out.
  @Test
  void emptyMeterValueDropped() {
    JsonNode out = fixture.profile.chargerRequest(V1_5, "MeterValues", json(
        "{\"connectorId\":1,\"values\":[{\"timestamp\":\"2013-02-01T15:09:18Z\",\"values\":[]},"
            + "{\"timestamp\":\"2013-02-01T15:10:18Z\",\"values\":[{\"value\":\"5\"}]}]}"), CB1);

    assertThat(out).isEqualTo(json("{\"connectorId\":1,\"meterValue\":[{\"timestamp\":"
        + "\"2013-02-01T15:10:18Z\",\"sampledValue\":[{\"value\":\"5\"}]}]}"));
    assertThat(fixture.lossCases()).containsExactly(LossCase.EMPTY_METER_VALUE_DROPPED);
  }

  // Verifies hash-error-as-failed and local-list-hash-dropped.
  @Test
  void sendLocalListAnswer() {
    JsonNode out = fixture.profile.chargerAnswer(V1_5, "SendLocalList", json("{}"),
        json("{\"status\":\"HashError\",\"hash\":\"ab12\"}"), CB1);
    JsonNode emptyHash = fixture.profile.chargerAnswer(V1_5, "SendLocalList", json("{}"),
        json("{\"status\":\"Accepted\",\"hash\":\"\"}"), CB1);

    assertThat(out).isEqualTo(json("{\"status\":\"Failed\"}"));
    assertThat(emptyHash).isEqualTo(json("{\"status\":\"Accepted\"}"));
    assertThat(fixture.lossCases())
        .containsExactly(LossCase.HASH_ERROR_AS_FAILED, LossCase.LOCAL_LIST_HASH_DROPPED);
  }

  // Verifies data-stringified: DataTransfer data that is a JSON object goes as its text.
  @Test
  void dataStringified() {
    JsonNode out = fixture.profile.csmsAnswer(V1_5, "DataTransfer", json("{}"),
        json("{\"status\":\"Accepted\",\"data\":{\"price\":0.25}}"), CB1);

    assertThat(out).isEqualTo(json("{\"status\":\"Accepted\",\"data\":\"{\\\"price\\\":0.25}\"}"));
    assertThat(fixture.lossCases()).containsExactly(LossCase.DATA_STRINGIFIED);
  }
}
