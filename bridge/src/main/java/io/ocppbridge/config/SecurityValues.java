package io.ocppbridge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the security settings of the configuration: secrets (given as a value, the name of an
 * environment variable, or a file), certificate and trust files, and checks that the security
 * profiles asked for can be honoured. Messages name keys and files, never a secret's value.
 */
final class SecurityValues {

  private SecurityValues() {}

  /**
   * The secret under {@code key}, given as {@code key} itself, {@code keyEnv} (the name of an
   * environment variable) or {@code keyFile} (a file holding it; one trailing line break is
   * dropped), or null when none is set.
   */
  static Secret secret(Map<String, String> v, String key, Map<String, String> env) {
    String literal = value(v, key);
    String envName = value(v, key + "Env");
    String file = value(v, key + "File");
    int given = (literal == null ? 0 : 1) + (envName == null ? 0 : 1) + (file == null ? 0 : 1);
    if (given > 1) {
      throw ConfigException.forKey(key, "set only one of " + key + ", " + key + "Env and "
          + key + "File");
    }
    if (literal != null) {
      return new Secret(literal, key);
    }
    if (envName != null) {
      String fromEnv = env.get(envName);
      if (fromEnv == null || fromEnv.isEmpty()) {
        throw ConfigException.forKey(key + "Env", "names the environment variable '" + envName
            + "', which is not set or empty");
      }
      return new Secret(fromEnv, key + "Env");
    }
    if (file != null) {
      return new Secret(readSecretFile(key + "File", Path.of(file)), key + "File");
    }
    return null;
  }

  /** {@code <prefix>keystore} (+ password) or {@code <prefix>certificate} + {@code privateKey}. */
  static KeyMaterial keyMaterial(Map<String, String> v, String prefix) {
    Path keystore = file(v, prefix + "keystore");
    Path certificate = file(v, prefix + "certificate");
    Path privateKey = file(v, prefix + "privateKey");
    String password = value(v, prefix + "keystorePassword");
    if (keystore != null && (certificate != null || privateKey != null)) {
      throw ConfigException.forKey(prefix + "keystore", "set either " + prefix + "keystore (PKCS#12)"
          + " or " + prefix + "certificate with " + prefix + "privateKey (PEM), not both");
    }
    if (certificate != null && privateKey == null) {
      throw ConfigException.forKey(prefix + "privateKey", "is required with "
          + prefix + "certificate (the PEM private key of that certificate)");
    }
    if (privateKey != null && certificate == null) {
      throw ConfigException.forKey(prefix + "certificate", "is required with "
          + prefix + "privateKey (the PEM certificate chain of that key)");
    }
    if (password != null && keystore == null) {
      throw ConfigException.forKey(prefix + "keystorePassword", "is set but "
          + prefix + "keystore is not");
    }
    if (keystore == null && certificate == null) {
      return null;
    }
    return new KeyMaterial(keystore,
        password == null ? null : new Secret(password, prefix + "keystorePassword"),
        certificate, privateKey);
  }

  /** {@code <prefix>truststore} with its optional {@code truststorePassword}. */
  static TrustMaterial trustMaterial(Map<String, String> v, String prefix) {
    Path file = file(v, prefix + "truststore");
    String password = value(v, prefix + "truststorePassword");
    if (file == null) {
      if (password != null) {
        throw ConfigException.forKey(prefix + "truststorePassword", "is set but "
            + prefix + "truststore is not");
      }
      return null;
    }
    return new TrustMaterial(file,
        password == null ? null : new Secret(password, prefix + "truststorePassword"));
  }

  /**
   * Refuses security profiles that cannot be honoured: 2 and 3 need {@code wss://}, 1 needs
   * {@code ws://} and the explicit insecure switch, 3 a client certificate, 1 and 2 a password
   * for every charger that uses them.
   */
  static void checkProfiles(CsmsConfig csms, ChargersConfig chargers) {
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

  private static String readSecretFile(String key, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfigException.forKey(key, "file '" + file + "' does not exist");
    } catch (IOException e) {
      throw ConfigException.forKey(key, "cannot read file '" + file + "' ("
          + e.getClass().getSimpleName() + ")");
    }
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw ConfigException.forKey(key, "file '" + file + "' is empty");
    }
    return text;
  }

  private static Path file(Map<String, String> v, String key) {
    String s = value(v, key);
    if (s == null) {
      return null;
    }
    Path path = Path.of(s);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw ConfigException.forKey(key, "'" + s + "' is not a readable file");
    }
    return path;
  }

  private static String value(Map<String, String> v, String key) {
    String s = v.get(key);
    return s == null || s.isBlank() ? null : s.trim();
  }
}
