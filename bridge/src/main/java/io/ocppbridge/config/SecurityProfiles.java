package io.ocppbridge.config;

import java.util.Map;

/**
 * Checks that the security profiles asked for can be honoured with the central system's URL,
 * the certificates and the passwords configured. Messages name keys, never a secret's value.
 */
final class SecurityProfiles {

  private SecurityProfiles() {}

  /**
   * Refuses security profiles that cannot be honoured: 2 and 3 need {@code wss://}, 1 needs
   * {@code ws://} and the explicit insecure switch, 3 a client certificate, 1 and 2 a password
   * for every charger that uses them.
   */
  static void check(CsmsConfig csms, ChargersConfig chargers) {
    CsmsSecurity security = csms.security();
    checkProfile("csms.securityProfile", security.profile(), csms, "every charger",
        security.profile() == 3 && !chargers.allowUnknown());
    if (chargers.allowUnknown() && CsmsSecurity.usesBasicAuth(security.profile())
        && security.defaultPassword() == null) {
      throw ConfigException.forKey("csms.securityProfile", "profile " + security.profile()
          + " sends HTTP basic authentication, but no password is set for chargers without one"
          + " of their own: set csms.password (or csms.passwordEnv, csms.passwordFile), or"
          + " chargers.allowUnknown: false and a password per charger");
    }
    ChargerSecurity effective = new ChargerSecurity(security, chargers);
    for (Map.Entry<String, ChargersConfig.ChargerSettings> e : chargers.byIdentity().entrySet()) {
      String id = e.getKey();
      int profile = effective.profile(id);
      String key = e.getValue().securityProfile() != null
          ? "chargers." + id + ".securityProfile" : "csms.securityProfile";
      checkProfile(key, profile, csms, "charger " + id, e.getValue().clientKey() != null);
      if (CsmsSecurity.usesBasicAuth(profile) && effective.csmsPassword(id).isEmpty()) {
        throw ConfigException.forKey(key, "profile " + profile + " sends HTTP basic"
            + " authentication, but charger " + id + " has no password: set chargers." + id
            + ".password (or .passwordEnv, .passwordFile) or csms.password");
      }
    }
  }

  private static void checkProfile(String key, int profile, CsmsConfig csms, String who,
      boolean ownKey) {
    boolean tls = "wss".equals(csms.url().getScheme());
    CsmsSecurity security = csms.security();
    if (profile >= 2 && !tls) {
      throw ConfigException.forKey(key, "security profile " + profile + " (for " + who
          + ") needs TLS, but csms.url is " + csms.url() + "; use a wss:// URL");
    }
    if (profile == 1 && tls) {
      throw ConfigException.forKey(key, "security profile 1 is basic authentication without"
          + " TLS, but csms.url is wss://; use security profile 2 for basic authentication"
          + " over TLS");
    }
    if (profile == 1 && !security.allowInsecureBasicAuth()) {
      throw ConfigException.forKey(key, "security profile 1 (for " + who + ") sends the"
          + " password readable over ws://; it needs the explicit switch"
          + " csms.allowInsecureBasicAuth: true (closed test networks only), or use profile 2"
          + " with a wss:// URL");
    }
    if (profile == 3 && security.clientKey() == null && !ownKey) {
      throw ConfigException.forKey(key, "security profile 3 (for " + who + ") is mutual TLS"
          + " and needs a client certificate: set csms.keystore (PKCS#12) or csms.certificate"
          + " and csms.privateKey (PEM)" + (who.startsWith("charger ")
              ? ", or the same keys under chargers." + who.substring(8) + "." : ""));
    }
  }

}
