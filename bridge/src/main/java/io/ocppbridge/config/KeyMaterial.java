package io.ocppbridge.config;

import java.nio.file.Path;

/**
 * A certificate with its private key, either as one PKCS#12 file ({@code keystore}, with its
 * {@code keystorePassword}) or as two PEM files ({@code certificate}: the chain, leaf first;
 * {@code privateKey}: an unencrypted PKCS#8 key, {@code -----BEGIN PRIVATE KEY-----}). Written
 * flat in the section that uses it ({@code soap.keystore}, {@code csms.certificate}, ...).
 *
 * @param keystore PKCS#12 file, or null when PEM files are used
 * @param keystorePassword its password (null: empty)
 * @param certificate PEM certificate chain, or null when a keystore is used
 * @param privateKey PEM private key, or null when a keystore is used
 */
public record KeyMaterial(
    @Key(doc = "PKCS#12 file holding the certificate and its key.")
    Path keystore,
    @Key(doc = "Password of that PKCS#12 file.")
    Secret keystorePassword,
    @Key(doc = "PEM certificate chain, leaf first (with privateKey, instead of keystore).")
    Path certificate,
    @Key(doc = "Unencrypted PKCS#8 PEM private key of that certificate.")
    Path privateKey) {

  public KeyMaterial {
    if (keystore != null && (certificate != null || privateKey != null)) {
      throw new InvalidSetting("keystore", "set either keystore (PKCS#12) or certificate with"
          + " privateKey (PEM), not both");
    }
    if (certificate != null && privateKey == null) {
      throw new InvalidSetting("privateKey", "is required with certificate (the PEM private key"
          + " of that certificate)");
    }
    if (privateKey != null && certificate == null) {
      throw new InvalidSetting("certificate", "is required with privateKey (the PEM certificate"
          + " chain of that key)");
    }
    if (keystorePassword != null && keystore == null) {
      throw new InvalidSetting("keystorePassword", "is set but keystore is not");
    }
    ConfigChecks.readableFile("keystore", keystore);
    ConfigChecks.readableFile("certificate", certificate);
    ConfigChecks.readableFile("privateKey", privateKey);
  }

  /** Where the material comes from, for log lines (never a password). */
  public String describe() {
    return keystore != null ? keystore.toString() : certificate + " + " + privateKey;
  }

  /** {@code material}, or null when it names no file (nothing of the group was set). */
  static KeyMaterial orNull(KeyMaterial material) {
    return material == null || (material.keystore == null && material.certificate == null)
        ? null : material;
  }
}
