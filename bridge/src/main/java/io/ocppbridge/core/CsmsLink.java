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

  /**
   * Opens the charger's connection now and keeps it open (reconnecting after losses) without
   * waiting for a call: for chargers known from before a restart, so the central system can
   * reach them at once.
   */
  void open(ChargerContext charger);

  /**
   * Closes the charger's connection with a normal closure and stops reconnecting, until its
   * next call: the charger went offline, and the central system must see it.
   */
  void release(ChargerId id, String reason);
}
