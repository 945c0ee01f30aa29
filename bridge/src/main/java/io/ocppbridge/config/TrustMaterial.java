package io.ocppbridge.config;

import java.nio.file.Path;

/**
 * Certificates trusted in addition to the JDK's own trust store: a PEM file of one or more
 * certificates ({@code .pem}, {@code .crt}, {@code .cer}), or a PKCS#12 file ({@code .p12},
 * {@code .pfx}) with its password.
 *
 * @param file the truststore
 * @param password the PKCS#12 password (null for PEM or an empty password)
 */
public record TrustMaterial(Path file, Secret password) {}
