package io.ocppbridge.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsLink;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.RelayMetrics;
import io.ocppbridge.schema.Ocpp16PayloadSchemas;
import io.ocppbridge.schema.Ocpp201PayloadSchemas;
import io.ocppbridge.upgrade.CsmsCallOutcome;
import io.ocppbridge.upgrade.UpgradeProfile;
import io.ocppbridge.upgrade.v201.ChargerExchange;
import io.ocppbridge.upgrade.v201.CsmsExchange;
import io.ocppbridge.upgrade.v201.CsmsExchange.Outcome;
import io.ocppbridge.upgrade.v201.Ocpp201Profile;
import io.ocppbridge.upgrade.v201.OutgoingCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCPP 2.0.1 upgrade profile as the relays use it ({@code csms.protocol: ocpp2.0.1}). A 1.6
 * charger's JSON goes to the 2.0.1 profile as it is; a 1.2/1.5 charger's goes through the 1.6
 * profile first (with the 2.0.1 length limits) and back through it: one 1.6 ↔ 2.0.1 table
 * serves every charger version, and the 1.2/1.5 differences are solved in one place. Every
 * 2.0.1 frame is checked against {@code schemas-json/ocpp2.0.1/}: the central system's before it
 * is converted, the bridge's before it is sent (a violation is a bridge defect, an InternalError);
 * the 1.6 form of a central system's call is checked against the 1.6 schemas on the way.
 */
public final class Ocpp201Upgrade implements UpgradeRelay {

  private static final Logger LOG = LoggerFactory.getLogger(Ocpp201Upgrade.class);

  private final Ocpp201Profile profile;
  private final UpgradeProfile firstStep;
  private final Ocpp201PayloadSchemas schemas;
  private final ProfileChecks checks;
  private final ProfileChecks checks16;
  private volatile CsmsLink<JsonNode> csms;

  /**
   * @param firstStep the 1.6 profile with {@link io.ocppbridge.upgrade.Limits#TOWARD_OCPP201},
   *     for 1.2/1.5 chargers
   */
  public Ocpp201Upgrade(Ocpp201Profile profile, UpgradeProfile firstStep,
      Ocpp201PayloadSchemas schemas, Ocpp16PayloadSchemas schemas16) {
    this.profile = profile;
    this.firstStep = firstStep;
    this.schemas = schemas;
    this.checks = new ProfileChecks("OCPP 2.0.1", schemas::check);
    this.checks16 = new ProfileChecks("OCPP 1.6", schemas16::check);
  }

  /** The link the CALLs that follow an answer (NotifyReport) go out on, once it exists. */
  public void attach(CsmsLink<JsonNode> link) {
    this.csms = link;
  }

  @Override
  public boolean knows(String action) {
    return schemas.knows(action) || schemas.refuses(action);
  }

  // ---- the charger's requests --------------------------------------------------------------

  @Override
  public CompletableFuture<JsonNode> chargerRequest(ChargerContext charger, String action,
      JsonNode request, CsmsSender csms) {
    ChargerId id = charger.id();
    OcppVersion version = charger.version();
    JsonNode request16 = version == OcppVersion.V1_6 ? request
        : firstStep.chargerRequest(version, action, request, id);
    ChargerExchange exchange = profile.chargerRequest(id, version, action, request16);
    for (OutgoingCall call : exchange.calls()) {
      checks.own(id, call.action(), true, call.payload());
    }
    AtomicInteger answered = new AtomicInteger();
    return inTurn(exchange.calls(), call -> csms.call(call.action(), call.payload())
        .thenApply(answer -> {
          answered.incrementAndGet();
          return checks.csmsAnswer(id, call.action(), answer);
        }))
        .handle((results, failure) -> {
          if (failure != null) {
            if (answered.get() < exchange.calls().size()) {
              // not every CALL got its CALLRESULT: the central system did not take them all
              exchange.failed();
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
          }
          try {
            JsonNode answer16 = exchange.answer(results);
            return version == OcppVersion.V1_6 ? answer16
                : firstStep.csmsAnswer(version, action, request, answer16, id);
          } catch (OcppException e) {
            LOG.warn("[{}] the central system's answers to {} cannot be given to the charger:"
                + " {}; answers: {}", id, action, e.description(), results);
            throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the central system's answer"
                + " to " + action + " is invalid: " + e.description());
          }
        });
  }

