package io.ocppbridge.core;

/**
 * What the WebSocket edge needs to know of a charger to speak for it: who it is and which OCPP
 * version (and so which subprotocol) its messages are in.
 */
public record ChargerContext(ChargerId id, OcppVersion version) {

  public ChargerContext {
    if (id == null || version == null) {
      throw new IllegalArgumentException("charger id and version are required");
    }
  }
}
