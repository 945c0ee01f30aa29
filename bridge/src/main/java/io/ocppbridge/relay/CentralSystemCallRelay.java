package io.ocppbridge.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.CallbackTarget;
import io.ocppbridge.core.CentralSystemCallHandler;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerLink;
import io.ocppbridge.core.Durations;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.RelayMetrics;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.session.CallbackDecision;
import io.ocppbridge.session.ChargerSession;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.translate.ChargerClock;
import io.ocppbridge.translate.SoapJsonTranslator;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Answers CALLs from the central system by relaying them to the charger's SOAP server. Nothing
 * that cannot be delivered is sent: an unknown action, an action the charger's version lacks, an
 * invalid payload (ocppjs chargers crash on unknown operations) and an address outside the
 * callback policy are answered by the bridge with the matching CALLERROR.
 */
public final class CentralSystemCallRelay implements CentralSystemCallHandler<JsonNode> {

  private static final Logger LOG = LoggerFactory.getLogger(CentralSystemCallRelay.class);

  private final SessionRegistry sessions;
  private final SoapJsonTranslator translator;
  private final ChargerLink chargers;
  private final PayloadSchemas schemas;
  private final ChargerProfiles profiles;
  private final RelayMetrics metrics;
  private final UpgradeRelays upgrades;

  /** @param upgrades the upgrade profiles, for chargers not presented in their own version */
  public CentralSystemCallRelay(SessionRegistry sessions, SoapJsonTranslator translator,
      PayloadSchemas schemas, ChargerLink chargers, ChargerProfiles profiles,
      RelayMetrics metrics, UpgradeRelays upgrades) {
    this.upgrades = upgrades;
    this.metrics = metrics;
    this.profiles = profiles;
    this.sessions = sessions;
    this.translator = translator;
    this.schemas = schemas;
    this.chargers = chargers;
  }

  @Override
  public CompletableFuture<JsonNode> handle(ChargerContext charger, String actionName,
      JsonNode payload) {
    long start = System.nanoTime();
    UpgradeRelay upgrade = null;
    CompletableFuture<JsonNode> answer;
    try {
      upgrade = upgrades.of(charger.protocol());
      // a profile may rework the tree it converts; the CALL itself stays as it came (answered)
      answer = upgrade != null
          ? upgrade.csmsCall(charger, actionName, payload.deepCopy(),
              (action, json) -> send(charger, resolve(action, charger.version()), json))
          : send(charger, resolve(actionName, charger.version()), payload);
    } catch (OcppException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    String action = upgrade != null && upgrade.knows(actionName) ? actionName
        : OcppAction.of(actionName, charger.version(), Initiator.CENTRAL_SYSTEM)
            .map(OcppAction::wireName).orElse("unknown");
    return answer.whenComplete((json, failure) -> metrics.relayed(
        RelayMetrics.Direction.CSMS_TO_CHARGER, action, Durations.since(start),
        RelayMetrics.errorOf(failure)));
  }

  @Override
  public void answered(ChargerContext charger, String action, JsonNode payload,
      JsonNode answer) {
    UpgradeRelay upgrade = upgrades.of(charger.protocol());
    if (upgrade != null) {
      upgrade.answered(charger, action, payload, answer);
    }
  }

  private static OcppAction resolve(String actionName, OcppVersion version) {
    return OcppAction.of(actionName, version, Initiator.CENTRAL_SYSTEM)
        .orElseThrow(() -> unknownAction(actionName, version));
  }

  /** Checks the CALL's payload, translates it and posts it to the charger. */
  private CompletableFuture<JsonNode> send(ChargerContext charger, OcppAction action,
      JsonNode payload) {
    OcppVersion version = charger.version();
    String actionName = action.wireName();
    JsonDialect dialect = profiles.jsonDialect(charger.id(), charger.protocol());
    schemas.in(dialect).check(version, action, true, payload);
    ChargerClock clock = profiles.clock(charger.id());
    Element request =
        translator.in(dialect).toChargePointRequest(version, action, payload, clock);
    ChargerSession session = sessions.find(charger.id()).orElseThrow(() -> new OcppException(
        OcppErrorCode.INTERNAL_ERROR, "the bridge has no session for this charger"));
    CallbackDecision decision = session.callback();
    if (!(decision instanceof CallbackDecision.Allowed allowed)) {
      String reason = decision instanceof CallbackDecision.Refused r
          ? r.reason() : "the charger has not told the bridge its callback address yet";
      LOG.warn("[{}] {} not sent to the charger: {}", charger.id(), actionName, reason);
      boolean policy = decision instanceof CallbackDecision.Refused r && r.byPolicy();
      throw new OcppException(policy ? OcppErrorCode.SECURITY_ERROR
          : OcppErrorCode.INTERNAL_ERROR, "cannot reach the charger: " + reason);
    }
    CallbackTarget target = new CallbackTarget(charger.id(), version,
        session.dialect().soapVersion(), session.dialect().addressingNamespace(),
        allowed.target(), allowed.named());
    long sent = System.nanoTime();
    return chargers.call(target, action, request)
        .whenComplete((answer, failure) -> metrics.leg(RelayMetrics.Leg.CHARGER,
            action.wireName(), Durations.since(sent), failure == null
                || RelayMetrics.errorOf(failure).origin() == OcppException.Origin.CHARGER))
        .thenApply(answer -> chargerAnswer(charger, action, answer, clock, dialect));
  }

  /** The charger's answer as the CALLRESULT payload, read once and checked. */
  private JsonNode chargerAnswer(ChargerContext charger, OcppAction action, Element answer,
      ChargerClock clock, JsonDialect dialect) {
    try {
      SoapJsonTranslator own = translator.in(dialect);
      JsonNode json = own.fromChargePointResponse(charger.version(), action, answer, clock);
      if (own.checksOwn(action, false)) {
        schemas.in(dialect).check(charger.version(), action, false, json);
      }
      return json;
    } catch (OcppException e) {
      LOG.warn("[{}] the charger's answer to {} is invalid: {}", charger.id(), action.wireName(),
          e.description());
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR,
          "the charger's answer to " + action.wireName() + " is invalid: " + e.description());
    }
  }

  /** NotSupported for an action OCPP has but not in this direction or version, else NotImplemented. */
  private static OcppException unknownAction(String name, OcppVersion version) {
    boolean known = Arrays.stream(OcppAction.values()).anyMatch(a -> a.wireName().equals(name));
    if (known) {
      return new OcppException(OcppErrorCode.NOT_SUPPORTED,
          name + " cannot be sent to an " + version + " charger");
    }
    return new OcppException(OcppErrorCode.NOT_IMPLEMENTED, "unknown action '" + name + "'");
  }
}
