package io.ocppbridge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ocppbridge.core.CsmsProtocol;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the configuration: defaults, then the YAML file, then {@code BRIDGE_*} environment
 * variables, each later source overriding the earlier. Unknown keys and bad values are refused.
 */
public final class ConfigLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> KNOWN =
      ConfigKey.ALL.stream().map(ConfigKey::path).collect(Collectors.toUnmodifiableSet());

  private ConfigLoader() {}

  /** Loads {@code file} (null for none) with overrides from {@code env}. */
  public static BridgeConfig load(Path file, Map<String, String> env) {
    return build(effectiveValues(file, env), env);
  }

  /**
   * The value of every key after defaults, file and environment, as {@code check-config} shows
   * it: dotted keys, per-charger settings as {@code chargers.<identity>.<setting>}. Validates
   * nothing; {@link #load} does.
   */
  public static Map<String, String> effective(Path file, Map<String, String> env) {
    Map<String, String> shown = new LinkedHashMap<>();
    effectiveValues(file, env).forEach((k, v) -> shown.put(k.startsWith(CHARGER_PREFIX)
        ? "chargers." + k.substring(CHARGER_PREFIX.length()).replace('\u0000', '.') : k, v));
    return shown;
  }

  private static Map<String, String> effectiveValues(Path file, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKey.ALL) {
      if (key.defaultValue() != null) {
        values.put(key.path(), key.defaultValue());
      }
    }
    if (file != null) {
      values.putAll(readYaml(file));
    }
    for (ConfigKey key : ConfigKey.ALL) {
      String override = env.get(key.envName());
      if (override != null) {
        values.put(key.path(), override);
      }
    }
    return values;
  }

  /**
   * Loads from explicit values (dotted keys), as tests, the demo and embedding code do. Unlike a
   * file, this leaves the admin listener off unless {@code admin.enabled} is given.
   */
  public static BridgeConfig fromValues(Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKey.ALL) {
      if (key.defaultValue() != null) {
        values.put(key.path(), key.defaultValue());
      }
    }
    values.put("admin.enabled", "false");
    return build(withValues(values, overrides), System.getenv());
  }

  private static Map<String, String> withValues(Map<String, String> values,
      Map<String, String> overrides) {
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("chargers.") && key.lastIndexOf('.') > "chargers.".length()
          && ConfigKey.PER_CHARGER.contains(key.substring(key.lastIndexOf('.') + 1))) {
        String identity = key.substring("chargers.".length(), key.lastIndexOf('.'));
        values.put(CHARGER_PREFIX + identity + "\u0000" + key.substring(key.lastIndexOf('.') + 1),
            e.getValue());
      } else if (!KNOWN.contains(key)) {
        throw new ConfigException("unknown configuration key '" + key + "'");
      } else {
        values.put(key, e.getValue());
      }
    }
    return values;
  }

  /** Per-charger settings are stored as {@code \u0000charger\u0000<id>\u0000<key>}. */
  private static final String CHARGER_PREFIX = "\u0000charger\u0000";

  private static Map<String, String> readYaml(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": "
          + firstLine(e.getMessage()));
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return flat;
    }
    if (!root.isObject()) {
      throw new ConfigException("configuration file " + file + " is not a YAML mapping");
    }
    flatten("", root, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode value = e.getValue();
      if ("chargers".equals(prefix) && value.isObject()) {
        chargerSettings(e.getKey(), value, out);
      } else if (value.isObject()) {
        flatten(path, value, out);
      } else if (!KNOWN.contains(path)) {
        throw new ConfigException("unknown configuration key '" + path + "'");
      } else if (value.isArray()) {
        if (!ConfigKey.LISTS.contains(path)) {
          throw ConfigException.forKey(path, "expected a single value, found a list");
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        out.put(path, String.join(",", items));
      } else if (!value.isNull()) {
        out.put(path, value.asText());
      }
    }
  }

  /** {@code chargers.<identity>.<setting>}: identities may contain dots, so not flattened. */
  private static void chargerSettings(String identity, JsonNode settings,
      Map<String, String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      boolean list = e.getValue().isArray()
          && ConfigKey.PER_CHARGER_LISTS.contains(e.getKey());
      if (!ConfigKey.PER_CHARGER.contains(e.getKey())
          || (e.getValue().isContainerNode() && !list)) {
        throw new ConfigException("unknown configuration key 'chargers." + identity + "."
            + e.getKey() + "' (per-charger settings: " + ConfigKey.PER_CHARGER + ")");
      }
      if (list) {
        List<String> items = new ArrayList<>();
        e.getValue().forEach(item -> items.add(item.asText()));
        out.put(CHARGER_PREFIX + identity + "\u0000" + e.getKey(), String.join(",", items));
      } else if (!e.getValue().isNull()) {
        out.put(CHARGER_PREFIX + identity + "\u0000" + e.getKey(), e.getValue().asText());
      }
    }
  }

  private static BridgeConfig build(Map<String, String> v, Map<String, String> env) {
    SoapConfig soap = new SoapConfig(
        text(v, "soap.host"),
        port(v, "soap.port"),
        path(v, "soap.path"),
        httpUrl(v, "soap.publicUrl"),
        intRange(v, "soap.maxMessageSize", 1024, 64 * 1024 * 1024),
        duration(v, "soap.shutdownGrace"),
        SecurityValues.keyMaterial(v, "soap."),
        decimal(v, "soap.rateLimit", 0, 1_000_000));
    CsmsConfig csms = new CsmsConfig(
        wsUrl(v, "csms.url"),
        duration(v, "csms.callTimeout"),
        duration(v, "csms.connectTimeout"),
        intRange(v, "csms.maxQueuedCalls", 0, 100_000),
        intRange(v, "csms.maxFrameSize", 1024, 64 * 1024 * 1024),
        duration(v, "csms.reconnectFloor"),
        duration(v, "csms.reconnectCeiling"),
        durationOrZero(v, "csms.pingInterval"),
        new CsmsSecurity(
            intRange(v, "csms.securityProfile", 0, 3),
            bool(v, "csms.allowInsecureBasicAuth"),
            SecurityValues.trustMaterial(v, "csms."),
            SecurityValues.keyMaterial(v, "csms."),
            SecurityValues.secret(v, "csms.password", env)),
        protocol(v, "csms.protocol"));
    if (csms.reconnectCeiling().compareTo(csms.reconnectFloor()) < 0) {
      throw ConfigException.forKey("csms.reconnectCeiling", "must not be shorter than"
          + " csms.reconnectFloor (" + v.get("csms.reconnectFloor") + ")");
    }
    CallbackConfig callbacks = new CallbackConfig(
        duration(v, "callbacks.connectTimeout"),
        policy(v, "callbacks.policy"),
        networks(v, "callbacks.allowedNetworks"),
        v.get("callbacks.defaultPort") == null || v.get("callbacks.defaultPort").isBlank()
            ? null : intRange(v, "callbacks.defaultPort", 1, 65535),
        path(v, "callbacks.defaultPath"),
        rewrites(v, "callbacks.rewrites"),
        SecurityValues.trustMaterial(v, "callbacks."),
        SecurityValues.keyMaterial(v, "callbacks."));
    ChargersConfig chargers = new ChargersConfig(duration(v, "chargers.callTimeout"),
        chargerSettings(v, env), bool(v, "chargers.allowUnknown"));
    SecurityValues.checkProfiles(csms, chargers);
    SessionsConfig sessions = new SessionsConfig(
        decimal(v, "sessions.presenceFactor", 1.0, 100.0),
        duration(v, "sessions.presenceFloor"),
        text(v, "sessions.store"),
        duration(v, "sessions.flushInterval"));
    AdminConfig admin = new AdminConfig(bool(v, "admin.enabled"), text(v, "admin.host"),
        port(v, "admin.port"), adminToken(v));
    return new BridgeConfig(soap, csms, callbacks, chargers, sessions, admin);
  }

  private static CallbackConfig.Policy policy(Map<String, String> v, String key) {
    String s = text(v, key);
    for (CallbackConfig.Policy p : CallbackConfig.Policy.values()) {
      if (p.configName().equals(s)) {
        return p;
      }
    }
    throw ConfigException.forKey(key, "'" + s + "' is not one of same-host, allowed-networks, any");
  }

  private static List<IpNetwork> networks(Map<String, String> v, String key) {
    List<IpNetwork> result = new ArrayList<>();
    for (String item : items(v, key)) {
      try {
        result.add(IpNetwork.parse(item));
      } catch (IllegalArgumentException e) {
        throw ConfigException.forKey(key, "'" + item + "' " + e.getMessage());
      }
    }
    return List.copyOf(result);
  }

  private static List<CallbackConfig.Rewrite> rewrites(Map<String, String> v, String key) {
    List<CallbackConfig.Rewrite> result = new ArrayList<>();
    for (String item : items(v, key)) {
      int arrow = item.indexOf("=>");
      if (arrow <= 0 || arrow == item.length() - 2) {
        throw ConfigException.forKey(key, "'" + item + "' is not written 'PREFIX => REPLACEMENT'");
      }
      String from = item.substring(0, arrow).trim();
      String to = item.substring(arrow + 2).trim();
      URI target = uri(key, to);
      if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
        throw ConfigException.forKey(key, "'" + to + "' must be an http:// or https:// URL");
      }
      result.add(new CallbackConfig.Rewrite(from, to));
    }
    return List.copyOf(result);
  }

  private static List<String> items(Map<String, String> v, String key) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : s.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  private static Map<String, ChargersConfig.ChargerSettings> chargerSettings(
      Map<String, String> v, Map<String, String> env) {
    Map<String, Map<String, String>> byIdentity = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : v.entrySet()) {
      if (e.getKey().startsWith(CHARGER_PREFIX)) {
        String rest = e.getKey().substring(CHARGER_PREFIX.length());
        int split = rest.indexOf('\u0000');
        byIdentity.computeIfAbsent(rest.substring(0, split), k -> new LinkedHashMap<>())
            .put("chargers." + rest.substring(0, split) + "." + rest.substring(split + 1),
                e.getValue());
      }
    }
    Map<String, ChargersConfig.ChargerSettings> result = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> e : byIdentity.entrySet()) {
      String prefix = "chargers." + e.getKey() + ".";
      Map<String, String> one = e.getValue();
      String url = httpUrl(one, prefix + "callbackUrl");
      result.put(e.getKey(), new ChargersConfig.ChargerSettings(
          url == null ? null : URI.create(url),
          zone(one, prefix + "timezone"),
          bool(one, prefix + "localTime"),
          lenient(one, prefix + "validation"),
          one.get(prefix + "securityProfile") == null ? null
              : intRange(one, prefix + "securityProfile", 0, 3),
          SecurityValues.secret(one, prefix + "password", env),
          SecurityValues.secret(one, prefix + "soapPassword", env),
          networks(one, prefix + "allowedNetworks"),
          SecurityValues.keyMaterial(one, prefix),
          one.containsKey(prefix + "protocol") ? protocol(one, prefix + "protocol") : null));
    }
    return Map.copyOf(result);
  }

  private static CsmsProtocol protocol(Map<String, String> v, String key) {
    String s = text(v, key);
    for (CsmsProtocol p : CsmsProtocol.values()) {
      if (p.configName().equals(s)) {
        return p;
      }
    }
    throw ConfigException.forKey(key, "'" + s + "' is not one of "
        + java.util.Arrays.stream(CsmsProtocol.values()).map(CsmsProtocol::configName).toList());
  }

  private static java.time.ZoneId zone(Map<String, String> v, String key) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return java.time.ZoneId.of(s.trim());
    } catch (java.time.DateTimeException e) {
      throw ConfigException.forKey(key,
          "'" + s + "' is not a time zone (write e.g. Europe/Amsterdam or +01:00)");
    }
  }

  private static boolean lenient(Map<String, String> v, String key) {
    String s = v.get(key);
    if (s == null || s.isBlank() || s.trim().equals("strict")) {
      return false;
    }
    if (s.trim().equals("lenient")) {
      return true;
    }
    throw ConfigException.forKey(key, "'" + s + "' is not strict or lenient");
  }

  static boolean bool(Map<String, String> v, String key) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      return false;
    }
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw ConfigException.forKey(key, "'" + s + "' is not true or false");
    };
  }

  /** {@code admin.token}, or the first line of {@code admin.tokenFile}; null when neither. */
  private static String adminToken(Map<String, String> v) {
    String token = v.get("admin.token");
    String file = v.get("admin.tokenFile");
    boolean hasToken = token != null && !token.isBlank();
    boolean hasFile = file != null && !file.isBlank();
    if (hasToken && hasFile) {
      throw ConfigException.forKey("admin.tokenFile", "give admin.token or admin.tokenFile,"
          + " not both");
    }
    if (hasFile) {
      try {
        token = Files.readAllLines(Path.of(file.trim())).stream().findFirst().orElse("");
      } catch (IOException | RuntimeException e) {
        throw ConfigException.forKey("admin.tokenFile", "cannot read " + file.trim());
      }
      if (token.isBlank()) {
        throw ConfigException.forKey("admin.tokenFile", file.trim() + " is empty");
      }
    } else if (!hasToken) {
      return null;
    }
    token = token.trim();
    if (token.length() < 16) {
      throw ConfigException.forKey(hasFile ? "admin.tokenFile" : "admin.token",
          "the token must be at least 16 characters long");
    }
    return token;
  }

  static String text(Map<String, String> v, String key) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      throw ConfigException.forKey(key, "is required");
    }
    return s.trim();
  }

  private static int port(Map<String, String> v, String key) {
    return intRange(v, key, 0, 65535);
  }

  static int intRange(Map<String, String> v, String key, int min, int max) {
    String s = text(v, key);
    int n;
    try {
      n = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw ConfigException.forKey(key, "'" + s + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw ConfigException.forKey(key, n + " is outside " + min + ".." + max);
    }
    return n;
  }

  private static double decimal(Map<String, String> v, String key, double min, double max) {
    String s = text(v, key);
    double d;
    try {
      d = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw ConfigException.forKey(key, "'" + s + "' is not a number");
    }
    if (!(d >= min && d <= max)) {
      throw ConfigException.forKey(key, s + " is outside " + min + ".." + max);
    }
    return d;
  }

  private static String path(Map<String, String> v, String key) {
    String s = text(v, key);
    if (!s.startsWith("/")) {
      throw ConfigException.forKey(key, "'" + s + "' must start with '/'");
    }
    return s;
  }

  private static String httpUrl(Map<String, String> v, String key) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      return null;
    }
    URI uri = uri(key, s.trim());
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw ConfigException.forKey(key, "'" + s + "' must be an http:// or https:// URL");
    }
    return s.trim();
  }

  private static URI wsUrl(Map<String, String> v, String key) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      throw ConfigException.forKey(key,
          "is required (the OCPP-J central system, e.g. ws://csms.example.com:9000/ocpp)");
    }
    URI uri = uri(key, s.trim());
    if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
      throw ConfigException.forKey(key, "'" + s + "' must be a ws:// or wss:// URL");
    }
    if (uri.getHost() == null) {
      throw ConfigException.forKey(key, "'" + s + "' has no host");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw ConfigException.forKey(key, "'" + s + "' must not have a query or fragment");
    }
    return uri;
  }

  private static URI uri(String key, String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw ConfigException.forKey(key, "'" + s + "' is not a URL");
    }
  }

  /** A duration where 0 means "off". */
  private static Duration durationOrZero(Map<String, String> v, String key) {
    String s = text(v, key);
    if (s.equals("0") || s.equals("0s") || s.equals("0ms")) {
      return Duration.ZERO;
    }
    return duration(v, key);
  }

  /** Durations as {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT30S}. */
  static Duration duration(Map<String, String> v, String key) {
    String s = text(v, key);
    Duration d;
    try {
      if (s.toUpperCase().startsWith("PT")) {
        d = Duration.parse(s);
      } else if (s.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      } else if (s.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      } else if (s.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      } else if (s.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
      } else {
        throw new NumberFormatException();
      }
    } catch (RuntimeException e) {
      throw ConfigException.forKey(key,
          "'" + s + "' is not a duration (use e.g. 500ms, 30s, 2m, 1h or PT30S)");
    }
    if (d.isNegative() || d.isZero()) {
      throw ConfigException.forKey(key, "'" + s + "' must be positive");
    }
    return d;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
