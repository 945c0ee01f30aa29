package io.ocppbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.testsupport.Official201Schemas;
import org.junit.jupiter.api.Test;

/**
 * The loaded OCPP 2.0.1 schemas: what they accept and refuse agrees with the official ones, and a
 * refusal carries the code of its violation.
 */
class Ocpp201PayloadSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Ocpp201PayloadSchemas SCHEMAS = Ocpp201PayloadSchemas.load();

  private static final String STARTED = """
      {"eventType":"Started","timestamp":"2026-01-02T03:04:05Z","triggerReason":"Authorized",
       "seqNo":0,"transactionInfo":{"transactionId":"0b8f2e4e-2c1a-4c7e-9d1e-0f6c1d2b3a4f",
       "chargingState":"Charging"},"idToken":{"idToken":"04A2B3C4","type":"ISO14443"},
       "evse":{"id":1,"connectorId":1},"meterValue":[{"timestamp":"2026-01-02T03:04:05Z",
       "sampledValue":[{"value":10000,"context":"Transaction.Begin"}]}],
       "customData":{"vendorId":"x","anything":1}}""";

  // Verifies that a valid TransactionEvent passes ours and the official schema alike.
  @Test
  void acceptsAValidTransactionEvent() throws Exception {
    JsonNode payload = JSON.readTree(STARTED);

    SCHEMAS.check("TransactionEvent", true, payload);

    assertThat(Official201Schemas.load().validate("TransactionEvent", true, payload)).isEmpty();
  }

  // Verifies that each kind of violation is refused with its code, as the official schema does.
  @Test
  void refusesWithTheCodeOfTheViolation() throws Exception {
    Official201Schemas official = Official201Schemas.load();
    String[][] cases = {
        {"\"seqNo\":0,", "", "OccurenceConstraintViolation"},
        {"\"Started\"", "\"Begun\"", "TypeConstraintViolation"},
        {"\"chargingState\"", "\"chargeState\"", "PropertyConstraintViolation"},
        {"0b8f2e4e-", "0b8f2e4e-0b8f2e4e-0b8f2e4e-", "PropertyConstraintViolation"},
        {"\"value\":10000", "\"value\":\"10000\"", "TypeConstraintViolation"}};
    for (String[] c : cases) {
      JsonNode payload = JSON.readTree(STARTED.replace(c[0], c[1]));
      assertThat(official.validate("TransactionEvent", true, payload)).as(c[1]).isNotEmpty();
      assertThatThrownBy(() -> SCHEMAS.check("TransactionEvent", true, payload))
          .as(c[1]).isInstanceOf(OcppException.class)
          .extracting(e -> ((OcppException) e).code().wireName()).isEqualTo(c[2]);
    }
  }

  // Verifies that the profile knows its operations, refuses the others by name, and has no
  // schema for an operation it refuses.
  @Test
  void knowsMappedOperationsAndNamesRefusedOnes() {
    assertThat(SCHEMAS.knows("GetVariables")).isTrue();
    assertThat(SCHEMAS.knows("GetVariablesResponse")).isFalse();
    assertThat(SCHEMAS.refuses("InstallCertificate")).isTrue();
    assertThat(SCHEMAS.refuses("GetVariables")).isFalse();
    assertThatThrownBy(() -> SCHEMAS.check("InstallCertificate", true, JSON.createObjectNode()))
        .isInstanceOf(OcppException.class)
        .extracting(e -> ((OcppException) e).code()).isEqualTo(OcppErrorCode.NOT_IMPLEMENTED);
  }
}
