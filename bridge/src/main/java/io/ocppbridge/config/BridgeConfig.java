package io.ocppbridge.config;

/**
 * The whole configuration of one bridge process, one record per section of the file. Built by
 * {@link ConfigLoader}; checks that need more than one section (the security profiles against
 * the central system's URL and the chargers' passwords) run here.
 */
public record BridgeConfig(SoapConfig soap, CsmsConfig csms, CallbackConfig callbacks,
    ChargersConfig chargers, SessionsConfig sessions, AdminConfig admin,
    ClusterConfig cluster) {

  public BridgeConfig {
    SecurityProfiles.check(csms, chargers);
  }
}
