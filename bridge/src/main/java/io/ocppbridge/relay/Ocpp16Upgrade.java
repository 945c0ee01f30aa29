package io.ocppbridge.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.schema.Ocpp16PayloadSchemas;
import io.ocppbridge.upgrade.CsmsCallOutcome;
import io.ocppbridge.upgrade.UpgradeProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade profile as the relays use it, on JSON text: what the central system sends is
 * checked against the 1.6 schemas before it is converted, and what the bridge is about to send it
 * is checked after, so a conversion defect is reported as the bridge's, never passed on.
 */
public final class Ocpp16Upgrade {

  private static final Logger LOG = LoggerFactory.getLogger(Ocpp16Upgrade.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UpgradeProfile profile;
  private final Ocpp16PayloadSchemas schemas;

  public Ocpp16Upgrade(UpgradeProfile profile, Ocpp16PayloadSchemas schemas) {
    this.profile = profile;
    this.schemas = schemas;
  }

  /** True when OCPP 1.6 has this action. */
  public boolean knows(String action) {
    return schemas.knows(action);
  }

  /** A charger's request (its version's JSON) as the 1.6 CALL payload. */
  public String chargerRequest(ChargerId id, OcppVersion version, String action,
      JsonNode request) {
    JsonNode upgraded = profile.chargerRequest(version, action, request, id);
    checkOwn(id, action, true, upgraded);
    return upgraded.toString();
  }

  /** The central system's 1.6 answer to a charger's request, as its version's JSON. */
  public JsonNode csmsAnswer(ChargerId id, OcppVersion version, String action, JsonNode request,
      String answer) {
    JsonNode answer16 = tree(answer);
    try {
      schemas.check(action, false, answer16);
    } catch (OcppException e) {
      LOG.warn("[{}] the central system's answer to {} is invalid OCPP 1.6: {}; answer: {}", id,
          action, e.description(), answer);
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the central system's answer to "
          + action + " is invalid: " + e.description());
    }
    return profile.csmsAnswer(version, action, request, answer16, id);
  }

  /**
   * What to do with a 1.6 CALL of the central system.
   *
   * @throws OcppException with the code of the payload's violation, or NotImplemented for an
   *     action OCPP 1.6 does not have
   */
  public CsmsCallOutcome csmsCall(ChargerId id, OcppVersion version, String action,
      JsonNode call) {
    schemas.check(action, true, call);
    return profile.csmsCall(version, action, call, id);
  }

  /** The charger's answer (its version's JSON) to a forwarded call, as the 1.6 CALLRESULT. */
  public String chargerAnswer(ChargerId id, OcppVersion version, String action, JsonNode call,
      String answer) {
    JsonNode upgraded = profile.chargerAnswer(version, action, call, tree(answer), id);
    checkOwn(id, action, false, upgraded);
    return upgraded.toString();
  }

  /** A payload the bridge answers a 1.6 CALL with by itself, checked like any other. */
  public String localAnswer(ChargerId id, String action, JsonNode payload) {
    checkOwn(id, action, false, payload);
    return payload.toString();
  }

  private void checkOwn(ChargerId id, String action, boolean request, JsonNode payload) {
    try {
      schemas.check(action, request, payload);
    } catch (OcppException e) {
      LOG.error("[{}] bridge defect: the OCPP 1.6 form of {} violates its schema: {}; JSON: {}",
          id, action, e.description(), payload);
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR, "the bridge could not translate "
          + action + " to OCPP 1.6 faithfully (" + e.description() + ")");
    }
  }

  /**
   * Reads a CALL of the central system once, for {@link #csmsCall} and {@link #chargerAnswer}.
   *
   * @throws OcppException FormationViolation for text that is not JSON
   */
  public JsonNode read(String json) {
    return tree(json);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION, "the payload is not JSON");
    }
  }
}
