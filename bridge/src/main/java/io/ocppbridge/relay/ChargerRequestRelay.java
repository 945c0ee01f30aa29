package io.ocppbridge.relay;

import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsLink;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.Durations;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.RelayMetrics;
import io.ocppbridge.logging.MessageTrace;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.session.CallbackDecision;
import io.ocppbridge.session.CallbackResolver;
import io.ocppbridge.session.ChargerSession;
import io.ocppbridge.session.PresenceTracker;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.session.SoapDialect;
import io.ocppbridge.translate.ChargerClock;
import io.ocppbridge.translate.ChargerRequest;
import io.ocppbridge.translate.SoapJsonTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The charger-initiated flow, free of transports: recognise and validate the charger's request,
 * record what it says about the charger (session, callback address), send it to the central
 * system and translate the answer back. Every failure is an {@link OcppException} for the SOAP
 * edge to turn into a fault.
 */
public final class ChargerRequestRelay {

  private static final Logger LOG = LoggerFactory.getLogger(ChargerRequestRelay.class);
  private static final String UNKNOWN_ACTION = "unknown";

  private final SoapJsonTranslator translator;
  private final CsmsLink<JsonNode> csms;
  private final SessionRegistry sessions;
  private final CallbackResolver callbacks;
  private final PayloadSchemas schemas;
  private final ChargerProfiles profiles;
  private final PresenceTracker presence;
  private final RelayMetrics metrics;
  private final UpgradeRelays upgrades;

  /** @param upgrades the upgrade profiles, for chargers not presented in their own version */
  public ChargerRequestRelay(SoapJsonTranslator translator, PayloadSchemas schemas,
      CsmsLink<JsonNode> csms, SessionRegistry sessions, CallbackResolver callbacks,
      ChargerProfiles profiles, PresenceTracker presence, RelayMetrics metrics,
      UpgradeRelays upgrades) {
    this.upgrades = upgrades;
    this.metrics = metrics;
    this.presence = presence;
    this.translator = translator;
    this.schemas = schemas;
    this.profiles = profiles;
    this.csms = csms;
    this.sessions = sessions;
    this.callbacks = callbacks;
  }

  /** The operation a request body names, if any, before any validation (for fault headers). */
  public Optional<OcppAction> recognise(Element payload) {
    return payload == null ? Optional.empty() : translator.recogniseChargerRequest(payload);
  }

