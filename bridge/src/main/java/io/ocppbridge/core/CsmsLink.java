package io.ocppbridge.core;

import java.util.concurrent.CompletableFuture;

/**
 * Port toward the central system: sends one charger-initiated operation as an OCPP-J CALL and
 * completes with the CALLRESULT payload.
 *
 * <p>The future always completes, within the configured call timeout: exceptionally with an
 * {@link OcppException} for a CALLERROR (origin central system) or for a bridge-side failure
 * (unreachable, handshake refused, connection lost, timed out).
 *
 * <p>Payloads cross this port already read, as JSON objects of type {@code P}: the core knows no
 * JSON library, and the application wires the edge and the relays with one tree type (Jackson's
 * {@code JsonNode}), so that a payload is read once and written once on its way. A payload handed
 * to {@link #call} is the link's to write; the caller does not change it afterwards.
 *
 * @param <P> the form a JSON object payload takes at this port
 */
public interface CsmsLink<P> {

  CompletableFuture<P> call(ChargerContext charger, String action, P payload);

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
