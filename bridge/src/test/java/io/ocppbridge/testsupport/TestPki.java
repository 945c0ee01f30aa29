package io.ocppbridge.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests: issues server certificates with chosen names
 * and validity, and client certificates, and writes them as PEM (chain + PKCS#8 key) or PKCS#12
 * files into a directory (a {@code @TempDir}). EC P-256 keys: quick to make.
 */
public final class TestPki {

  /** A certificate, its key and the chain up to (and including) the CA. */
  public record Issued(X509Certificate certificate, KeyPair keys, List<X509Certificate> chain) {}

  /** The files of one {@link Issued}: PEM chain, PEM key, PKCS#12 (password {@link #P12}). */
  public record Files3(Path certificate, Path privateKey, Path pkcs12) {}

  /** The password of every PKCS#12 file written here. */
  public static final String P12 = "changeit-p12";

  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final Path dir;
  private final String name;
  private final KeyPair caKeys;
  private final X509Certificate ca;

  private TestPki(Path dir, String name, KeyPair caKeys, X509Certificate ca) {
    this.dir = dir;
    this.name = name;
    this.caKeys = caKeys;
    this.ca = ca;
  }

  /** A new CA named {@code name}, valid from yesterday for a year. */
  public static TestPki create(Path dir, String name) {
    try {
      KeyPair keys = keyPair();
      X500Name subject = new X500Name("CN=" + name);
      Instant now = Instant.now();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject,
          BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate ca = sign(b, keys);
      return new TestPki(dir, name, keys, ca);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CA certificate as a PEM file (a truststore). */
  public Path caPem() {
    return write(name + "-ca.pem", pem(List.of(ca)));
  }

  /** The CA certificate as a PKCS#12 truststore (password {@link #P12}). */
  public Path caPkcs12() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", ca);
      return store(store, name + "-ca.p12");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server certificate valid now, for 127.0.0.1 and localhost. */
  public Issued server() {
    Instant now = Instant.now();
    return server(List.of("localhost"), List.of("127.0.0.1"), now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(30)));
  }

  /** A server certificate for the given DNS names and IP addresses, valid between the instants. */
  public Issued server(List<String> dnsNames, List<String> ips, Instant notBefore,
      Instant notAfter) {
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
    ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    return issue("server", names, KeyPurposeId.id_kp_serverAuth, notBefore, notAfter);
  }

  /** A client certificate whose common name is {@code commonName}, valid for 30 days. */
  public Issued client(String commonName) {
    Instant now = Instant.now();
    return issue(commonName, List.of(), KeyPurposeId.id_kp_clientAuth,
        now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
  }

  /** Writes {@code issued} as PEM chain, PEM key and PKCS#12, named after {@code base}. */
  public Files3 write(Issued issued, String base) {
    try {
      Path cert = write(base + ".crt", pem(issued.chain()));
      String key = "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(issued.keys().getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
      Path keyFile = write(base + ".key", key);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(base, issued.keys().getPrivate(), P12.toCharArray(),
          issued.chain().toArray(new Certificate[0]));
      return new Files3(cert, keyFile, store(store, base + ".p12"));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Issued issue(String commonName, List<GeneralName> names, KeyPurposeId purpose,
      Instant notBefore, Instant notAfter) {
    try {
      KeyPair keys = keyPair();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca,
          BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore),
          Date.from(notAfter), new X500Name("CN=" + commonName), keys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      if (!names.isEmpty()) {
        b.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(new GeneralName[0])));
      }
      X509Certificate cert = sign(b, caKeys);
      return new Issued(cert, keys, List.of(cert, ca));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static String pem(List<X509Certificate> certs) {
    StringBuilder sb = new StringBuilder();
    for (X509Certificate c : certs) {
      try {
        sb.append("-----BEGIN CERTIFICATE-----\n")
            .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return sb.toString();
  }

  private Path write(String file, String text) {
    try {
      return Files.writeString(dir.resolve(file), text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path store(KeyStore store, String file) throws IOException, GeneralSecurityException {
    Path path = dir.resolve(file);
    try (OutputStream out = Files.newOutputStream(path)) {
      store.store(out, P12.toCharArray());
    }
    return path;
  }

}
