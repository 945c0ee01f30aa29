package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of {@link ConfigLoader}: defaults, YAML file, {@code BRIDGE_*} overrides, validation. */
class ConfigLoaderTest {

  private static final String CSMS = "ws://csms.example.com:9000/ocpp";

  @TempDir
  Path dir;

  private Path yaml(String text) throws Exception {
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static BridgeConfig withValues(String... keysAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("csms.url", CSMS);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return ConfigLoader.fromValues(values);
  }

  private static String defaultOf(String path) {
    return ConfigKey.ALL.stream().filter(k -> k.path().equals(path)).findFirst().orElseThrow()
        .defaultValue();
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("500ms", Duration.ofMillis(500)),
        Arguments.of("30s", Duration.ofSeconds(30)),
        Arguments.of("2m", Duration.ofMinutes(2)),
        Arguments.of("1h", Duration.ofHours(1)),
        Arguments.of("PT30S", Duration.ofSeconds(30)),
        Arguments.of("PT1M30S", Duration.ofSeconds(90)),
        Arguments.of(" 45s ", Duration.ofSeconds(45)));
  }

  @Nested
  class Defaults {

    // Verifies that every key but csms.url has the documented default when nothing sets it.
    @Test
    void appliesDocumentedDefaultsWhenOnlyTheCentralSystemIsGiven() {
      // GIVEN no file and only the required central system URL in the environment
      Map<String, String> env = Map.of("BRIDGE_CSMS_URL", CSMS);

      // WHEN the configuration is loaded
      BridgeConfig config = ConfigLoader.load(null, env);

      // THEN the SOAP listener and the central system link use their defaults
      assertThat(config.soap()).isEqualTo(new SoapConfig("0.0.0.0", 8080, "/ocpp", null,
          1024 * 1024, Duration.ofSeconds(10), null, 0, new SoapLimits(Duration.ofSeconds(10),
          Duration.ofSeconds(20), 128, Duration.ofSeconds(30), 2000, 500, 1024), 400, 0));
      assertThat(config.csms().url()).isEqualTo(URI.create(CSMS));
      assertThat(config.csms().callTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.csms().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.csms().maxQueuedCalls()).isEqualTo(16);
      assertThat(config.csms().maxFrameSize()).isEqualTo(1024 * 1024);
    }

