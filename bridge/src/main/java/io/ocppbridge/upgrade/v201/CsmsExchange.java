package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppException;
import java.util.List;

/**
 * A central system's OCPP 2.0.1 CALL under the profile: the OCPP 1.6 calls that carry it to the
 * charger, one after the other (none when the bridge answers it itself), and the 2.0.1
 * CALLRESULT payload made from their outcomes.
 */
public interface CsmsExchange {

  /** The outcome of one call to the charger: its answer (OCPP 1.6 JSON), or why there is none. */
  sealed interface Outcome {
    /** The charger's answer. */
    record Answered(JsonNode payload) implements Outcome {}

    /** No answer: a fault of the charger, an unreachable charger, a refusal on the way. */
    record Failed(OcppException error) implements Outcome {}

    /** The answer, or the failure thrown. */
    default JsonNode payloadOrThrow() {
      if (this instanceof Failed f) {
        throw f.error();
      }
      return ((Answered) this).payload();
    }
  }

  /** The calls to the charger, in order. */
  List<OutgoingCall> chargerCalls();

  /**
   * The CALLRESULT payload from the outcomes, one per call and in the same order.
   *
   * @throws OcppException the CALLERROR to answer instead
   */
  ObjectNode answer(List<Outcome> outcomes);

  /** An exchange the bridge answers itself. */
  static CsmsExchange local(ObjectNode answer) {
    return new CsmsExchange() {
      @Override
      public List<OutgoingCall> chargerCalls() {
        return List.of();
      }

      @Override
      public ObjectNode answer(List<Outcome> outcomes) {
        return answer;
      }
    };
  }

  /** An exchange of one call to the charger, whose answer {@code convert} turns into 2.0.1. */
  static CsmsExchange forward(OutgoingCall call,
      java.util.function.Function<JsonNode, ObjectNode> convert) {
    return new CsmsExchange() {
      @Override
      public List<OutgoingCall> chargerCalls() {
        return List.of(call);
      }

      @Override
      public ObjectNode answer(List<Outcome> outcomes) {
        return convert.apply(outcomes.get(0).payloadOrThrow());
      }
    };
  }
}