  /**
   * Relays one request body; the future completes with the answer's body payload or fails with
   * an {@link OcppException}. Input errors fail at once, before anything is sent.
   */
  public CompletableFuture<Element> relay(ChargerRequestInfo info, Element payload) {
    long start = System.nanoTime();
    String action = recognise(payload).map(OcppAction::wireName).orElse(UNKNOWN_ACTION);
    CompletableFuture<Element> answer;
    try {
      answer = send(info, payload);
    } catch (OcppException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.whenComplete((ok, failure) -> metrics.relayed(
        RelayMetrics.Direction.CHARGER_TO_CSMS, action, Durations.since(start),
        RelayMetrics.errorOf(failure)));
  }

  private CompletableFuture<Element> send(ChargerRequestInfo info, Element payload) {
    if (payload == null) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION, "the SOAP body is empty");
    }
    ChargerId id = chargerId(info);
    ChargerClock clock = profiles.clock(id);
    boolean lenient = profiles.lenient(id);
    // the JSON names depend on how the charger is presented, which depends on its version
    JsonDialect dialect = OcppVersion.ofCentralSystemNamespace(payload.getNamespaceURI())
        .map(v -> profiles.jsonDialect(id, profiles.protocol(id, v)))
        .orElse(translator.dialect());
    SoapJsonTranslator translator = this.translator.in(dialect);
    PayloadSchemas schemas = this.schemas.in(dialect);
    ChargerRequest request = translator.fromChargerRequest(payload, clock, lenient);
    JsonNode requestTree = checkOwnTranslation(id, request, lenient, translator, schemas);
    ChargerSession session = sessions.observe(id, request.version(),
        new SoapDialect(info.soapVersion(), info.addressingNamespace()), info.from());
    CsmsProtocol protocol = profiles.protocol(id, request.version());
    session.protocol(protocol);
    session.recordQuirks(info.quirks());
    decideCallback(session, info);
    presence.seen(id, session.heartbeatInterval(), session.accepted());
    sessions.persist(session);
    MessageTrace.line(id.value(), "<<cp {} (OCPP {}, SOAP {}, from {})",
        request.action().wireName(), request.version().label(), info.soapVersion(),
        info.from() == null ? "-" : info.from());
    String action = request.action().wireName();
    ChargerContext context = new ChargerContext(id, request.version(), protocol);
    UpgradeRelay.CsmsSender sender = (name, json) -> {
      long sent = System.nanoTime();
      return csms.call(context, name, json).whenComplete((answer, failure) -> {
        boolean answered = failure == null || answeredByCsms(failure);
        metrics.leg(RelayMetrics.Leg.CSMS, name, Durations.since(sent), answered);
        if (answered) {
          accepted(session);
        }
      });
    };
    UpgradeRelay upgrade = upgrades.of(context.protocol());
    CompletableFuture<JsonNode> answer = upgrade == null
        ? sender.call(action, requestTree)
        : upgrade.chargerRequest(context, action, requestTree, sender);
    return answer.thenApply(own -> {
      try {
        schemas.check(request.version(), request.action(), false, own);
        learnHeartbeatInterval(session, request, own);
        return translator.toChargerResponse(request.version(), request.action(), own, clock);
      } catch (OcppException e) {
        LOG.warn("[{}] the central system's answer to {} cannot be given to the charger: {};"
            + " answer: {}", id, action, e.description(), own);
        throw invalidAnswer(action, e);
      }
    });
  }

  /**
   * The central system answered this charger: from now on it is written to the registry and
   * kept for its whole presence window.
   */
  private void accepted(ChargerSession session) {
    if (session.markAccepted()) {
      sessions.persist(session);
      presence.seen(session.id(), session.heartbeatInterval(), true);
    }
  }

  private static OcppException invalidAnswer(String action, OcppException e) {
    return new OcppException(OcppErrorCode.INTERNAL_ERROR,
        "the central system's answer to " + action + " is invalid: " + e.description());
  }

  private static boolean answeredByCsms(Throwable failure) {
    OcppException error = RelayMetrics.errorOf(failure);
    return error.origin() == OcppException.Origin.CENTRAL_SYSTEM;
  }

  /**
   * A BootNotification answer says how often the charger will be heard from: its
   * {@code heartbeatInterval} (1.2, 1.5), {@code interval} in 1.6.
   */
  private void learnHeartbeatInterval(ChargerSession session, ChargerRequest request,
      JsonNode answer) {
    if (request.action() != OcppAction.BOOT_NOTIFICATION) {
      return;
    }
    JsonNode interval = answer.get(
        request.version() == OcppVersion.V1_6 ? "interval" : "heartbeatInterval");
    if (interval != null && interval.canConvertToInt() && interval.intValue() > 0) {
      session.heartbeatInterval(interval.intValue());
      sessions.persist(session);
      presence.seen(session.id(), interval.intValue());
      LOG.debug("[{}] heartbeat interval {} s; offline after {} of silence", session.id(),
          interval.intValue(), presence.window(interval.intValue()));
    }
  }

  /**
   * The JSON the bridge is about to send must meet the schema: the SOAP request was valid, so a
   * violation here is a defect of the bridge's translation, reported as such. Checked when the
   * translator says it is due ({@link io.ocppbridge.translate.OwnTranslationCheck}: the first
   * ones of each action, then a sample). Returns the tree to send.
   */
  private static JsonNode checkOwnTranslation(ChargerId id, ChargerRequest request,
      boolean lenient, SoapJsonTranslator translator, PayloadSchemas schemas) {
    JsonNode tree = request.payload();
    if (!translator.checksOwn(request.action(), true)) {
      return tree;
    }
    try {
      schemas.check(request.version(), request.action(), true, tree,
          lenient ? PayloadSchemas.LENGTHS : java.util.Set.of());
      return tree;
    } catch (OcppException e) {
      LOG.error("[{}] bridge defect: the translation of {} violates its JSON schema ({} names):"
          + " {}; JSON: {}", id, request.action().wireName(), schemas.dialect(), e.description(),
          tree);
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the bridge could not translate "
          + request.action().wireName() + " faithfully (" + e.description() + ")");
    }
  }

  /** Refreshes the charger's callback decision when its request said something new about it. */
  private void decideCallback(ChargerSession session, ChargerRequestInfo info) {
    if (!session.callbackInputsChanged(info.from(), info.replyTo(), info.peerAddress())) {
      return;
    }
    CallbackDecision decision =
        callbacks.resolve(session.id(), info.from(), info.replyTo(), info.peerAddress());
    CallbackDecision previous =
        session.updateCallback(info.from(), info.replyTo(), info.peerAddress(), decision);
    if (decision.equals(previous)) {
      return;
    }
    if (decision instanceof CallbackDecision.Allowed a) {
      if (previous instanceof CallbackDecision.Allowed p && !p.named().equals(a.named())) {
        LOG.warn("[{}] callback address changed from {} to {} (latest wins)", session.id(),
            p.named(), a.named());
      } else {
        LOG.info("[{}] callback address {} (from {}{})", session.id(), a.named(), a.source(),
            a.rewritten() ? ", rewritten" : "");
      }
    } else if (decision instanceof CallbackDecision.Refused r) {
      LOG.warn("[{}] no calls can reach this charger: {}", session.id(), r.reason());
    }
  }

  private static ChargerId chargerId(ChargerRequestInfo info) {
    String raw = info == null ? null : info.chargeBoxIdentity();
    if (raw == null) {
      throw new OcppException(OcppErrorCode.PROTOCOL_ERROR,
          "the chargeBoxIdentity SOAP header is missing");
    }
    try {
      return new ChargerId(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new OcppException(OcppErrorCode.PROTOCOL_ERROR,
          "the chargeBoxIdentity SOAP header is unusable: " + e.getMessage());
    }
  }
}