  // ---- the central system's calls ----------------------------------------------------------

  @Override
  public CompletableFuture<JsonNode> csmsCall(ChargerContext charger, String action,
      JsonNode payload, ChargerSender chargers) {
    ChargerId id = charger.id();
    if (schemas.refuses(action)) {
      throw new OcppException(OcppErrorCode.NOT_SUPPORTED, action + " has no counterpart in OCPP "
          + charger.version().label() + "; the bridge cannot perform it for this charger");
    }
    if (!schemas.knows(action)) {
      throw new OcppException(OcppErrorCode.NOT_IMPLEMENTED, "unknown action '" + action + "'");
    }
    JsonNode call = checks.csmsCall(action, payload);
    CsmsExchange exchange = profile.csmsCall(id, charger.version(), action, call);
    return inTurn(exchange.chargerCalls(), c -> toCharger(charger, c, chargers))
        .thenApply(outcomes -> {
          JsonNode answer = exchange.answer(outcomes);
          checks.own(id, action, false, answer);
          return answer;
        });
  }

  /**
   * One 1.6 call to the charger: sent in its version (through the 1.6 profile for 1.2/1.5, which
   * may answer it itself); every failure is an outcome, for the exchange to judge.
   */
  private CompletableFuture<Outcome> toCharger(ChargerContext charger, OutgoingCall call,
      ChargerSender chargers) {
    ChargerId id = charger.id();
    OcppVersion version = charger.version();
    try {
      checks16.own(id, call.action(), true, call.payload());
      CompletableFuture<JsonNode> answer;
      if (version == OcppVersion.V1_6) {
        answer = chargers.call(call.action(), call.payload());
      } else {
        CsmsCallOutcome outcome = firstStep.csmsCall(version, call.action(), call.payload(), id);
        if (outcome instanceof CsmsCallOutcome.Error error) {
          throw new OcppException(error.code(), error.description());
        }
        answer = outcome instanceof CsmsCallOutcome.AnswerLocally local
            ? CompletableFuture.completedFuture(local.payload())
            : chargers.call(((CsmsCallOutcome.Forward) outcome).action(),
                ((CsmsCallOutcome.Forward) outcome).payload()).thenApply(forwarded ->
                firstStep.chargerAnswer(version, call.action(), call.payload(), forwarded, id));
      }
      return answer.<Outcome>thenApply(Outcome.Answered::new)
          .exceptionally(failure -> new Outcome.Failed(RelayMetrics.errorOf(failure)));
    } catch (OcppException e) {
      return CompletableFuture.completedFuture(new Outcome.Failed(e));
    }
  }

  @Override
  public void answered(ChargerContext charger, String action, JsonNode payload,
      JsonNode answer) {
    List<OutgoingCall> calls = profile.afterAnswer(charger.id(), action, payload, answer);
    CsmsLink<JsonNode> link = csms;
    if (calls.isEmpty() || link == null) {
      return;
    }
    for (OutgoingCall call : calls) {
      checks.own(charger.id(), call.action(), true, call.payload());
    }
    inTurn(calls, call -> link.call(charger, call.action(), call.payload())
        .thenApply(reply -> checks.csmsAnswer(charger.id(), call.action(), reply)))
        .whenComplete((results, failure) -> {
          if (failure != null) {
            LOG.warn("[{}] the {} CALLs after {} stopped: {}", charger.id(),
                calls.get(0).action(), action, RelayMetrics.errorOf(failure).description());
          } else {
            LOG.debug("[{}] {} {} CALL(s) sent after {}", charger.id(), calls.size(),
                calls.get(0).action(), action);
          }
        });
  }

  /** Runs {@code step} for each item, each after the previous one's result; the results. */
  private static <T, R> CompletableFuture<List<R>> inTurn(List<T> items,
      Function<T, CompletableFuture<R>> step) {
    CompletableFuture<List<R>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (T item : items) {
      all = all.thenCompose(done -> step.apply(item).thenApply(r -> {
        done.add(r);
        return done;
      }));
    }
    return all;
  }
}
