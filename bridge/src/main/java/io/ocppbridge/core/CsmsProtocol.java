package io.ocppbridge.core;

/**
 * The OCPP-J dialect a charger is presented in to the central system: its own version, or OCPP
 * 1.6-J through the upgrade profile.
 */
public enum CsmsProtocol {
  /** The charger's own version: {@code ocpp1.2} or {@code ocpp1.5}. */
  NATIVE("native"),
  /** OCPP 1.6-J, whatever the charger's version: messages are translated both ways. */
  OCPP16("ocpp1.6");

  private final String configName;

  CsmsProtocol(String configName) {
    this.configName = configName;
  }

  /** As written in the configuration ({@code csms.protocol}). */
  public String configName() {
    return configName;
  }

  /** The WebSocket subprotocol offered for a charger of this version. */
  public String subprotocol(OcppVersion version) {
    return this == OCPP16 ? "ocpp1.6" : version.subprotocol();
  }
}
