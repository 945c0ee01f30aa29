package io.ocppbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LegacyTlsServer;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.TestPki;
import io.ocppbridge.testsupport.TypedCharger;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCPP security profiles 2 (TLS + basic authentication) and 3 (mutual TLS) toward a central
 * system on real TLS sockets, and every way they are refused: each refusal gives the charger's
 * request a fault naming the cause, a WARN naming the charger, and the bridge keeps serving.
 */
class CsmsSecurityProfilesTest {

  private static final String PASSWORD = "s3cret-Pa55word-for-CB1";

  @TempDir
  Path dir;

  private TestPki pki;

  @BeforeEach
  void makeCertificates() {
    pki = TestPki.create(dir, "test-ca");
  }

  /** Verifies that a BootNotification through profile 2 (wss + basic auth) gets its answer. */
  @Test
  void profileTwoWorksEndToEnd() throws Exception {
    // GIVEN a wss central system that wants CB1's password, and a bridge trusting its CA (PEM)
    try (CsmsSimulator csms = tlsCsms(serverTls(pki.server()), Map.of("CB1", PASSWORD));
        BridgeFixture bridge = BridgeFixture.start(profile2(csms, PASSWORD, pki.caPem()))) {
      // WHEN CB1 boots
      Object answer = boot(bridge, "CB1");
      // THEN the answer came through, and the central system saw CB1 authenticated
      assertThat(answer.getClass().getSimpleName()).isEqualTo("BootNotificationResponse");
      assertThat(csms.received()).extracting(c -> c.chargerId()).containsExactly("CB1");
      assertThat(csms.refusedCredentials()).isZero();
    }
  }

  /** Verifies that profile 3 (client certificate, PKCS#12 files) works end to end. */
  @Test
  void profileThreeWorksEndToEnd() throws Exception {
    // GIVEN a central system requiring client certificates of the test CA
    TestPki.Files3 client = pki.write(pki.client("CB3"), "client-cb3");
    try (CsmsSimulator csms = tlsCsms(mutualTls(pki.server()), null);
        BridgeFixture bridge = BridgeFixture.start(Map.of(
            "csms.url", csms.url().toString(),
            "csms.securityProfile", "3",
            "csms.truststore", pki.caPkcs12().toString(),
            "csms.truststorePassword", TestPki.P12,
            "csms.keystore", client.pkcs12().toString(),
            "csms.keystorePassword", TestPki.P12))) {
      // WHEN CB3 boots
      Object answer = boot(bridge, "CB3");
      // THEN it is answered
      assertThat(answer.getClass().getSimpleName()).isEqualTo("BootNotificationResponse");
      assertThat(csms.received()).hasSize(1);
    }
  }

  /** Verifies that profile 3 with PEM certificate and key works too. */
  @Test
  void profileThreeWorksWithPemFiles() throws Exception {
    TestPki.Files3 client = pki.write(pki.client("CB3"), "client-cb3");
    try (CsmsSimulator csms = tlsCsms(mutualTls(pki.server()), null);
        BridgeFixture bridge = BridgeFixture.start(Map.of(
            "csms.url", csms.url().toString(),
            "csms.securityProfile", "3",
            "csms.truststore", pki.caPem().toString(),
            "csms.certificate", client.certificate().toString(),
            "csms.privateKey", client.privateKey().toString()))) {
      assertThat(boot(bridge, "CB3").getClass().getSimpleName())
          .isEqualTo("BootNotificationResponse");
    }
  }

