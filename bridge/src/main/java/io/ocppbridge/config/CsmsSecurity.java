package io.ocppbridge.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * How chargers authenticate to the central system and how the bridge checks the central system:
 * the OCPP security profiles (OCPP 1.6 Security Whitepaper, section 2; the same numbering as
 * OCPP 2.0.1 part 2, A00.FR). Written flat in {@code csms}.
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
 * @param profile the default profile ({@code csms.securityProfile})
 * @param allowInsecureBasicAuth the explicit switch that permits profile 1
 * @param trust certificates trusted besides the JDK's ({@code csms.truststore}), or null
 * @param clientKey the client certificate for profile 3 ({@code csms.keystore} or
 *     {@code csms.certificate} + {@code csms.privateKey}), or null
 * @param defaultPassword the basic-auth password of chargers that have none of their own
 *     ({@code csms.password}, {@code csms.passwordEnv}, {@code csms.passwordFile}), or null
 */
public record CsmsSecurity(
    @JsonProperty("securityProfile")
    @Key(defaultValue = "0", min = 0, max = 3,
        doc = "OCPP security profile of every charger without its own: 0 none, 1 basic auth over"
            + " ws://, 2 wss:// with basic auth, 3 wss:// with a client certificate.")
    int profile,
    @Key(defaultValue = "false",
        doc = "The explicit switch that permits profile 1 (the password readable on the wire;"
            + " closed test networks only).")
    boolean allowInsecureBasicAuth,
    @Key(doc = "Toward the central system")
    @JsonUnwrapped
    TrustMaterial trust,
    @Key(doc = "Client certificate for profile 3")
    @JsonUnwrapped
    KeyMaterial clientKey,
    @JsonProperty("password")
    @Key(sources = Key.Sources.VALUE_ENV_OR_FILE,
        doc = "Basic-auth password of chargers without one of their own (profiles 1 and 2).")
    Secret defaultPassword) {

  public CsmsSecurity {
    trust = TrustMaterial.orNull(trust);
    clientKey = KeyMaterial.orNull(clientKey);
  }

  /** True when a profile sends HTTP basic authentication. */
  public static boolean usesBasicAuth(int profile) {
    return profile == 1 || profile == 2;
  }
}
