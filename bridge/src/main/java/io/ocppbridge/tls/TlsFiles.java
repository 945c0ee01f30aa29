package io.ocppbridge.tls;

import io.ocppbridge.config.ConfigException;
import io.ocppbridge.config.KeyMaterial;
import io.ocppbridge.config.Secret;
import io.ocppbridge.config.TrustMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Turns the configured certificate, key and trust files into JDK key and trust managers. A file
 * that cannot be used fails with a {@link ConfigException} naming the file and the problem.
 */
public final class TlsFiles {

  /** The only protocol versions the bridge speaks, on every edge. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private static final char[] NO_PASSWORD = new char[0];

  private TlsFiles() {}

  /**
   * Loads every certificate, key and truststore {@code config} names, so that a file that
   * cannot be used stops the start (or {@code check-config}) with a message naming it.
   */
  public static void checkAll(io.ocppbridge.config.BridgeConfig config) {
    java.util.function.Consumer<KeyMaterial> key = k -> {
      if (k != null) {
        keyManagers(k);
      }
    };
    java.util.function.Consumer<TrustMaterial> trust = t -> {
      if (t != null) {
        trustManagers(t);
      }
    };
    key.accept(config.csms().security().clientKey());
    trust.accept(config.csms().security().trust());
    key.accept(config.soap().tls());
    key.accept(config.callbacks().clientKey());
    config.chargers().byIdentity().values().forEach(c -> key.accept(c.clientKey()));
    trust.accept(config.callbacks().trust());
  }

  /** The key managers presenting {@code material}'s certificate. */
  public static KeyManagerFactory keyManagers(KeyMaterial material) {
    try {
      KeyStore store = keyStore(material);
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password(material.keystorePassword()));
      return kmf;
    } catch (GeneralSecurityException e) {
      throw unusable(material.describe(), e);
    }
  }

  /**
   * The certificate and key as an in-memory key store (alias {@code bridge} for PEM files,
   * protected by the keystore password or an empty one).
   */
  public static KeyStore keyStore(KeyMaterial material) {
    if (material.keystore() != null) {
      return pkcs12(material.keystore(), material.keystorePassword());
    }
    try {
      List<X509Certificate> chain = certificates(material.certificate());
      if (chain.isEmpty()) {
        throw new ConfigException("certificate file '" + material.certificate()
            + "' holds no PEM certificate");
      }
      PrivateKey key = privateKey(material.privateKey());
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("bridge", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw unusable(material.describe(), e);
    }
  }

  /**
   * Trust managers that accept what the JDK's default trust store accepts, plus the
   * certificates of {@code extra} (null: the JDK's alone). Host names are checked by the
   * engines that use them, not here.
   */
  public static TrustManagerFactory trustManagers(TrustMaterial extra) {
    try {
      TrustManagerFactory system =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      system.init((KeyStore) null);
      if (extra == null) {
        return system;
      }
      KeyStore combined = KeyStore.getInstance("PKCS12");
      combined.load(null, null);
      int n = 0;
      for (X509Certificate c : systemAnchors(system)) {
        combined.setCertificateEntry("system-" + n++, c);
      }
      for (X509Certificate c : trusted(extra)) {
        combined.setCertificateEntry("configured-" + n++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(combined);
      return tmf;
    } catch (GeneralSecurityException | IOException e) {
      throw unusable(extra == null ? "the JDK trust store" : extra.file().toString(), e);
    }
  }

  /** An SSL context for a client: TLS 1.2/1.3, the given trust, an optional certificate. */
  public static SSLContext clientContext(TrustMaterial trust, KeyMaterial key) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(key == null ? null : keyManagers(key).getKeyManagers(),
          trustManagers(trust).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cannot set up TLS: " + e.getMessage());
    }
  }

  /** The certificates a trust file names (PEM: all of them; PKCS#12: its certificate entries). */
  static List<X509Certificate> trusted(TrustMaterial trust) throws IOException,
      GeneralSecurityException {
    List<X509Certificate> result = new ArrayList<>();
    if (isPkcs12(trust.file())) {
      KeyStore store = pkcs12(trust.file(), trust.password());
      for (String alias : java.util.Collections.list(store.aliases())) {
        Certificate c = store.getCertificate(alias);
        if (c instanceof X509Certificate x) {
          result.add(x);
        }
      }
    } else {
      result.addAll(certificates(trust.file()));
    }
    if (result.isEmpty()) {
      throw new ConfigException("truststore '" + trust.file() + "' holds no certificate");
    }
    return result;
  }

  private static List<X509Certificate> systemAnchors(TrustManagerFactory system) {
    List<X509Certificate> result = new ArrayList<>();
    for (javax.net.ssl.TrustManager tm : system.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        result.addAll(List.of(x.getAcceptedIssuers()));
      }
    }
    return result;
  }

  private static KeyStore pkcs12(Path file, Secret password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password(password));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      String why = e.getCause() instanceof java.security.UnrecoverableKeyException
          || String.valueOf(e.getMessage()).contains("password")
          ? "wrong password or not a PKCS#12 file" : "not a readable PKCS#12 file";
      throw new ConfigException("cannot use '" + file + "': " + why);
    }
  }

  private static List<X509Certificate> certificates(Path file) throws IOException,
      GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> all =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> result = new ArrayList<>();
      for (Certificate c : all) {
        result.add((X509Certificate) c);
      }
      return result;
    }
  }

  /** An unencrypted PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}): RSA, EC or EdDSA. */
  private static PrivateKey privateKey(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN PRIVATE KEY-----";
    int start = pem.indexOf(begin);
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (start < 0 || end < start) {
      String hint = pem.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted key; decrypt it"
          : pem.contains("RSA PRIVATE KEY") || pem.contains("EC PRIVATE KEY")
              ? "a PKCS#1/SEC1 key; convert it with 'openssl pkcs8 -topk8 -nocrypt'"
              : "no '" + begin + "' block";
      throw new ConfigException("private key file '" + file + "' holds " + hint);
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new ConfigException("private key file '" + file
        + "' holds no RSA, EC or EdDSA PKCS#8 key");
  }

  private static boolean isPkcs12(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".p12") || name.endsWith(".pfx");
  }

  private static char[] password(Secret secret) {
    return secret == null ? NO_PASSWORD : secret.reveal().toCharArray();
  }

  private static ConfigException unusable(String what, Exception e) {
    if (e instanceof ConfigException c) {
      return c;
    }
    return new ConfigException("cannot use '" + what + "': " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
  }
}
