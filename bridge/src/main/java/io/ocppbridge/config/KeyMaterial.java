package io.ocppbridge.config;

import java.nio.file.Path;

/**
 * A certificate with its private key, either as one PKCS#12 file ({@code keystore}, with its
 * {@code keystorePassword}) or as two PEM files ({@code certificate}: the chain, leaf first;
 * {@code privateKey}: an unencrypted PKCS#8 key, {@code -----BEGIN PRIVATE KEY-----}).
 *
 * @param keystore PKCS#12 file, or null when PEM files are used
 * @param keystorePassword its password (null: empty)
 * @param certificate PEM certificate chain, or null when a keystore is used
 * @param privateKey PEM private key, or null when a keystore is used
 */
public record KeyMaterial(Path keystore, Secret keystorePassword, Path certificate,
    Path privateKey) {

  /** Where the material comes from, for log lines (never a password). */
  public String describe() {
    return keystore != null ? keystore.toString() : certificate + " + " + privateKey;
  }
}
