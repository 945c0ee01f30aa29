package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upgrade profile: an OCPP 1.2/1.5 charger presented to the central system as an OCPP 1.6-J
 * charger. Four conversions, one per direction of the two flows; every payload is a Jackson tree
 * of the message's own payload (never a whole frame):
 *
 * <pre>
 *   charger request (ocppjs 1.2/1.5) --{@link #chargerRequest}--> 1.6 CALL       --> central system
 *   charger answer  (ocppjs 1.2/1.5) <--{@link #csmsAnswer}------ 1.6 CALLRESULT <-- central system
 *   central system  1.6 CALL         --{@link #csmsCall}--------> forward / answer locally / error
 *   central system  1.6 CALLRESULT   <--{@link #chargerAnswer}--- charger answer (ocppjs 1.2/1.5)
 * </pre>
 *
 * A failure to convert is an {@link OcppException} whose code and description can go to the other
 * side as they are (for {@link #csmsCall}: a {@link CsmsCallOutcome.Error}). Thread-safe; one
 * instance serves every charger, keeping per charger the {@link ConnectorStates} it needs.
 */
public final class UpgradeProfile {

  private final ChargerRequestUpgrade requests;
  private final CsmsAnswerDowngrade answers;
  private final CsmsCallDowngrade calls;
  private final ChargerAnswerUpgrade chargerAnswers;
  private final Map<ChargerId, HeldStates> states = new ConcurrentHashMap<>();
  private final ProfileStateStore store;

  /**
   * @param losses hears of every loss (see {@link LossCase})
   * @param ping the bridge's ping interval per charger link ({@code WebSocketPingInterval})
   * @param options per-backend choices
   * @param store where each charger's {@link ConnectorStates} is kept across restarts
   */
  public UpgradeProfile(LossRecorder losses, PingIntervalSetting ping, UpgradeOptions options,
      ProfileStateStore store) {
    this(losses, ping, options, store, Limits.OCPP16);
  }

  /**
   * The profile with the length limits of another target: {@link Limits#TOWARD_OCPP201} when its
   * 1.6 form is the first step of the OCPP 2.0.1 profile.
   */
  public UpgradeProfile(LossRecorder losses, PingIntervalSetting ping, UpgradeOptions options,
      ProfileStateStore store, Limits limits) {
    this.store = store;
    LossyFields fields = new LossyFields(losses, limits);
    BridgeOwnedKeys owned = new BridgeOwnedKeys(ping);
    this.requests = new ChargerRequestUpgrade(fields, options);
    this.answers = new CsmsAnswerDowngrade(fields);
    this.calls = new CsmsCallDowngrade(fields, owned);
    this.chargerAnswers = new ChargerAnswerUpgrade(fields, owned);
  }

  /**
   * A charger's request as the payload of the 1.6 CALL for the same action.
   *
   * @param from the charger's version
   * @param payload the ocppjs JSON the SOAP translation produced (valid against its schema)
   * @throws OcppException when the request cannot be sent faithfully (a fault for the charger)
   */
  public JsonNode chargerRequest(OcppVersion from, String action, JsonNode payload,
      ChargerId charger) {
    try {
      return requests.upgrade(context(charger, from, action), object(payload, action),
          states(charger));
    } finally {
      saveIfChanged(charger);
    }
  }

  /**
   * The central system's 1.6 CALLRESULT payload as the answer the charger expects.
   *
   * @param to the charger's version
   * @param chargerRequest the charger's request as given to {@link #chargerRequest} (some answers
   *     are only understood with it: the connector a transaction started on)
   * @param answer the CALLRESULT payload (valid against the 1.6 response schema)
   * @throws OcppException when the answer cannot be given to the charger (a fault for it)
   */
  public JsonNode csmsAnswer(OcppVersion to, String action, JsonNode chargerRequest,
      JsonNode answer, ChargerId charger) {
    try {
      return answers.downgrade(context(charger, to, action), object(chargerRequest, action),
          object(answer, action), states(charger));
    } finally {
      saveIfChanged(charger);
    }
  }

  /**
   * What to do with a CALL of the central system.
   *
   * @param to the charger's version
   * @param payload the CALL payload (valid against the 1.6 request schema)
   */
  public CsmsCallOutcome csmsCall(OcppVersion to, String action, JsonNode payload,
      ChargerId charger) {
    if (payload == null || !payload.isObject()) {
      return CsmsCallOutcome.error(OcppErrorCode.FORMATION_VIOLATION,
          "the payload of " + action + " is not a JSON object");
    }
    return calls.downgrade(context(charger, to, action), payload);
  }

  /**
   * The charger's answer to a forwarded CALL as the 1.6 CALLRESULT payload.
   *
   * @param from the charger's version
   * @param csmsCall the central system's 1.6 CALL payload the charger answers
   * @param answer the ocppjs JSON of the charger's answer
   * @throws OcppException when the answer cannot be given to the central system (a CALLERROR)
   */
  public JsonNode chargerAnswer(OcppVersion from, String action, JsonNode csmsCall,
      JsonNode answer, ChargerId charger) {
    try {
      return chargerAnswers.upgrade(context(charger, from, action), object(csmsCall, action),
          object(answer, action), states(charger));
    } finally {
      saveIfChanged(charger);
    }
  }

  /**
   * The transaction state of one charger: on first use read from the {@link ProfileStateStore}
   * (what it was before a restart), else empty.
   */
  public ConnectorStates states(ChargerId charger) {
    if (charger == null) {
      throw new IllegalArgumentException("charger, version and action are required");
    }
    return states.computeIfAbsent(charger, c -> {
      ConnectorStates loaded = store.load(c, ConnectorStates.MEMBER)
          .map(ConnectorStates::fromJson).orElseGet(ConnectorStates::new);
      return new HeldStates(loaded, loaded.toJson());
    }).states;
  }

  /** Forgets a charger's state, e.g. when the bridge forgets the charger. */
  public void forget(ChargerId charger) {
    states.remove(charger);
  }

  /** Saves the charger's connector states when a conversion changed them. */
  private void saveIfChanged(ChargerId charger) {
    HeldStates held = charger == null ? null : states.get(charger);
    if (held != null) {
      held.saveIfChanged(charger, store);
    }
  }

  /** One charger's state and what was last saved of it. */
  private static final class HeldStates {
    final ConnectorStates states;
    private JsonNode saved;

    HeldStates(ConnectorStates states, JsonNode saved) {
      this.states = states;
      this.saved = saved;
    }

    synchronized void saveIfChanged(ChargerId charger, ProfileStateStore store) {
      JsonNode now = states.toJson();
      if (!now.equals(saved)) {
        store.save(charger, ConnectorStates.MEMBER, now);
        saved = now;
      }
    }
  }

  private static MessageContext context(ChargerId charger, OcppVersion version, String action) {
    if (charger == null || version == null || action == null) {
      throw new IllegalArgumentException("charger, version and action are required");
    }
    return new MessageContext(charger, version, action);
  }

  private static JsonNode object(JsonNode payload, String action) {
    if (payload == null || !payload.isObject()) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION,
          "the payload of " + action + " is not a JSON object");
    }
    return payload;
  }
}
