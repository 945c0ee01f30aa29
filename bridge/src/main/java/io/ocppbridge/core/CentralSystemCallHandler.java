package io.ocppbridge.core;

import java.util.concurrent.CompletableFuture;

/**
 * Port for operations the central system initiates: a CALL arriving on a charger's WebSocket.
 * The future completes with the CALLRESULT payload, or exceptionally with an
 * {@link OcppException} that becomes the CALLERROR.
 *
 * <p>Payloads are JSON objects already read, of the tree type the application wires (see
 * {@link CsmsLink}); the CALL's payload is the handler's to read, not to change.
 *
 * @param <P> the form a JSON object payload takes at this port
 */
public interface CentralSystemCallHandler<P> {

  CompletableFuture<P> handle(ChargerContext charger, String action, P payload);

  /**
   * The CALLRESULT {@code answer} to a CALL was written to the central system: what the charger
   * presents as sent after it (an OCPP 2.0.1 NotifyReport after GetBaseReport) may go now.
   */
  default void answered(ChargerContext charger, String action, P payload, P answer) {
  }
}
