package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import io.ocppbridge.upgrade.v201.StationState.RemoteStart;
import java.util.OptionalInt;

/**
 * The central system's calls about transactions: RequestStartTransaction and
 * RequestStopTransaction as the 1.x remote start and stop (through the bridge's pairs of
 * transaction ids), GetTransactionStatus answered by the bridge from its own state.
 */
final class TransactionCalls {

  private final LossyFields fields;
  private final IdTokens tokens;
  private final ChargingProfiles profiles;

  TransactionCalls(LossyFields fields, IdTokens tokens, ChargingProfiles profiles) {
    this.fields = fields;
    this.tokens = tokens;
    this.profiles = profiles;
  }

  /**
   * RequestStartTransaction as RemoteStartTransaction. An accepted one is remembered with its
   * remoteStartId: the StartTransaction that follows (same idTag, that EVSE or any) is the
   * Started event with triggerReason RemoteStart and that remoteStartId.
   */
  CsmsExchange requestStart(MessageContext m, JsonNode in, StationState state) {
    ObjectNode out = Exchanges.object();
    Integer evse = in.hasNonNull("evseId") ? in.get("evseId").intValue() : null;
    if (evse != null) {
      out.put("connectorId", evse);
    }
    String idTag = tokens.idTag(m, in.path("idToken"), "idToken", state);
    out.put("idTag", idTag);
    if (in.has("chargingProfile")) {
      profiles.forRemoteStart(m, in.get("chargingProfile"))
          .ifPresent(p -> out.set("chargingProfile", p));
    }
    if (in.has("groupIdToken")) {
      fields.losses().record(LossCase.REQUEST_DETAIL_DROPPED, m.charger(), m.action()
          + " groupIdToken left out (an OCPP 1.x remote start has no parent id)");
    }
    RemoteStart pending = new RemoteStart(evse, idTag, in.path("idToken").path("type").asText(),
        in.path("remoteStartId").intValue());
    return StationCalls.forward("RemoteStartTransaction", out, answer -> {
      String status = answer.path("status").asText();
      if (status.equals("Accepted")) {
        state.remoteStartAccepted(pending);
      }
      return Answers.status(status);
    });
  }

  /**
   * RequestStopTransaction as RemoteStopTransaction of the charger's integer for that
   * transaction; a transaction the bridge does not know running is refused by the bridge.
   */
  CsmsExchange requestStop(MessageContext m, JsonNode in, StationState state) {
    String transactionId = in.path("transactionId").asText();
    OptionalInt localId = state.localIdOf(transactionId);
    if (localId.isEmpty() || !state.ongoing(transactionId).orElse(false)) {
      return CsmsExchange.local(Answers.status("Rejected", "UnknownTransaction",
          "no transaction " + transactionId + " runs on this charger"));
    }
    return StationCalls.forward("RemoteStopTransaction",
        Exchanges.object().put("transactionId", localId.getAsInt()), answer -> {
          String status = answer.path("status").asText();
          if (status.equals("Accepted")) {
            state.remoteStopRequested(transactionId);
          }
          return Answers.status(status);
        });
  }

  /**
   * GetTransactionStatus from the bridge's own state: whether the transaction runs, as far as the
   * bridge has seen its events. messagesInQueue is false: the bridge holds no message back, and a
   * 1.x charger's own queue cannot be seen over SOAP.
   */
  CsmsExchange transactionStatus(MessageContext m, JsonNode in, StationState state) {
    ObjectNode out = Exchanges.object();
    if (in.hasNonNull("transactionId")) {
      out.put("ongoingIndicator",
          state.ongoing(in.get("transactionId").asText()).orElse(false));
    }
    out.put("messagesInQueue", false);
    return CsmsExchange.local(out);
  }
}
