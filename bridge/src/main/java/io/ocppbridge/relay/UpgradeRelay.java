package io.ocppbridge.relay;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.ChargerContext;
import java.util.concurrent.CompletableFuture;

/**
 * An upgrade profile as the relays use it: a charger presented to the central system in another
 * OCPP version than its own ({@code ocpp1.6}, {@code ocpp2.0.1}). The relays keep what every
 * charger shares (the SOAP side, sessions, metrics, the charger's own schemas); the profile
 * converts, checks what it sends against its protocol's schemas before it is sent (a violation
 * is the bridge's defect, an InternalError, never passed on) and what the central system sends
 * before converting it.
 */
public interface UpgradeRelay {

  /**
   * Sends a CALL to the central system on the charger's link; completes with the CALLRESULT
   * payload. The payload is the link's from then on (see {@link io.ocppbridge.core.CsmsLink}).
   */
  @FunctionalInterface
  interface CsmsSender {
    CompletableFuture<JsonNode> call(String action, JsonNode payload);
  }

  /**
   * Sends a call to the charger in its own version (JSON of that version, checked against its
   * schema, then SOAP); completes with its answer's JSON, checked against its schema too.
   */
  @FunctionalInterface
  interface ChargerSender {
    CompletableFuture<JsonNode> call(String action, JsonNode payload);
  }

  /** True when the profile's protocol has this action (it is counted under its name). */
  boolean knows(String action);

  /**
   * Relays a charger's request: completes with the answer in the charger's own version's JSON,
   * or fails with the OCPP error for the charger's fault (the central system's CALLERROR as it
   * is). A request that cannot be sent faithfully fails at once.
   */
  CompletableFuture<JsonNode> chargerRequest(ChargerContext charger, String action,
      JsonNode request, CsmsSender csms);

  /**
   * Answers a CALL of the central system, through the charger or by itself: completes with the
   * CALLRESULT payload, or fails with the OCPP error for the CALLERROR. The profile may rework
   * {@code payload} (it is a copy of the CALL's).
   */
  CompletableFuture<JsonNode> csmsCall(ChargerContext charger, String action, JsonNode payload,
      ChargerSender chargers);

  /**
   * The answer to a CALL of the central system went out: what the charging station sends next on
   * its own (OCPP 2.0.1 NotifyReport after GetBaseReport) goes now.
   */
  default void answered(ChargerContext charger, String action, JsonNode payload,
      JsonNode answer) {
  }
}
