package io.ocppbridge.config;

import java.util.Optional;

/**
 * One charger's effective security toward the central system: its own settings where it has
 * them, else the global ones ({@code csms.securityProfile}, {@code csms.password}).
 */
public final class ChargerSecurity {

  private final CsmsSecurity global;
  private final ChargersConfig chargers;

  public ChargerSecurity(CsmsSecurity global, ChargersConfig chargers) {
    this.global = global;
    this.chargers = chargers;
  }

  /** The charger's security profile (0..3). */
  public int profile(String identity) {
    return chargers.of(identity).map(ChargersConfig.ChargerSettings::securityProfile)
        .orElse(global.profile());
  }

  /**
   * The client certificate it presents under security profile 3: its own, else the global one
   * (null when it uses another profile or none is configured).
   */
  public KeyMaterial clientKey(String identity) {
    if (profile(identity) != 3) {
      return null;
    }
    return chargers.of(identity).map(ChargersConfig.ChargerSettings::clientKey)
        .orElse(global.clientKey());
  }

  /** The basic-auth password it sends to the central system, if it uses basic auth at all. */
  public Optional<Secret> csmsPassword(String identity) {
    if (!CsmsSecurity.usesBasicAuth(profile(identity))) {
      return Optional.empty();
    }
    return chargers.of(identity).map(ChargersConfig.ChargerSettings::csmsPassword)
        .or(() -> Optional.ofNullable(global.defaultPassword()));
  }
}
