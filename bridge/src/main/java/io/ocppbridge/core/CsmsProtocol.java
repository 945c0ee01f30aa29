package io.ocppbridge.core;

/**
 * The OCPP-J dialect a charger is presented in to the central system: its own version, or OCPP
 * 1.6-J through the upgrade profile.
 */
public enum CsmsProtocol {
  /** The charger's own version: {@code ocpp1.2}, {@code ocpp1.5} or {@code ocpp1.6}. */
  NATIVE("native"),
  /**
   * OCPP 1.6-J for a 1.2/1.5 charger: messages are translated both ways (the upgrade profile).
   * Never applied to a 1.6 charger ({@link #effectiveFor}).
   */
  OCPP16("ocpp1.6");

  private final String configName;

  CsmsProtocol(String configName) {
    this.configName = configName;
  }

  /** As written in the configuration ({@code csms.protocol}). */
  public String configName() {
    return configName;
  }

  /**
   * The protocol a charger of this version is actually presented in: an OCPP 1.6 SOAP charger is
   * always presented natively as {@code ocpp1.6}, whatever was configured (there is nothing to
   * upgrade).
   */
  public CsmsProtocol effectiveFor(OcppVersion version) {
    return version == OcppVersion.V1_6 ? NATIVE : this;
  }

  /** The WebSocket subprotocol offered for a charger of this version. */
  public String subprotocol(OcppVersion version) {
    return this == OCPP16 ? "ocpp1.6" : version.subprotocol();
  }
}
