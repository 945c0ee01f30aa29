package io.ocppbridge.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks around an upgrade profile, against the schemas of the protocol it presents: what
 * the central system sends is checked before it is converted, what the bridge is about to send it
 * after. Shared by both profiles.
 */
final class ProfileChecks {

  /** The schemas of one protocol, by action name. */
  @FunctionalInterface
  interface Schemas {
    /**
     * @param request true for a CALL's payload, false for a CALLRESULT's
     * @throws OcppException with the code of the violation
     */
    void check(String action, boolean request, JsonNode payload);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ProfileChecks.class);

  private final String protocol;
  private final Schemas schemas;

  /** @param protocol "OCPP 1.6", for texts */
  ProfileChecks(String protocol, Schemas schemas) {
    this.protocol = protocol;
    this.schemas = schemas;
  }

  /** What the bridge is about to send: a violation is its own defect, an InternalError. */
  void own(ChargerId id, String action, boolean request, JsonNode payload) {
    try {
      schemas.check(action, request, payload);
    } catch (OcppException e) {
      LOG.error("[{}] bridge defect: the {} form of {} violates its schema: {}; JSON: {}", id,
          protocol, action, e.description(), payload);
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the bridge could not translate "
          + action + " to " + protocol + " faithfully (" + e.description() + ")");
    }
  }

  /** The central system's CALLRESULT, checked: invalid, an InternalError. */
  JsonNode csmsAnswer(ChargerId id, String action, JsonNode answer) {
    try {
      schemas.check(action, false, answer);
      return answer;
    } catch (OcppException e) {
      LOG.warn("[{}] the central system's answer to {} is invalid {}: {}; answer: {}", id,
          action, protocol, e.description(), answer);
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the central system's answer to "
          + action + " is invalid: " + e.description());
    }
  }

  /** The central system's CALL, checked: its violation's code is the CALLERROR. */
  JsonNode csmsCall(String action, JsonNode payload) {
    schemas.check(action, true, payload);
    return payload;
  }
}
