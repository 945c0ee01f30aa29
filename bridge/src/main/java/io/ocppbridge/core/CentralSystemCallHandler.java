package io.ocppbridge.core;

import java.util.concurrent.CompletableFuture;

/**
 * Port for operations the central system initiates: a CALL arriving on a charger's WebSocket.
 * The future completes with the CALLRESULT payload (JSON text), or exceptionally with an
 * {@link OcppException} that becomes the CALLERROR.
 */
public interface CentralSystemCallHandler {

  CompletableFuture<String> handle(ChargerContext charger, String action, String payloadJson);

  /**
   * The CALLRESULT {@code answerJson} to a CALL was written to the central system: what the
   * charger presents as sent after it (an OCPP 2.0.1 NotifyReport after GetBaseReport) may go now.
   */
  default void answered(ChargerContext charger, String action, String payloadJson,
      String answerJson) {
  }

  /**
   * The handler of a bridge that does not relay central-system calls: every call is answered
   * with NotImplemented, so the central system is never left waiting.
   */
  static CentralSystemCallHandler notImplemented() {
    return (charger, action, payload) -> CompletableFuture.failedFuture(new OcppException(
        OcppErrorCode.NOT_IMPLEMENTED,
        "the bridge does not relay " + action + " to SOAP chargers yet"));
  }
}
