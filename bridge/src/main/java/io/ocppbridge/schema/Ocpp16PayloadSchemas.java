package io.ocppbridge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import java.util.List;

/**
 * The OCPP 1.6 contracts of the upgrade profile, by action name: the schemas of
 * {@code schemas-json/ocpp1.6/} as {@link PayloadSchemas} loaded them, and the check of a 1.6
 * payload (a central system's CALL or CALLRESULT, or what the profile is about to send) with the
 * same error codes. Thread-safe; one instance serves the whole bridge.
 */
public final class Ocpp16PayloadSchemas {

  private final PayloadSchemas schemas;

  private Ocpp16PayloadSchemas(PayloadSchemas schemas) {
    this.schemas = schemas;
  }

  /** The 1.6 schemas of {@code schemas} (which holds every version's). */
  public static Ocpp16PayloadSchemas of(PayloadSchemas schemas) {
    return new Ocpp16PayloadSchemas(schemas);
  }

  /** Loads every schema from the classpath. */
  public static Ocpp16PayloadSchemas load() {
    return of(PayloadSchemas.load());
  }

  /** True when OCPP 1.6 has this action (in either direction). */
  public boolean knows(String action) {
    return !action.endsWith("Response") && schemas.schema(OcppVersion.V1_6, action) != null;
  }

  /**
   * Checks a 1.6 payload.
   *
   * @param request true for a CALL's payload, false for a CALLRESULT's
   * @throws OcppException NotImplemented for an action 1.6 does not have, else the code of the
   *     first violation with up to three of them named
   */
  public void check(String action, boolean request, JsonNode payload) {
    Schema schema = knows(action)
        ? schemas.schema(OcppVersion.V1_6, request ? action : action + "Response") : null;
    if (schema == null) {
      throw new OcppException(OcppErrorCode.NOT_IMPLEMENTED,
          "OCPP 1.6 has no action '" + action + "'");
    }
    List<Error> errors = schema.validate(payload);
    if (!errors.isEmpty()) {
      throw PayloadSchemas.violation(errors);
    }
  }
}
