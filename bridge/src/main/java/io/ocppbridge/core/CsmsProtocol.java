package io.ocppbridge.core;

/**
 * The OCPP-J dialect a charger is presented in to the central system: its own version, OCPP
 * 1.6-J through the 1.6 upgrade profile, or OCPP 2.0.1 through the 2.0.1 upgrade profile.
 */
public enum CsmsProtocol {
  /** The charger's own version: {@code ocpp1.2}, {@code ocpp1.5} or {@code ocpp1.6}. */
  NATIVE("native"),
  /**
   * OCPP 1.6-J for a 1.2/1.5 charger: messages are translated both ways (the upgrade profile).
   * Never applied to a 1.6 charger ({@link #effectiveFor}).
   */
  OCPP16("ocpp1.6"),
  /** OCPP 2.0.1 for a 1.2, 1.5 or 1.6 charger: the 2.0.1 upgrade profile. */
  OCPP201("ocpp2.0.1");

  private final String configName;

  CsmsProtocol(String configName) {
    this.configName = configName;
  }

  /** As written in the configuration ({@code csms.protocol}). */
  public String configName() {
    return configName;
  }

  /**
   * The protocol a charger of this version is actually presented in: an OCPP 1.6 SOAP charger
   * configured for {@code ocpp1.6} is presented natively (there is nothing to upgrade).
   */
  public CsmsProtocol effectiveFor(OcppVersion version) {
    return version == OcppVersion.V1_6 && this == OCPP16 ? NATIVE : this;
  }

  /** The WebSocket subprotocol offered for a charger of this version. */
  public String subprotocol(OcppVersion version) {
    return switch (this) {
      case NATIVE -> version.subprotocol();
      case OCPP16 -> "ocpp1.6";
      case OCPP201 -> "ocpp2.0.1";
    };
  }

  /**
   * An error code as a CALLERROR of this dialect writes it: OCPP 2.0.1 (OCPP-J 2.0.1 section 4.3)
   * spells two codes differently from 1.6, FormatViolation and OccurrenceConstraintViolation.
   */
  public String errorCode(OcppErrorCode code) {
    if (this != OCPP201) {
      return code.wireName();
    }
    return switch (code) {
      case FORMATION_VIOLATION -> "FormatViolation";
      case OCCURENCE_CONSTRAINT_VIOLATION -> "OccurrenceConstraintViolation";
      default -> code.wireName();
    };
  }
}
