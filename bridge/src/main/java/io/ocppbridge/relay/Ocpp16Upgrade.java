package io.ocppbridge.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.schema.Ocpp16PayloadSchemas;
import io.ocppbridge.upgrade.CsmsCallOutcome;
import io.ocppbridge.upgrade.UpgradeProfile;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCPP 1.6 upgrade profile as the relays use it ({@code csms.protocol: ocpp1.6}): a 1.2/1.5
 * charger's request becomes the 1.6 CALL for the same action, checked against the 1.6 schemas
 * before it is sent; the 1.6 answer is checked before it is converted back. A 1.6 CALL of the
 * central system is checked, then forwarded in the charger's version or answered by the bridge.
 */
public final class Ocpp16Upgrade implements UpgradeRelay {

  private static final Logger LOG = LoggerFactory.getLogger(Ocpp16Upgrade.class);

  private final UpgradeProfile profile;
  private final Ocpp16PayloadSchemas schemas;
  private final ProfileChecks checks;

  public Ocpp16Upgrade(UpgradeProfile profile, Ocpp16PayloadSchemas schemas) {
    this.profile = profile;
    this.schemas = schemas;
    this.checks = new ProfileChecks("OCPP 1.6", schemas::check);
  }

  @Override
  public boolean knows(String action) {
    return schemas.knows(action);
  }

  @Override
  public CompletableFuture<JsonNode> chargerRequest(ChargerContext charger, String action,
      JsonNode request, CsmsSender csms) {
    ChargerId id = charger.id();
    OcppVersion version = charger.version();
    JsonNode upgraded = profile.chargerRequest(version, action, request, id);
    checks.own(id, action, true, upgraded);
    return csms.call(action, upgraded).thenApply(answer -> {
      JsonNode answer16 = checks.csmsAnswer(id, action, answer);
      try {
        return profile.csmsAnswer(version, action, request, answer16, id);
      } catch (OcppException e) {
        LOG.warn("[{}] the central system's answer to {} cannot be given to the charger: {};"
            + " answer: {}", id, action, e.description(), answer);
        throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the central system's answer to "
            + action + " is invalid: " + e.description());
      }
    });
  }

  /**
   * A 1.6 CALL to a charger presented as OCPP 1.6: converted and sent on, or answered by the
   * bridge when the charger's version cannot do it (the profile decides which).
   */
  @Override
  public CompletableFuture<JsonNode> csmsCall(ChargerContext charger, String action,
      JsonNode payload, ChargerSender chargers) {
    ChargerId id = charger.id();
    JsonNode call = checks.csmsCall(action, payload);
    CsmsCallOutcome outcome = profile.csmsCall(charger.version(), action, call, id);
    if (outcome instanceof CsmsCallOutcome.AnswerLocally local) {
      LOG.debug("[{}] {} answered by the bridge (the charger's {} cannot do it)", id, action,
          charger.version());
      checks.own(id, action, false, local.payload());
      return CompletableFuture.completedFuture(local.payload());
    }
    if (outcome instanceof CsmsCallOutcome.Error error) {
      throw new OcppException(error.code(), error.description());
    }
    CsmsCallOutcome.Forward forward = (CsmsCallOutcome.Forward) outcome;
    return chargers.call(forward.action(), forward.payload()).thenApply(answer -> {
      JsonNode upgraded = profile.chargerAnswer(charger.version(), action, call, answer, id);
      checks.own(id, action, false, upgraded);
      return upgraded;
    });
  }
}
