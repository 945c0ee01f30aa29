package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of the security settings: profiles, where passwords come from, key and trust files, the
 * SOAP edge's settings, and the messages that refuse what cannot be honoured.
 */
class SecurityConfigTest {

  private static final String WSS = "wss://csms.example.com/ocpp";
  private static final String WS = "ws://csms.example.com/ocpp";

  @TempDir
  Path dir;

  private static BridgeConfig load(String... keysAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return ConfigLoader.fromValues(values);
  }

  /** Verifies that without security settings everything is as before: profile 0, no TLS files. */
  @Test
  void defaultsToProfileZero() {
    BridgeConfig config = load("csms.url", WS);
    assertThat(config.csms().security()).isEqualTo(new CsmsSecurity(0, false, null, null, null));
    assertThat(config.soap().https()).isFalse();
    assertThat(config.soap().rateLimit()).isZero();
    assertThat(config.chargers().allowUnknown()).isTrue();
  }

  /** Verifies that profile 2 needs a wss:// URL. */
  @Test
  void profileTwoNeedsTls() {
    assertThatThrownBy(() -> load("csms.url", WS, "csms.securityProfile", "2",
        "csms.password", "pw"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("csms.securityProfile").hasMessageContaining("wss://");
  }

  /** Verifies that a charger's own profile 3 needs wss:// and a client certificate. */
  @Test
  void perChargerProfileThreeNeedsAKey() {
    assertThatThrownBy(() -> load("csms.url", WSS, "chargers.CB1.securityProfile", "3"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chargers.CB1.securityProfile")
        .hasMessageContaining("client certificate").hasMessageContaining("csms.keystore");
    assertThatThrownBy(() -> load("csms.url", WS, "chargers.CB1.securityProfile", "3"))
        .hasMessageContaining("needs TLS");
  }

  /**
   * Verifies that with profile 3 a charger's own certificate suffices when only configured
   * chargers are served, and that unknown chargers would need the global one.
   */
  @Test
  void profileThreeAcceptsPerChargerCertificates() throws Exception {
    Path cert = Files.writeString(dir.resolve("cb1.crt"), "x");
    Path key = Files.writeString(dir.resolve("cb1.key"), "x");
    BridgeConfig config = load("csms.url", WSS, "csms.securityProfile", "3",
        "chargers.allowUnknown", "false",
        "chargers.CB1.certificate", cert.toString(), "chargers.CB1.privateKey", key.toString());
    assertThat(new ChargerSecurity(config.csms().security(), config.chargers()).clientKey("CB1")
        .certificate()).isEqualTo(cert);
    assertThatThrownBy(() -> load("csms.url", WSS, "csms.securityProfile", "3",
        "chargers.CB1.certificate", cert.toString(), "chargers.CB1.privateKey", key.toString()))
        .hasMessageContaining("csms.securityProfile").hasMessageContaining("client certificate");
    assertThatThrownBy(() -> load("csms.url", WSS, "csms.securityProfile", "3",
        "chargers.allowUnknown", "false", "chargers.CB2.timezone", "UTC"))
        .hasMessageContaining("charger CB2").hasMessageContaining("chargers.CB2.");
  }

  /** Verifies that profile 1 needs the explicit insecure switch and plain ws://. */
  @Test
  void profileOneNeedsTheInsecureSwitch() {
    assertThatThrownBy(() -> load("csms.url", WS, "csms.securityProfile", "1",
        "csms.password", "pw"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("csms.allowInsecureBasicAuth");
    assertThatThrownBy(() -> load("csms.url", WSS, "csms.securityProfile", "1",
        "csms.password", "pw", "csms.allowInsecureBasicAuth", "true"))
        .hasMessageContaining("use security profile 2");
    BridgeConfig ok = load("csms.url", WS, "csms.securityProfile", "1", "csms.password", "pw",
        "csms.allowInsecureBasicAuth", "true");
    assertThat(ok.csms().security().profile()).isEqualTo(1);
  }

  /** Verifies that a basic-auth profile without any password is refused, naming the keys. */
  @Test
  void basicAuthNeedsAPassword() {
    assertThatThrownBy(() -> load("csms.url", WSS, "csms.securityProfile", "2"))
        .hasMessageContaining("csms.password");
    assertThatThrownBy(() -> load("csms.url", WSS, "chargers.CB1.securityProfile", "2"))
        .hasMessageContaining("charger CB1 has no password");
  }

  /** Verifies that a charger's password comes from its value, an env variable or a file. */
  @Test
  void passwordsComeFromValueEnvironmentOrFile() throws Exception {
    Path file = Files.writeString(dir.resolve("cb3.pw"), "from-a-file\n");
    Path yaml = Files.writeString(dir.resolve("bridge.yaml"), String.join("\n",
        "csms:", "  url: " + WSS, "  securityProfile: 2", "  password: global-pw",
        "chargers:",
        "  CB1: {password: own-pw}",
        "  CB2: {passwordEnv: CB2_SECRET}",
        "  CB3: {passwordFile: " + file + "}",
        "  CB4: {timezone: UTC}", ""));
    BridgeConfig config = ConfigLoader.load(yaml, Map.of("CB2_SECRET", "from-the-env"));
    ChargerSecurity security = new ChargerSecurity(config.csms().security(), config.chargers());
    assertThat(security.csmsPassword("CB1")).get().extracting(Secret::reveal).isEqualTo("own-pw");
    assertThat(security.csmsPassword("CB2")).get().extracting(Secret::reveal)
        .isEqualTo("from-the-env");
    assertThat(security.csmsPassword("CB3")).get().extracting(Secret::reveal)
        .isEqualTo("from-a-file");
    assertThat(security.csmsPassword("CB4")).get().extracting(Secret::reveal)
        .isEqualTo("global-pw");
    assertThat(security.csmsPassword("UNKNOWN")).get().extracting(Secret::reveal)
        .isEqualTo("global-pw");
  }

  /** Verifies that an env variable that is not set is named, and its value never shown. */
  @Test
  void missingPasswordSourcesAreNamed() throws Exception {
    Path yaml = Files.writeString(dir.resolve("bridge.yaml"), String.join("\n",
        "csms:", "  url: " + WSS, "chargers:", "  CB2: {securityProfile: 2, passwordEnv: NOPE}",
        ""));
    assertThatThrownBy(() -> ConfigLoader.load(yaml, Map.of()))
        .hasMessageContaining("chargers.CB2.passwordEnv").hasMessageContaining("'NOPE'");
    assertThatThrownBy(() -> load("csms.url", WSS, "chargers.CB2.passwordFile",
        dir.resolve("absent").toString()))
        .hasMessageContaining("chargers.CB2.passwordFile").hasMessageContaining("does not exist");
    assertThatThrownBy(() -> load("csms.url", WSS, "chargers.CB2.password", "a",
        "chargers.CB2.passwordEnv", "B"))
        .hasMessageContaining("set only one of");
  }

  /** Verifies that a password never shows in the records' text (logged configuration). */
  @Test
  void recordsNeverPrintPasswords() {
    BridgeConfig config = load("csms.url", WSS, "csms.securityProfile", "2",
        "csms.password", "very-secret-value", "chargers.CB1.soapPassword", "other-secret");
    assertThat(config.toString()).doesNotContain("very-secret-value")
        .doesNotContain("other-secret").contains("****");
  }

  /** Verifies that key material is a keystore or a PEM pair, and its files must exist. */
  @Test
  void keyMaterialIsAKeystoreOrAPemPair() throws Exception {
    Path cert = Files.writeString(dir.resolve("c.pem"), "x");
    Path key = Files.writeString(dir.resolve("k.pem"), "x");
    Path p12 = Files.writeString(dir.resolve("k.p12"), "x");
    assertThatThrownBy(() -> load("csms.url", WSS, "csms.certificate", cert.toString()))
        .hasMessageContaining("csms.privateKey").hasMessageContaining("is required");
    assertThatThrownBy(() -> load("csms.url", WSS, "csms.keystore", p12.toString(),
        "csms.certificate", cert.toString(), "csms.privateKey", key.toString()))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> load("csms.url", WSS, "soap.keystore",
        dir.resolve("missing.p12").toString()))
        .hasMessageContaining("soap.keystore").hasMessageContaining("not a readable file");
    BridgeConfig config = load("csms.url", WSS, "soap.certificate", cert.toString(),
        "soap.privateKey", key.toString());
    assertThat(config.soap().https()).isTrue();
  }

  /** Verifies the SOAP edge's settings: networks per charger, unknown chargers, rate limit. */
  @Test
  void readsSoapEdgeSettings() throws Exception {
    Path yaml = Files.writeString(dir.resolve("bridge.yaml"), String.join("\n",
        "csms: {url: " + WS + "}", "soap: {rateLimit: 2.5}",
        "chargers:", "  allowUnknown: false",
        "  CB1:", "    soapPassword: pw", "    allowedNetworks: [10.0.0.0/8, 192.168.1.7]", ""));
    BridgeConfig config = ConfigLoader.load(yaml, Map.of());
    assertThat(config.soap().rateLimit()).isEqualTo(2.5);
    assertThat(config.chargers().allowUnknown()).isFalse();
    ChargersConfig.ChargerSettings cb1 = config.chargers().of("CB1").orElseThrow();
    assertThat(cb1.allowedNetworks()).extracting(IpNetwork::toString)
        .isEqualTo(List.of("10.0.0.0/8", "192.168.1.7"));
    assertThat(cb1.soapPassword().reveal()).isEqualTo("pw");
    assertThatThrownBy(() -> load("csms.url", WS, "chargers.CB1.allowedNetworks", "10.0.0.0/33"))
        .hasMessageContaining("chargers.CB1.allowedNetworks");
    assertThatThrownBy(() -> load("csms.url", WS, "soap.rateLimit", "-1"))
        .hasMessageContaining("soap.rateLimit");
  }
}
