package io.ocppbridge.config;

/**
 * How chargers authenticate to the central system and how the bridge checks the central system:
 * the OCPP security profiles (OCPP 1.6 Security Whitepaper, section 2; the same numbering as
 * OCPP 2.0.1 part 2, A00.FR).
 *
 * <ul>
 *   <li>0: no authentication (plain {@code ws://}, or {@code wss://} checking only the server);
 *   <li>1: HTTP basic authentication over plain {@code ws://}; the password travels readable, so
 *       it needs {@code csms.allowInsecureBasicAuth: true} and is logged as insecure;
 *   <li>2: {@code wss://} (TLS 1.2 or 1.3, the server's certificate and host name checked) with
 *       HTTP basic authentication;
 *   <li>3: {@code wss://} with a client certificate (mutual TLS), no basic authentication.
 * </ul>
 *
 * <p>Basic authentication sends the charger's identity as the user name and its password
 * ({@code chargers.<id>.password}, {@code ...passwordEnv}, {@code ...passwordFile}, else this
 * default).
 *
 * @param profile the default profile ({@code csms.securityProfile}, default 0)
 * @param allowInsecureBasicAuth the explicit switch that permits profile 1
 *     ({@code csms.allowInsecureBasicAuth}, default false)
 * @param trust certificates trusted besides the JDK's ({@code csms.truststore}), or null
 * @param clientKey the client certificate for profile 3 ({@code csms.keystore} or
 *     {@code csms.certificate} + {@code csms.privateKey}), or null
 * @param defaultPassword the basic-auth password of chargers that have none of their own
 *     ({@code csms.password}, {@code csms.passwordEnv}, {@code csms.passwordFile}), or null
 */
public record CsmsSecurity(int profile, boolean allowInsecureBasicAuth, TrustMaterial trust,
    KeyMaterial clientKey, Secret defaultPassword) {

  /** Profile 0, nothing configured: the behaviour before security profiles existed. */
  public static final CsmsSecurity NONE = new CsmsSecurity(0, false, null, null, null);

  /** True when a profile sends HTTP basic authentication. */
  public static boolean usesBasicAuth(int profile) {
    return profile == 1 || profile == 2;
  }
}
