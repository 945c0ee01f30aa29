package io.ocppbridge.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import org.junit.jupiter.api.Test;

/** Checks of OCPP 1.6 payloads against the project's own 1.6 schemas. */
class Ocpp16PayloadSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Ocpp16PayloadSchemas SCHEMAS = Ocpp16PayloadSchemas.load();

  // Verifies that a valid payload passes and each kind of violation has its OCPP error code.
  @Test
  void violationsHaveTheirCodes() throws Exception {
    SCHEMAS.check("BootNotification", false, JSON.readTree(
        "{\"status\":\"Pending\",\"currentTime\":\"2013-02-01T15:09:18Z\",\"interval\":0}"));

    assertCode("BootNotification", false,
        "{\"status\":\"Accepted\",\"currentTime\":\"2013-02-01T15:09:18Z\"}",
        OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "interval");
    assertCode("StatusNotification", true,
        "{\"connectorId\":1,\"status\":\"Occupied\",\"errorCode\":\"NoError\"}",
        OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, "status");
    assertCode("Authorize", true, "{\"idTag\":\"0123456789ABCDEF01234\"}",
        OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "idTag");
    assertCode("Heartbeat", true, "{\"x\":1}",
        OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "x");
  }

  // Verifies that an action 1.6 lacks is NotImplemented, and a response name is no action.
  @Test
  void unknownActions() {
    assertThatThrownBy(() -> SCHEMAS.check("SignedUpdateFirmware", true, JSON.readTree("{}")))
        .isInstanceOfSatisfying(OcppException.class,
            e -> assertThat(e.code()).isEqualTo(OcppErrorCode.NOT_IMPLEMENTED));
    assertThat(SCHEMAS.knows("ResetResponse")).isFalse();
    assertThat(SCHEMAS.knows("TriggerMessage")).isTrue();
  }

  private static void assertCode(String action, boolean request, String payload,
      OcppErrorCode code, String field) {
    assertThatThrownBy(() -> SCHEMAS.check(action, request, JSON.readTree(payload)))
        .isInstanceOfSatisfying(OcppException.class, e -> {
          assertThat(e.code()).as(payload).isEqualTo(code);
          assertThat(e.description()).as(payload).contains(field);
        });
  }
}
