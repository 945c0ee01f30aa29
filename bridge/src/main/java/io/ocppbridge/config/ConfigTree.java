package io.ocppbridge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ocppbridge.config.ConfigSchema.Mapping;
import io.ocppbridge.config.ConfigSchema.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration as one YAML tree before it is bound to the records: the defaults, the file
 * laid over them, then {@code BRIDGE_*} variables (or explicit values); checked against
 * {@link ConfigSchema} (unknown keys, lists where single values belong, blank required values)
 * and with each secret resolved from its value, environment variable or file.
 */
final class ConfigTree {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode root;

  private ConfigTree(ObjectNode root) {
    this.root = root;
  }

  /** Every key at its default. */
  static ConfigTree defaults() {
    return new ConfigTree(defaults(ConfigSchema.ROOT));
  }

  /** Lays the YAML file over this tree; a key set to nothing keeps its default. */
  ConfigTree withFile(Path file) {
    JsonNode yaml;
    try {
      yaml = YAML.readTree(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("cannot read configuration file " + file + ": "
          + firstLine(e.getMessage()));
    }
    if (yaml == null || yaml.isMissingNode() || yaml.isNull()) {
      return this;
    }
    if (!yaml.isObject()) {
      throw new ConfigException("configuration file " + file + " is not a YAML mapping");
    }
    merge(root, (ObjectNode) yaml);
    return this;
  }

  /** Sets each key whose {@code BRIDGE_*} variable {@code env} holds. */
  ConfigTree withEnvironment(Map<String, String> env) {
    for (ConfigKey key : ConfigKey.ALL) {
      String value = env.get(key.envName());
      if (value != null) {
        set(List.of(key.path().split("\\.")), value);
      }
    }
    return this;
  }

  /**
   * Sets explicit values by dotted key; per-charger settings as {@code
   * chargers.<identity>.<setting>} (the identity may contain dots).
   */
  ConfigTree withValues(Map<String, String> values) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      if (ConfigKey.ALL.stream().anyMatch(k -> k.path().equals(key))) {
        set(List.of(key.split("\\.")), e.getValue());
        continue;
      }
      int last = key.lastIndexOf('.');
      Mapping charger = ConfigSchema.ROOT.mappings().get("chargers").entries();
      if (key.startsWith("chargers.") && last > "chargers.".length()) {
        if (!charger.settings().containsKey(key.substring(last + 1))) {
          throw unknown(key, key.substring(last + 1), charger);
        }
        set(List.of("chargers", key.substring("chargers.".length(), last),
            key.substring(last + 1)), e.getValue());
        continue;
      }
      throw new ConfigException("unknown configuration key '" + key + "'"
          + suggestion(key, ConfigKey.ALL.stream().map(ConfigKey::path).toList(), ""));
    }
    return this;
  }

  /**
   * The tree ready to bind: checked against the schema, each per-charger entry completed with
   * the per-charger defaults, each secret resolved. {@code env} is where {@code ...Env} keys
   * look their variable up.
   */
  ObjectNode resolved(Map<String, String> env) {
    ObjectNode checked = checked();
    Secrets.resolve(checked, env);
    return checked;
  }

  /**
   * The effective value of every key that has one, as {@code check-config} prints it: dotted
   * keys, lists comma-separated, secrets as {@code ****}.
   */
  Map<String, String> effective() {
    Map<String, String> shown = new LinkedHashMap<>();
    flatten(checked(), ConfigSchema.ROOT, "", shown);
    return shown;
  }

  private ObjectNode checked() {
    ObjectNode copy = root.deepCopy();
    check(copy, ConfigSchema.ROOT, "");
    return copy;
  }

  private void set(List<String> path, String text) {
    ObjectNode node = root;
    Mapping mapping = ConfigSchema.ROOT;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode child = node.get(path.get(i));
      node = child instanceof ObjectNode o ? o : node.putObject(path.get(i));
      mapping = mapping.mappings().containsKey(path.get(i))
          ? mapping.mappings().get(path.get(i)) : mapping.entries();
    }
    Setting setting = mapping.settings().get(path.get(path.size() - 1));
    node.set(setting.name(), setting.list() ? items(text) : NODES.textNode(text));
  }

  private static ObjectNode defaults(Mapping mapping) {
    ObjectNode node = NODES.objectNode();
    for (Setting s : mapping.settings().values()) {
      if (s.defaultValue() != null) {
        node.set(s.name(), s.list() ? items(s.defaultValue()) : NODES.textNode(s.defaultValue()));
      }
    }
    mapping.mappings().forEach((name, nested) -> node.set(name, defaults(nested)));
    return node;
  }

  /** Lays {@code from} over {@code into}; null values keep what is there. */
  private static void merge(ObjectNode into, ObjectNode from) {
    from.properties().forEach(e -> {
      JsonNode target = into.get(e.getKey());
      JsonNode value = e.getValue();
      if (value.isObject() && target instanceof ObjectNode t) {
        merge(t, (ObjectNode) value);
      } else if (!value.isNull() || target == null) {
        into.set(e.getKey(), value);
      }
    });
  }

  private static void check(ObjectNode node, Mapping mapping, String path) {
    for (String name : names(node)) {
      String childPath = path.isEmpty() ? name : path + "." + name;
      if (mapping.settings().containsKey(name)) {
        shape(node, mapping.settings().get(name), childPath);
      } else if (mapping.mappings().containsKey(name)) {
        JsonNode child = node.get(name);
        if (child.isNull()) {
          node.set(name, defaults(mapping.mappings().get(name)));
        } else if (!child.isObject()) {
          throw ConfigException.forKey(childPath, "is a mapping of keys, not a single value"
              + " or a list");
        }
        check((ObjectNode) node.get(name), mapping.mappings().get(name), childPath);
      } else if (mapping.entries() != null) {
        node.set(name, entry(node.get(name), mapping.entries(), childPath));
        check((ObjectNode) node.get(name), mapping.entries(), childPath);
      } else {
        throw unknown(childPath, name, mapping);
      }
    }
  }

  /**
   * One charger's entry completed with the per-charger defaults; nothing at all ({@code CB-1:}
   * or {@code CB-1: {}}) is a charger configured with every default.
   */
  private static ObjectNode entry(JsonNode given, Mapping mapping, String path) {
    ObjectNode entry = defaults(mapping);
    if (given.isObject()) {
      merge(entry, (ObjectNode) given);
    } else if (!given.isNull()) {
      throw ConfigException.forKey(path, "a charger's settings are a mapping (write '"
          + path.substring("chargers.".length()) + ": {}' for one with every default)");
    }
    return entry;
  }

  /** Checks a value's shape: a list only where one belongs, blank only where optional. */
  private static void shape(ObjectNode node, Setting setting, String path) {
    JsonNode value = node.get(setting.name());
    if (value.isNull()) {
      node.remove(setting.name());
    } else if (value.isObject()) {
      throw ConfigException.forKey(path, "expected a single value, found a mapping");
    } else if (value.isArray()) {
      if (!setting.list()) {
        throw ConfigException.forKey(path, "expected a single value, found a list");
      }
      ArrayNode items = NODES.arrayNode();
      for (JsonNode item : value) {
        if (item.isContainerNode()) {
          throw ConfigException.forKey(path, "expected a list of single values");
        }
        if (!item.isNull() && !item.asText().isBlank()) {
          items.add(item.asText().trim());
        }
      }
      node.set(setting.name(), items);
    } else if (setting.list()) {
      node.set(setting.name(), items(value.asText()));
    } else if (value.asText().isBlank()) {
      if (setting.defaultValue() != null) {
        throw ConfigException.forKey(path, "is required");
      }
      node.remove(setting.name());
    }
  }

  private static void flatten(ObjectNode node, Mapping mapping, String path,
      Map<String, String> out) {
    for (String name : names(node)) {
      String childPath = path.isEmpty() ? name : path + "." + name;
      JsonNode value = node.get(name);
      Setting setting = mapping.settings().get(name);
      if (setting != null) {
        out.put(childPath, setting.secret() ? "****" : text(value));
      } else {
        Mapping nested = mapping.mappings().get(name);
        flatten((ObjectNode) value, nested != null ? nested : mapping.entries(), childPath, out);
      }
    }
  }

  private static String text(JsonNode value) {
    if (!value.isArray()) {
      return value.asText();
    }
    List<String> items = new ArrayList<>();
    value.forEach(item -> items.add(item.asText()));
    return String.join(",", items);
  }

  private static ArrayNode items(String text) {
    ArrayNode items = NODES.arrayNode();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        items.add(part.trim());
      }
    }
    return items;
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static ConfigException unknown(String path, String name, Mapping mapping) {
    String hint = suggestion(name, mapping.names(),
        path.substring(0, path.length() - name.length()));
    if (hint.isEmpty() && mapping.path().endsWith(ConfigSchema.IDENTITY)) {
      hint = " (per-charger settings: " + String.join(", ", mapping.names()) + ")";
    }
    return new ConfigException("unknown configuration key '" + path + "'" + hint);
  }

  /**
   * {@code " (did you mean '<prefix>x'?)"} for the known name {@code x} nearest to {@code name},
   * if it is near; else nothing.
   */
  static String suggestion(String name, List<String> known, String prefix) {
    String lower = name.toLowerCase(Locale.ROOT);
    String nearest = known.stream()
        .min(Comparator.comparingInt(k -> distance(lower, k.toLowerCase(Locale.ROOT))))
        .orElse(null);
    if (nearest == null
        || distance(lower, nearest.toLowerCase(Locale.ROOT)) > Math.max(2, name.length() / 3)) {
      return "";
    }
    return " (did you mean '" + prefix + nearest + "'?)";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