    // Verifies that the defaults the key table documents are the ones the loader applies.
    @Test
    void defaultsMatchTheDocumentedKeyTable() {
      // GIVEN only the required value
      // WHEN the configuration is built from values
      BridgeConfig config = withValues();

      // THEN it agrees with the defaults the key table (and so docs/configuration.md) states
      assertThat(defaultOf("soap.host")).isEqualTo(config.soap().host()).isEqualTo("0.0.0.0");
      assertThat(defaultOf("soap.port")).isEqualTo("" + config.soap().port()).isEqualTo("8080");
      assertThat(defaultOf("soap.path")).isEqualTo(config.soap().path()).isEqualTo("/ocpp");
      assertThat(defaultOf("csms.callTimeout")).isEqualTo("30s");
      assertThat(config.csms().callTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(defaultOf("csms.connectTimeout")).isEqualTo("10s");
      assertThat(config.csms().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(defaultOf("csms.maxQueuedCalls")).isEqualTo("" + config.csms().maxQueuedCalls())
          .isEqualTo("16");
      assertThat(defaultOf("csms.maxFrameSize")).isEqualTo("" + config.csms().maxFrameSize())
          .isEqualTo("1048576");
      assertThat(defaultOf("chargers.checkTranslationEvery"))
          .isEqualTo("" + config.chargers().checkTranslationEvery()).isEqualTo("100");
    }

    // Verifies that the environment variable names follow the documented rule.
    @Test
    void derivesEnvironmentNamesFromKeyPaths() {
      // GIVEN the catalogue of keys
      // WHEN each key's environment name is derived
      // THEN dots and camel-case humps become underscores after BRIDGE_
      assertThat(ConfigKey.ALL).extracting(ConfigKey::envName).containsExactlyInAnyOrder(
          "BRIDGE_SOAP_HOST", "BRIDGE_SOAP_PORT", "BRIDGE_SOAP_PATH", "BRIDGE_SOAP_PUBLIC_URL",
          "BRIDGE_SOAP_MAX_MESSAGE_SIZE", "BRIDGE_SOAP_KEYSTORE", "BRIDGE_SOAP_KEYSTORE_PASSWORD",
          "BRIDGE_SOAP_CERTIFICATE", "BRIDGE_SOAP_PRIVATE_KEY", "BRIDGE_SOAP_RATE_LIMIT",
          "BRIDGE_SOAP_LIMITS_HEADERS_TIMEOUT", "BRIDGE_SOAP_LIMITS_BODY_TIMEOUT",
          "BRIDGE_SOAP_LIMITS_MIN_BODY_RATE", "BRIDGE_SOAP_LIMITS_IDLE_TIMEOUT",
          "BRIDGE_SOAP_LIMITS_MAX_CONNECTIONS", "BRIDGE_SOAP_LIMITS_MAX_REQUESTS",
          "BRIDGE_SOAP_LIMITS_ACCEPT_QUEUE",
          "BRIDGE_SOAP_SENDER_FAULT_STATUS",
          "BRIDGE_SOAP_THREADS",
          "BRIDGE_CSMS_URL", "BRIDGE_CSMS_CALL_TIMEOUT", "BRIDGE_CSMS_CONNECT_TIMEOUT",
          "BRIDGE_CSMS_MAX_QUEUED_CALLS", "BRIDGE_CSMS_MAX_FRAME_SIZE",
          "BRIDGE_CSMS_RECONNECT_FLOOR", "BRIDGE_CSMS_RECONNECT_CEILING",
          "BRIDGE_CSMS_PING_INTERVAL", "BRIDGE_CSMS_PROTOCOL", "BRIDGE_CSMS_JSON_DIALECT",
          "BRIDGE_CSMS_TRANSPORT", "BRIDGE_CSMS_IO_THREADS",
          "BRIDGE_CSMS_SECURITY_PROFILE",
          "BRIDGE_CSMS_ALLOW_INSECURE_BASIC_AUTH", "BRIDGE_CSMS_PASSWORD",
          "BRIDGE_CSMS_PASSWORD_ENV", "BRIDGE_CSMS_PASSWORD_FILE", "BRIDGE_CSMS_TRUSTSTORE",
          "BRIDGE_CSMS_TRUSTSTORE_PASSWORD", "BRIDGE_CSMS_KEYSTORE",
          "BRIDGE_CSMS_KEYSTORE_PASSWORD", "BRIDGE_CSMS_CERTIFICATE", "BRIDGE_CSMS_PRIVATE_KEY",
          "BRIDGE_CHARGERS_CALL_TIMEOUT", "BRIDGE_CHARGERS_ALLOW_UNKNOWN",
          "BRIDGE_CHARGERS_CHECK_TRANSLATION_EVERY",
          "BRIDGE_SESSIONS_PRESENCE_FACTOR", "BRIDGE_SESSIONS_PRESENCE_FLOOR",
          "BRIDGE_SESSIONS_STORE", "BRIDGE_SESSIONS_FLUSH_INTERVAL", "BRIDGE_SOAP_SHUTDOWN_GRACE",
          "BRIDGE_SESSIONS_MAX_CHARGERS", "BRIDGE_SESSIONS_NEW_IDENTITY_BURST",
          "BRIDGE_SESSIONS_NEW_IDENTITY_RATE", "BRIDGE_SESSIONS_UNACCEPTED_WINDOW",
          "BRIDGE_SESSIONS_RESTORE_WINDOW", "BRIDGE_SESSIONS_DESCRIPTOR_USE",
          "BRIDGE_CSMS_PROVEN_AFTER", "BRIDGE_CSMS_HANDSHAKE_RATE",
          "BRIDGE_ADMIN_ALLOWED_HOSTS", "BRIDGE_ADMIN_MAX_TRACED",
          "BRIDGE_ADMIN_ENABLED", "BRIDGE_ADMIN_HOST", "BRIDGE_ADMIN_PORT", "BRIDGE_ADMIN_TOKEN",
          "BRIDGE_ADMIN_TOKEN_FILE", "BRIDGE_CALLBACKS_CONNECT_TIMEOUT",
          "BRIDGE_CALLBACKS_POLICY", "BRIDGE_CALLBACKS_ALLOWED_NETWORKS",
          "BRIDGE_CALLBACKS_DEFAULT_PORT", "BRIDGE_CALLBACKS_DEFAULT_PATH",
          "BRIDGE_CALLBACKS_REWRITES", "BRIDGE_CALLBACKS_TRUSTSTORE",
          "BRIDGE_CALLBACKS_TRUSTSTORE_PASSWORD", "BRIDGE_CALLBACKS_KEYSTORE",
          "BRIDGE_CALLBACKS_KEYSTORE_PASSWORD", "BRIDGE_CALLBACKS_CERTIFICATE",
          "BRIDGE_CALLBACKS_PRIVATE_KEY",
          "BRIDGE_SESSIONS_STORE_USER", "BRIDGE_SESSIONS_STORE_USER_ENV",
          "BRIDGE_SESSIONS_STORE_USER_FILE", "BRIDGE_SESSIONS_STORE_PASSWORD",
          "BRIDGE_SESSIONS_STORE_PASSWORD_ENV", "BRIDGE_SESSIONS_STORE_PASSWORD_FILE",
          "BRIDGE_CLUSTER_NODE_ID", "BRIDGE_CLUSTER_LEASE_TTL", "BRIDGE_CLUSTER_RENEW_EVERY",
          "BRIDGE_CLUSTER_HANDOVER_WITHIN");
    }
  }

  @Nested
  class Sources {

    // Verifies that every key can be set from a YAML file of nested mappings.
    @Test
    void readsEveryKeyFromAYamlFile() throws Exception {
      // GIVEN a file setting every key
      Path file = yaml("""
          soap:
            host: 127.0.0.1
            port: 9090
            path: /soap/ocpp
            publicUrl: https://bridge.example.com/soap/ocpp
            maxMessageSize: 65536
          csms:
            url: wss://csms.example.com/ocpp15
            callTimeout: 45s
            connectTimeout: 2500ms
            maxQueuedCalls: 4
            maxFrameSize: 65536
          """);

      // WHEN it is loaded with an empty environment
      BridgeConfig config = ConfigLoader.load(file, Map.of());

      // THEN each value is the file's
      assertThat(config.soap()).isEqualTo(new SoapConfig(
          "127.0.0.1", 9090, "/soap/ocpp", "https://bridge.example.com/soap/ocpp", 65536,
          Duration.ofSeconds(10), null, 0, new SoapLimits(Duration.ofSeconds(10),
          Duration.ofSeconds(20), 128, Duration.ofSeconds(30), 2000, 500, 1024), 400, 0));
      assertThat(config.csms()).isEqualTo(new CsmsConfig(
          URI.create("wss://csms.example.com/ocpp15"), Duration.ofSeconds(45),
          Duration.ofMillis(2500), 4, 65536, Duration.ofSeconds(1), Duration.ofSeconds(60),
          Duration.ofSeconds(30), new CsmsSecurity(0, false, null, null, null),
          io.ocppbridge.core.CsmsProtocol.NATIVE, Duration.ofSeconds(30), 50.0,
          io.ocppbridge.core.JsonDialect.XSD, CsmsConfig.Transport.AUTO, 0));
    }

    // Verifies that a file setting some keys leaves the others at their defaults.
    @Test
    void keepsDefaultsForKeysTheFileOmits() throws Exception {
      // GIVEN a file with only the central system URL
      Path file = yaml("""
          csms:
            url: ws://localhost:9000/ocpp
          """);

      // WHEN it is loaded
      BridgeConfig config = ConfigLoader.load(file, Map.of());

      // THEN the other keys have their defaults
      assertThat(config.soap().port()).isEqualTo(8080);
      assertThat(config.soap().path()).isEqualTo("/ocpp");
      assertThat(config.csms().callTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    // Verifies that BRIDGE_* environment variables override the file, key by key.
    @Test
    void environmentOverridesTheFile() throws Exception {
      // GIVEN a file and an environment that both set port, URL and call timeout
      Path file = yaml("""
          soap:
            port: 9000
            path: /from-file
          csms:
            url: ws://file.example.com/ocpp
            callTimeout: 5s
          """);
      Map<String, String> env = Map.of(
          "BRIDGE_SOAP_PORT", "9100",
          "BRIDGE_CSMS_URL", "ws://env.example.com/ocpp",
          "BRIDGE_CSMS_CALL_TIMEOUT", "2m",
          "PATH", "/usr/bin");

      // WHEN it is loaded
      BridgeConfig config = ConfigLoader.load(file, env);

      // THEN the environment wins where it speaks and the file elsewhere
      assertThat(config.soap().port()).isEqualTo(9100);
      assertThat(config.csms().url()).isEqualTo(URI.create("ws://env.example.com/ocpp"));
      assertThat(config.csms().callTimeout()).isEqualTo(Duration.ofMinutes(2));
      assertThat(config.soap().path()).isEqualTo("/from-file");
    }

    // Verifies that a list key is written comma-separated in its environment variable.
    @Test
    void readsListsCommaSeparatedFromTheEnvironment() {
      // GIVEN two networks and a rewrite in BRIDGE_* variables
      Map<String, String> env = Map.of("BRIDGE_CSMS_URL", CSMS,
          "BRIDGE_CALLBACKS_ALLOWED_NETWORKS", "10.0.0.0/8, 192.168.1.7",
          "BRIDGE_CALLBACKS_REWRITES", "http://10.0.0.5/ => https://gw.example.net/cp5/");

      // WHEN the configuration is loaded
      CallbackConfig callbacks = ConfigLoader.load(null, env).callbacks();

      // THEN each item is read
      assertThat(callbacks.allowedNetworks()).extracting(IpNetwork::toString)
          .containsExactly("10.0.0.0/8", "192.168.1.7");
      assertThat(callbacks.rewrites()).containsExactly(
          new CallbackConfig.Rewrite("http://10.0.0.5/", "https://gw.example.net/cp5/"));
    }

    // Verifies that every key of the table can be set through its environment variable.
    @Test
    void everyKeyWithADefaultCanBeSetFromItsEnvironmentVariable() {
      // GIVEN every key that has a default, set to that default through its variable
      Map<String, String> env = new LinkedHashMap<>();
      env.put("BRIDGE_CSMS_URL", CSMS);
      ConfigKey.ALL.stream().filter(k -> k.defaultValue() != null)
          .forEach(k -> env.put(k.envName(), k.defaultValue()));

      // WHEN the configuration is loaded
      // THEN it is the same as with the defaults alone
      assertThat(ConfigLoader.load(null, env))
          .isEqualTo(ConfigLoader.load(null, Map.of("BRIDGE_CSMS_URL", CSMS)));
    }

    // Verifies that check-config's listing masks every secret and shows where others come from.
    @Test
    void effectiveValuesMaskSecrets() throws Exception {
      // GIVEN a file with a literal password, a per-charger password file and a keystore password
      Path pw = Files.writeString(dir.resolve("cb1.pw"), "file-secret\n");
      Path file = yaml("csms:\n  url: " + CSMS + "\n  password: literal-secret\n"
          + "chargers:\n  CB1:\n    passwordFile: " + pw + "\n    soapPassword: soap-secret\n"
          + "admin:\n  token: 0123456789abcdef-token\n");

      // WHEN the effective values are listed
      Map<String, String> shown = ConfigLoader.effective(file, Map.of());

      // THEN no secret is shown, and the file a secret comes from is
      assertThat(shown.toString()).doesNotContain("literal-secret").doesNotContain("soap-secret")
          .doesNotContain("0123456789abcdef-token");
      assertThat(shown).containsEntry("csms.password", "****")
          .containsEntry("chargers.CB1.soapPassword", "****")
          .containsEntry("admin.token", "****")
          .containsEntry("chargers.CB1.passwordFile", pw.toString())
          .containsEntry("chargers.CB1.validation", "strict");
    }

    // Verifies that a bad value in the environment is reported even when the file's value is good.
    @Test
    void validatesEnvironmentOverrides() throws Exception {
      // GIVEN a valid file and a non-numeric port in the environment
      Path file = yaml("""
          csms:
            url: ws://localhost:9000/ocpp
          """);

      // WHEN it is loaded
      // THEN the overriding key is named
      assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("BRIDGE_SOAP_PORT", "http")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("soap.port")
          .hasMessageContaining("http");
    }

    // Verifies that an empty file means "all defaults" rather than an error.
    @Test
    void acceptsAnEmptyFile() throws Exception {
      // GIVEN an empty file and the URL in the environment
      Path file = yaml("");

      // WHEN it is loaded
      BridgeConfig config = ConfigLoader.load(file, Map.of("BRIDGE_CSMS_URL", CSMS));

      // THEN the defaults apply
      assertThat(config.soap().port()).isEqualTo(8080);
    }
  }

  @Nested
  class Durations {

    // Verifies that each supported duration notation is read as the intended length.
    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("io.ocppbridge.config.ConfigLoaderTest#durations")
    void readsEachDurationNotation(String text, Duration expected) {
      // GIVEN a call timeout written in one notation
      // WHEN the configuration is built
      BridgeConfig config = withValues("csms.callTimeout", text);

      // THEN it has the intended length
      assertThat(config.csms().callTimeout()).isEqualTo(expected);
    }

    // Verifies that a duration in an unsupported notation is refused, naming the key.
    @ParameterizedTest
    @ValueSource(strings = {"30", "thirty seconds", "1.5s", "30x", "ms", "P1D"})
    void refusesABadDuration(String text) {
      // GIVEN a connect timeout the loader cannot read
      // WHEN the configuration is built
      // THEN the error names the key and the value
      assertThatThrownBy(() -> withValues("csms.connectTimeout", text))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("csms.connectTimeout")
          .hasMessageContaining("not a duration");
    }

    // Verifies that a zero or negative duration is refused, naming the key.
    @ParameterizedTest
    @ValueSource(strings = {"0s", "0ms", "PT0S", "-5s", "PT-1S"})
    void refusesANonPositiveDuration(String text) {
      // GIVEN a call timeout of zero or less
      // WHEN the configuration is built
      // THEN the error names the key and says it must be positive
      assertThatThrownBy(() -> withValues("csms.callTimeout", text))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("csms.callTimeout")
          .hasMessageContaining("positive");
    }
  }

  @Nested
  class Errors {

    // Verifies that a misspelt key in the file is refused with its full dotted path.
    @Test
    void refusesAnUnknownKeyInTheFile() throws Exception {
      // GIVEN a file with "prot" for "port"
      Path file = yaml("""
          soap:
            prot: 9000
          csms:
            url: ws://localhost:9000/ocpp
          """);

      // WHEN it is loaded
      // THEN the unknown key is named
      assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("unknown")
          .hasMessageContaining("soap.prot");
    }

    // Verifies that a misspelt key is refused with the nearest known key suggested.
    @Test
    void suggestsTheNearestKnownKey() throws Exception {
      // GIVEN a file with "prot" for "port" and one with "sesions" for "sessions"
      Path typo = yaml("soap:\n  prot: 9000\n");
      Path section = dir.resolve("section.yaml");
      Files.writeString(section, "sesions:\n  store: memory\n");

      // WHEN each is loaded
      // THEN the error names the unknown key and suggests the known one
      assertThatThrownBy(() -> ConfigLoader.load(typo, Map.of("BRIDGE_CSMS_URL", CSMS)))
          .hasMessage("unknown configuration key 'soap.prot' (did you mean 'soap.port'?)");
      assertThatThrownBy(() -> ConfigLoader.load(section, Map.of("BRIDGE_CSMS_URL", CSMS)))
          .hasMessage("unknown configuration key 'sesions' (did you mean 'sessions'?)");
    }

    // Verifies that a key far from every known one is refused without a guess.
    @Test
    void suggestsNothingForAKeyFarFromAnyKnownOne() throws Exception {
      Path file = yaml("soap:\n  colourScheme: dark\n");
      assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("BRIDGE_CSMS_URL", CSMS)))
          .hasMessage("unknown configuration key 'soap.colourScheme'");
    }

    // Verifies that an unknown key given as an explicit value is refused by name.
    @Test
    void refusesAnUnknownKeyInValues() {
      // GIVEN a value map with an unknown key
      // WHEN the configuration is built
      // THEN the unknown key is named
      assertThatThrownBy(() -> withValues("csms.callTimeoutMs", "5000"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("unknown")
          .hasMessageContaining("csms.callTimeoutMs");
    }

    // Verifies that a port outside 0..65535 is refused, naming the key.
    @ParameterizedTest
    @ValueSource(strings = {"65536", "70000", "-1"})
    void refusesAPortOutOfRange(String port) {
      // GIVEN a port outside the TCP range
      // WHEN the configuration is built
      // THEN the key and the range are named
      assertThatThrownBy(() -> withValues("soap.port", port))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("soap.port")
          .hasMessageContaining("0..65535");
    }

    // Verifies that the extreme ports 0 (any free port) and 65535 are accepted.
    @ParameterizedTest
    @ValueSource(ints = {0, 65535})
    void acceptsTheEdgesOfThePortRange(int port) {
      // GIVEN the lowest or highest port
      // WHEN the configuration is built
      BridgeConfig config = withValues("soap.port", Integer.toString(port));

      // THEN it is kept
      assertThat(config.soap().port()).isEqualTo(port);
    }

    // Verifies that a port that is not a whole number is refused, naming key and value.
    @ParameterizedTest
    @ValueSource(strings = {"eighty", "80.5", "8080s"})
    void refusesAPortThatIsNotANumber(String port) {
      // GIVEN a port that is not an integer
      // WHEN the configuration is built
      // THEN the key and value are named
      assertThatThrownBy(() -> withValues("soap.port", port))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("soap.port")
          .hasMessageContaining(port);
    }

    // Verifies that a configuration without csms.url is refused, naming the key.
    @Test
    void requiresTheCentralSystemUrl() {
      // GIVEN no file and no environment
      // WHEN the configuration is loaded
      // THEN csms.url is reported as required
      assertThatThrownBy(() -> ConfigLoader.load(null, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("csms.url")
          .hasMessageContaining("required");
    }

    // Verifies that an http:// or https:// central system URL is refused: OCPP-J needs ws/wss.
    @ParameterizedTest
    @ValueSource(strings = {"http://csms.example.com/ocpp", "https://csms.example.com/ocpp"})
    void refusesAnHttpCentralSystemUrl(String url) {
      // GIVEN an HTTP URL for the central system
      // WHEN the configuration is built
      // THEN the key is named with the expected scheme
      assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", url)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("csms.url")
          .hasMessageContaining("ws://");
    }

    // Verifies that a central system URL without host, or with a query, is refused.
    @ParameterizedTest
    @ValueSource(strings = {"ws:///ocpp", "ws://csms.example.com/ocpp?x=1", "ws://a b/"})
    void refusesAMalformedCentralSystemUrl(String url) {
      // GIVEN a ws URL the bridge cannot append a charger identity to
      // WHEN the configuration is built
      // THEN csms.url is named
      assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", url)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("csms.url");
    }

    // Verifies that a SOAP path without a leading slash is refused, naming the key.
    @Test
    void refusesAPathWithoutLeadingSlash() {
      // GIVEN a relative path
      // WHEN the configuration is built
      // THEN the key and the rule are named
      assertThatThrownBy(() -> withValues("soap.path", "ocpp"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("soap.path")
          .hasMessageContaining("'/'");
    }

    // Verifies that a public URL that is not http(s) is refused, naming the key.
    @Test
    void refusesANonHttpPublicUrl() {
      // GIVEN a ws URL as the SOAP listener's public address
      // WHEN the configuration is built
      // THEN the key is named
      assertThatThrownBy(() -> withValues("soap.publicUrl", "ws://bridge.example.com/ocpp"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("soap.publicUrl");
    }

    // Verifies that a queue bound outside its range is refused, naming the key.
    @Test
    void refusesANegativeQueueBound() {
      // GIVEN a negative number of queued calls
      // WHEN the configuration is built
      // THEN the key is named
      assertThatThrownBy(() -> withValues("csms.maxQueuedCalls", "-1"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("csms.maxQueuedCalls");
    }

    // Verifies that a list where a single value belongs is refused, naming the key.
    @Test
    void refusesAListValue() throws Exception {
      // GIVEN a file giving the port as a list
      Path file = yaml("""
          soap:
            port: [8080, 8081]
          """);

      // WHEN it is loaded
      // THEN the key is named
      assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("BRIDGE_CSMS_URL", CSMS)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("soap.port");
    }

    // Verifies that a file whose top level is not a mapping is refused, naming the file.
    @ParameterizedTest
    @ValueSource(strings = {"- soap\n- csms\n", "just some text\n", "42\n"})
    void refusesAFileThatIsNotAYamlMapping(String text) throws Exception {
      // GIVEN a file holding a list, a string or a number
      Path file = yaml(text);

      // WHEN it is loaded
      // THEN the error names the file and says what is wrong
      assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("BRIDGE_CSMS_URL", CSMS)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("not a YAML mapping");
    }

    // Verifies that a file that is not valid YAML is refused, naming the file.
    @Test
    void refusesAFileThatIsNotYaml() throws Exception {
      // GIVEN a file with broken YAML syntax
      Path file = yaml("soap:\n  port: [8080\ncsms: {url: \n");

      // WHEN it is loaded
      // THEN the error names the file
      assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("BRIDGE_CSMS_URL", CSMS)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(file.toString());
    }

    // Verifies that a file that cannot be read is refused, naming the file.
    @Test
    void refusesAnUnreadableFile() {
      // GIVEN a path where no file exists
      Path missing = dir.resolve("no-such-bridge.yaml");

      // WHEN it is loaded
      // THEN the error says the file cannot be read and names it
      assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of("BRIDGE_CSMS_URL", CSMS)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("cannot read")
          .hasMessageContaining(missing.toString());
    }

    // Verifies that a directory given as the configuration file is refused, naming it.
    @Test
    void refusesADirectoryAsFile() {
      // GIVEN the temporary directory itself as the file
      // WHEN it is loaded
      // THEN the error says it cannot be read
      assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of("BRIDGE_CSMS_URL", CSMS)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("cannot read")
          .hasMessageContaining(dir.toString());
    }
  }
}
