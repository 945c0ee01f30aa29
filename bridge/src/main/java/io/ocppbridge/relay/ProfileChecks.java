package io.ocppbridge.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** The central system's CALLRESULT, read and checked: invalid, an InternalError. */
  JsonNode csmsAnswer(ChargerId id, String action, String answer) {
    try {
      JsonNode tree = read(answer);
      schemas.check(action, false, tree);
      return tree;
    } catch (OcppException e) {
      LOG.warn("[{}] the central system's answer to {} is invalid {}: {}; answer: {}", id,
          action, protocol, e.description(), answer);
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the central system's answer to "
          + action + " is invalid: " + e.description());
    }
  }

  /** The central system's CALL, read and checked: its violation's code is the CALLERROR. */
  JsonNode csmsCall(String action, String payload) {
    JsonNode call = read(payload);
    schemas.check(action, true, call);
    return call;
  }

  /** @throws OcppException FormationViolation for text that is not a JSON object */
  static JsonNode read(String json) {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION, "the payload is not JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION,
          "the payload is not a JSON object");
    }
    return tree;
  }
}
