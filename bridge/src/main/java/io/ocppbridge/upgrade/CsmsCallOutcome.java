package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.OcppErrorCode;

/**
 * What becomes of a CALL from a 1.6 central system to an upgraded charger: sent on to the charger
 * (translated to its version), answered by the bridge itself with a valid 1.6 CALLRESULT payload,
 * or answered with a CALLERROR.
 */
public sealed interface CsmsCallOutcome {

  /** Send {@code payload} (ocppjs JSON of the charger's version) to the charger as {@code action}. */
  record Forward(String action, JsonNode payload) implements CsmsCallOutcome {}

  /** Answer the central system with this 1.6 CALLRESULT payload; the charger is not contacted. */
  record AnswerLocally(JsonNode payload) implements CsmsCallOutcome {}

  /** Answer the central system with a CALLERROR. */
  record Error(OcppErrorCode code, String description) implements CsmsCallOutcome {}

  static CsmsCallOutcome forward(String action, JsonNode payload) {
    return new Forward(action, payload);
  }

  static CsmsCallOutcome answerLocally(JsonNode payload) {
    return new AnswerLocally(payload);
  }

  static CsmsCallOutcome error(OcppErrorCode code, String description) {
    return new Error(code, description);
  }
}
