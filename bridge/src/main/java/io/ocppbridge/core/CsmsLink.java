package io.ocppbridge.core;

import java.util.concurrent.CompletableFuture;

/**
 * Port toward the central system: sends one charger-initiated operation as an OCPP-J CALL and
 * completes with the CALLRESULT payload.
 *
 * <p>The future always completes, within the configured call timeout: exceptionally with an
 * {@link OcppException} for a CALLERROR (origin central system) or for a bridge-side failure
 * (unreachable, handshake refused, connection lost, timed out). Payloads are JSON text.
 */
public interface CsmsLink {

  CompletableFuture<String> call(ChargerContext charger, String action, String payloadJson);
}
