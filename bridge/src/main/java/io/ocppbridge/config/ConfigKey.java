package io.ocppbridge.config;

import java.util.List;
import java.util.Locale;

/**
 * One documented configuration key: its dotted YAML path, the environment variable that
 * overrides it, and its default as text (null when required or derived).
 */
record ConfigKey(String path, String defaultValue) {

  /** Every key the bridge reads; {@code config/bridge.yaml} documents each one. */
  static final List<ConfigKey> ALL = List.of(
      new ConfigKey("soap.host", SoapConfig.DEFAULT_HOST),
      new ConfigKey("soap.port", Integer.toString(SoapConfig.DEFAULT_PORT)),
      new ConfigKey("soap.path", SoapConfig.DEFAULT_PATH),
      new ConfigKey("soap.publicUrl", null),
      new ConfigKey("soap.maxMessageSize", Integer.toString(SoapConfig.DEFAULT_MAX_MESSAGE_SIZE)),
      new ConfigKey("soap.keystore", null),
      new ConfigKey("soap.keystorePassword", null),
      new ConfigKey("soap.certificate", null),
      new ConfigKey("soap.privateKey", null),
      new ConfigKey("soap.rateLimit", "0"),
      new ConfigKey("csms.url", null),
      new ConfigKey("csms.callTimeout", "30s"),
      new ConfigKey("csms.connectTimeout", "10s"),
      new ConfigKey("csms.maxQueuedCalls", Integer.toString(CsmsConfig.DEFAULT_MAX_QUEUED_CALLS)),
      new ConfigKey("csms.maxFrameSize", Integer.toString(CsmsConfig.DEFAULT_MAX_FRAME_SIZE)),
      new ConfigKey("csms.reconnectFloor", "1s"),
      new ConfigKey("csms.reconnectCeiling", "60s"),
      new ConfigKey("csms.pingInterval", "30s"),
      new ConfigKey("csms.protocol", "native"),
      new ConfigKey("csms.securityProfile", "0"),
      new ConfigKey("csms.allowInsecureBasicAuth", "false"),
      new ConfigKey("csms.password", null),
      new ConfigKey("csms.passwordEnv", null),
      new ConfigKey("csms.passwordFile", null),
      new ConfigKey("csms.truststore", null),
      new ConfigKey("csms.truststorePassword", null),
      new ConfigKey("csms.keystore", null),
      new ConfigKey("csms.keystorePassword", null),
      new ConfigKey("csms.certificate", null),
      new ConfigKey("csms.privateKey", null),
      new ConfigKey("chargers.callTimeout", "30s"),
      new ConfigKey("chargers.allowUnknown", "true"),
      new ConfigKey("sessions.presenceFactor", "3"),
      new ConfigKey("sessions.presenceFloor", "30m"),
      new ConfigKey("sessions.store", "data/registry"),
      new ConfigKey("sessions.flushInterval", "1s"),
      new ConfigKey("soap.shutdownGrace", "10s"),
      new ConfigKey("admin.enabled", "true"),
      new ConfigKey("admin.host", "127.0.0.1"),
      new ConfigKey("admin.port", "9090"),
      new ConfigKey("admin.token", null),
      new ConfigKey("admin.tokenFile", null),
      new ConfigKey("callbacks.connectTimeout", "10s"),
      new ConfigKey("callbacks.policy", CallbackConfig.Policy.SAME_HOST.configName()),
      new ConfigKey("callbacks.allowedNetworks", ""),
      new ConfigKey("callbacks.defaultPort", null),
      new ConfigKey("callbacks.defaultPath", "/"),
      new ConfigKey("callbacks.rewrites", ""),
      new ConfigKey("callbacks.truststore", null),
      new ConfigKey("callbacks.truststorePassword", null),
      new ConfigKey("callbacks.keystore", null),
      new ConfigKey("callbacks.keystorePassword", null),
      new ConfigKey("callbacks.certificate", null),
      new ConfigKey("callbacks.privateKey", null));

  /** Keys whose YAML value is a list (in an environment variable: comma-separated). */
  static final java.util.Set<String> LISTS =
      java.util.Set.of("callbacks.allowedNetworks", "callbacks.rewrites");

  /** Settings of one charger, under {@code chargers.<identity>.}. */
  static final java.util.Set<String> PER_CHARGER =
      java.util.Set.of("callbackUrl", "timezone", "localTime", "validation", "securityProfile",
          "password", "passwordEnv", "passwordFile", "soapPassword", "soapPasswordEnv",
          "soapPasswordFile", "allowedNetworks", "keystore", "keystorePassword", "certificate",
          "privateKey", "protocol");

  /** Per-charger settings whose YAML value may be a list. */
  static final java.util.Set<String> PER_CHARGER_LISTS = java.util.Set.of("allowedNetworks");

  /**
   * The overriding environment variable: {@code BRIDGE_} then the path in upper case, dots and
   * camel-case humps turned into underscores ({@code csms.callTimeout} → {@code
   * BRIDGE_CSMS_CALL_TIMEOUT}).
   */
  String envName() {
    StringBuilder sb = new StringBuilder("BRIDGE_");
    for (char c : path.toCharArray()) {
      if (c == '.') {
        sb.append('_');
      } else if (Character.isUpperCase(c)) {
        sb.append('_').append(c);
      } else {
        sb.append(Character.toUpperCase(c));
      }
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }
}
