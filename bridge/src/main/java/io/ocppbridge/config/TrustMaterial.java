package io.ocppbridge.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * Certificates trusted in addition to the JDK's own trust store: a PEM file of one or more
 * certificates ({@code .pem}, {@code .crt}, {@code .cer}), or a PKCS#12 file ({@code .p12},
 * {@code .pfx}) with its password. Written flat in its section ({@code csms.truststore}).
 *
 * @param file the truststore
 * @param password the PKCS#12 password (null for PEM or an empty password)
 */
public record TrustMaterial(
    @JsonProperty("truststore")
    @Key(doc = "Certificates trusted besides the JDK's own: PEM, or PKCS#12 (.p12/.pfx).")
    Path file,
    @JsonProperty("truststorePassword")
    @Key(doc = "Password of a PKCS#12 truststore.")
    Secret password) {

  public TrustMaterial {
    if (file == null && password != null) {
      throw new InvalidSetting("truststorePassword", "is set but truststore is not");
    }
    ConfigChecks.readableFile("truststore", file);
  }

  /** {@code material}, or null when it names no file. */
  static TrustMaterial orNull(TrustMaterial material) {
    return material == null || material.file == null ? null : material;
  }
}
