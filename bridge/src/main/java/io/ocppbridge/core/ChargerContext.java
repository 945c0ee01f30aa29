package io.ocppbridge.core;

/**
 * What the WebSocket edge needs to know of a charger to speak for it: who it is, which OCPP
 * version its own messages are in, and in which dialect it is presented to the central system
 * (and so which subprotocol its WebSocket offers).
 */
public record ChargerContext(ChargerId id, OcppVersion version, CsmsProtocol protocol) {

  public ChargerContext {
    if (id == null || version == null || protocol == null) {
      throw new IllegalArgumentException("charger id, version and protocol are required");
    }
    // a 1.6 charger is presented as itself under the 1.6 profile
    protocol = protocol.effectiveFor(version);
  }

  /** A charger presented in its own version. */
  public ChargerContext(ChargerId id, OcppVersion version) {
    this(id, version, CsmsProtocol.NATIVE);
  }

  /** An error code as a CALLERROR on its connection writes it. */
  public String errorCode(OcppErrorCode code) {
    return protocol.errorCode(code);
  }

  /** The WebSocket subprotocol its connection offers. */
  public String subprotocol() {
    return protocol.subprotocol(version);
  }
}
