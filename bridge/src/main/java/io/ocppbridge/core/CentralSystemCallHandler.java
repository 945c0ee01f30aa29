package io.ocppbridge.core;

import java.util.concurrent.CompletableFuture;

/**
 * Port for operations the central system initiates: a CALL arriving on a charger's WebSocket.
 * The future completes with the CALLRESULT payload (JSON text), or exceptionally with an
 * {@link OcppException} that becomes the CALLERROR.
 */
public interface CentralSystemCallHandler {

  CompletableFuture<String> handle(ChargerContext charger, String action, String payloadJson);

}
