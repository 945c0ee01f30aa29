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
}