  /**
   * Verifies that a charger's own client certificate is used under profile 3, and that another
   * charger uses the global one: the central system sees each certificate's subject.
   */
  @Test
  void profileThreeUsesAChargersOwnCertificate() throws Exception {
    TestPki.Files3 global = pki.write(pki.client("bridge-wide"), "client-global");
    TestPki.Files3 own = pki.write(pki.client("CB-OWN"), "client-own");
    try (CsmsSimulator csms = tlsCsms(mutualTls(pki.server()), null);
        BridgeFixture bridge = BridgeFixture.start(Map.of(
            "csms.url", csms.url().toString(),
            "csms.securityProfile", "3",
            "csms.truststore", pki.caPem().toString(),
            "csms.keystore", global.pkcs12().toString(),
            "csms.keystorePassword", TestPki.P12,
            "chargers.CB-OWN.certificate", own.certificate().toString(),
            "chargers.CB-OWN.privateKey", own.privateKey().toString()))) {
      boot(bridge, "CB-OWN");
      boot(bridge, "CB-OTHER");
      assertThat(csms.clientCertificateSubjects())
          .containsEntry("CB-OWN", "CN=CB-OWN")
          .containsEntry("CB-OTHER", "CN=bridge-wide");
    }
  }

  /** Verifies that an unusable certificate file stops the start with a message naming it. */
  @Test
  void unusableKeyFileStopsTheStart() throws Exception {
    TestPki.Files3 client = pki.write(pki.client("CB3"), "client-cb3");
    java.nio.file.Path notAKey = java.nio.file.Files.writeString(dir.resolve("cb9.key"),
        "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    try (CsmsSimulator csms = tlsCsms(mutualTls(pki.server()), null)) {
      Map<String, String> values = Map.of("csms.url", csms.url().toString(),
          "csms.securityProfile", "3", "csms.truststore", pki.caPem().toString(),
          "csms.certificate", client.certificate().toString(),
          "csms.privateKey", client.privateKey().toString(),
          "chargers.CB9.certificate", client.certificate().toString(),
          "chargers.CB9.privateKey", notAKey.toString());
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> BridgeFixture.start(values)))
          .isInstanceOf(io.ocppbridge.config.ConfigException.class)
          .hasMessageContaining("cb9.key").hasMessageContaining("PKCS#1");
    }
  }

  /** Verifies that profile 1 (basic auth over ws://, explicitly allowed) works and is warned of. */
  @Test
  void profileOneWorksWhenExplicitlyAllowedAndIsWarnedOf() throws Exception {
    try (LogCapture logs = LogCapture.of("io.ocppbridge");
        CsmsSimulator csms = tlsCsms(null, Map.of("CB1", PASSWORD));
        BridgeFixture bridge = BridgeFixture.start(Map.of(
            "csms.url", csms.url().toString(), "csms.securityProfile", "1",
            "csms.allowInsecureBasicAuth", "true", "csms.password", PASSWORD))) {
      assertThat(boot(bridge, "CB1").getClass().getSimpleName())
          .isEqualTo("BootNotificationResponse");
      assertThat(logs.warnings()).anySatisfy(line ->
          assertThat(line).contains("securityProfile is 1").contains("unencrypted"));
    }
  }

  /**
   * Verifies that a wrong password is refused with a fault naming the refused credentials, a WARN
   * naming the charger, no tight retry loop, and another charger still served.
   */
  @Test
  void wrongPasswordIsReportedAndTheBridgeKeepsServing() throws Exception {
    try (LogCapture logs = LogCapture.of("io.ocppbridge");
        CsmsSimulator csms = tlsCsms(serverTls(pki.server()),
            Map.of("CB-BAD", "the-right-one", "CB-GOOD", PASSWORD));
        BridgeFixture bridge = BridgeFixture.start(withExtra(profile2(csms, PASSWORD,
            pki.caPem()), Map.of("chargers.CB-BAD.password", "a-wrong-one",
            "csms.reconnectFloor", "30s", "csms.reconnectCeiling", "60s")))) {
      // WHEN CB-BAD boots with a wrong password, then keeps trying
      SOAPFaultException fault = bootFault(bridge, "CB-BAD");
      for (int i = 0; i < 5; i++) {
        bootFault(bridge, "CB-BAD");
      }
      // THEN its fault names the refusal, the operator's log names the charger
      assertThat(fault.getFault().getFaultString())
          .contains("refused the charger's credentials").contains("HTTP 401");
      assertThat(logs.warnings()).anySatisfy(line ->
          assertThat(line).contains("[CB-BAD]").contains("HTTP 401"));
      // AND the retries wait out the backoff instead of hammering the central system
      assertThat(csms.refusedCredentials()).isEqualTo(1);
      // AND another charger is served meanwhile
      assertThat(boot(bridge, "CB-GOOD").getClass().getSimpleName())
          .isEqualTo("BootNotificationResponse");
    }
  }

  /** Verifies that a client certificate the central system does not trust is reported. */
  @Test
  void untrustedClientCertificateIsRefused() throws Exception {
    TestPki other = TestPki.create(dir, "other-ca");
    TestPki.Files3 client = other.write(other.client("CB3"), "foreign-client");
    try (CsmsSimulator csms = tlsCsms(mutualTls(pki.server()), null);
        BridgeFixture bridge = BridgeFixture.start(Map.of(
            "csms.url", csms.url().toString(),
            "csms.securityProfile", "3",
            "csms.truststore", pki.caPem().toString(),
            "csms.certificate", client.certificate().toString(),
            "csms.privateKey", client.privateKey().toString()))) {
      SOAPFaultException fault = bootFault(bridge, "CB3");
      assertThat(fault.getFault().getFaultString()).contains("TLS with the central system failed")
          .contains("client certificate");
      assertThat(csms.received()).isEmpty();
    }
  }

  /** Verifies that profile 2 toward a central system requiring a certificate is refused. */
  @Test
  void missingClientCertificateIsRefused() throws Exception {
    try (CsmsSimulator csms = tlsCsms(mutualTls(pki.server()), Map.of("CB1", PASSWORD));
        BridgeFixture bridge = BridgeFixture.start(profile2(csms, PASSWORD, pki.caPem()))) {
      SOAPFaultException fault = bootFault(bridge, "CB1");
      assertThat(fault.getFault().getFaultString()).contains("TLS with the central system failed");
      assertThat(csms.received()).isEmpty();
    }
  }

  /** Verifies that an expired server certificate is refused, saying so. */
  @Test
  void expiredServerCertificateIsRefused() throws Exception {
    Instant now = Instant.now();
    TestPki.Issued expired = pki.server(List.of("localhost"), List.of("127.0.0.1"),
        now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
    try (LogCapture logs = LogCapture.of("io.ocppbridge");
        CsmsSimulator csms = tlsCsms(serverTls(expired), Map.of("CB1", PASSWORD));
        BridgeFixture bridge = BridgeFixture.start(profile2(csms, PASSWORD, pki.caPem()))) {
      SOAPFaultException fault = bootFault(bridge, "CB1");
      assertThat(fault.getFault().getFaultString()).contains("certificate has expired");
      assertThat(logs.warnings()).anySatisfy(line ->
          assertThat(line).contains("[CB1]").contains("expired"));
      assertThat(csms.received()).isEmpty();
    }
  }

  /** Verifies that a server certificate for another host name is refused, saying so. */
  @Test
  void wrongHostNameIsRefused() throws Exception {
    Instant now = Instant.now();
    TestPki.Issued otherHost = pki.server(List.of("csms.example.com"), List.of("10.1.2.3"),
        now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    try (CsmsSimulator csms = tlsCsms(serverTls(otherHost), Map.of("CB1", PASSWORD));
        BridgeFixture bridge = BridgeFixture.start(profile2(csms, PASSWORD, pki.caPem()))) {
      SOAPFaultException fault = bootFault(bridge, "CB1");
      assertThat(fault.getFault().getFaultString()).contains("does not match")
          .contains("host name");
      assertThat(csms.received()).isEmpty();
    }
  }

  /** Verifies that a server certificate of an authority nobody configured is not trusted. */
  @Test
  void untrustedServerCertificateIsRefused() throws Exception {
    TestPki other = TestPki.create(dir, "other-ca");
    try (LogCapture logs = LogCapture.of("io.ocppbridge");
        CsmsSimulator csms = tlsCsms(serverTls(other.server()), Map.of("CB1", PASSWORD));
        BridgeFixture bridge = BridgeFixture.start(profile2(csms, PASSWORD, pki.caPem()))) {
      SOAPFaultException fault = bootFault(bridge, "CB1");
      assertThat(fault.getFault().getFaultString()).contains("not trusted");
      // AND a second charger failing for the same cause is refused too, but the cause with its
      // detail is logged once a minute, not once per attempt
      assertThat(bootFault(bridge, "CB2").getFault().getFaultString()).contains("not trusted");
      assertThat(logs.warnings().stream()
          .filter(line -> line.contains("cannot connect to the central system"))
          .filter(line -> line.contains("not trusted"))).hasSize(1);
    }
  }

  /** Verifies that a central system offering only TLS 1.1 is refused and the bridge serves on. */
  @Test
  void tlsOnePointOneOnlyIsRefused() throws Exception {
    // GIVEN a central system that answers every ClientHello by choosing TLS 1.1
    try (LegacyTlsServer legacy = new LegacyTlsServer();
        CsmsSimulator modern = tlsCsms(serverTls(pki.server()), Map.of("CB2", PASSWORD));
        BridgeFixture bridge = BridgeFixture.start(withExtra(
            profile2(modern, PASSWORD, pki.caPem()),
            Map.of("csms.url", "wss://127.0.0.1:" + legacy.port() + "/ocpp")))) {
      // WHEN a charger boots
      SOAPFaultException fault = bootFault(bridge, "CB1");
      // THEN the bridge refused the old version at once, saying so
      assertThat(fault.getFault().getFaultString()).contains("TLS with the central system failed")
          .contains("no TLS version in common");
      assertThat(legacy.clientHellos()).isEqualTo(1);
    }
  }

  /** Verifies that the bridge offers TLS 1.3 and 1.2 and nothing older toward the backend. */
  @Test
  void offersOnlyTlsOnePointTwoAndThree() throws Exception {
    SslContext client = io.ocppbridge.ws.CsmsTlsProbe.clientContext(pki.caPem());
    javax.net.ssl.SSLEngine engine = client.newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT);
    assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
  }

  static CsmsSimulator tlsCsms(SslContext tls, Map<String, String> passwords) {
    return new CsmsSimulator("127.0.0.1", 0, "ocpp1.5,ocpp1.2",
        new SensibleCsmsAnswers(Clock.systemUTC()), tls, passwords);
  }

  static SslContext serverTls(TestPki.Issued server) throws Exception {
    return SslContextBuilder.forServer(server.keys().getPrivate(), server.chain())
        .sslProvider(SslProvider.JDK).build();
  }

  private SslContext mutualTls(TestPki.Issued server) throws Exception {
    return SslContextBuilder.forServer(server.keys().getPrivate(), server.chain())
        .sslProvider(SslProvider.JDK)
        .trustManager(pki.caPem().toFile())
        .clientAuth(ClientAuth.REQUIRE).build();
  }

  static Map<String, String> profile2(CsmsSimulator csms, String password, Path truststore) {
    return Map.of("csms.url", csms.url().toString(), "csms.securityProfile", "2",
        "csms.password", password, "csms.truststore", truststore.toString());
  }

  static Map<String, String> withExtra(Map<String, String> base, Map<String, String> extra) {
    Map<String, String> all = new HashMap<>(base);
    all.putAll(extra);
    return all;
  }

  static Object boot(BridgeFixture bridge, String identity) throws Exception {
    try (TypedCharger charger = new TypedCharger(bridge.soapUrl(), OcppVersion.V1_5, true,
        true)) {
      return charger.call(charger.sampleRequest(OcppAction.BOOT_NOTIFICATION), identity);
    }
  }

  static SOAPFaultException bootFault(BridgeFixture bridge, String identity) throws Exception {
    try (TypedCharger charger = new TypedCharger(bridge.soapUrl(), OcppVersion.V1_5, true,
        true)) {
      Object request = charger.sampleRequest(OcppAction.BOOT_NOTIFICATION);
      SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class,
          () -> charger.call(request, identity));
      assertThat(fault).as("a SOAP fault for " + identity).isNotNull();
      return fault;
    }
  }
}
