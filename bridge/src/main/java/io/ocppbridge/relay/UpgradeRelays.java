package io.ocppbridge.relay;

import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;

/** The upgrade profiles a bridge has, by the protocol they present chargers in. */
public final class UpgradeRelays {

  /** No profile: every charger is presented natively. */
  public static final UpgradeRelays NONE = new UpgradeRelays(null, null);

  private final UpgradeRelay ocpp16;
  private final UpgradeRelay ocpp201;

  /**
   * @param ocpp16 the {@code ocpp1.6} profile, or null
   * @param ocpp201 the {@code ocpp2.0.1} profile, or null
   */
  public UpgradeRelays(UpgradeRelay ocpp16, UpgradeRelay ocpp201) {
    this.ocpp16 = ocpp16;
    this.ocpp201 = ocpp201;
  }

  /**
   * The profile of a protocol; null for {@link CsmsProtocol#NATIVE}.
   *
   * @throws OcppException InternalError when this bridge was built without it
   */
  UpgradeRelay of(CsmsProtocol protocol) {
    UpgradeRelay relay = switch (protocol) {
      case NATIVE -> null;
      case OCPP16 -> ocpp16;
      case OCPP201 -> ocpp201;
    };
    if (relay == null && protocol != CsmsProtocol.NATIVE) {
      throw new OcppException(OcppErrorCode.INTERNAL_ERROR,
          "this bridge was built without the " + protocol.configName() + " upgrade profile");
    }
    return relay;
  }
}
