package io.ocppbridge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.config.ConfigSchema.Mapping;
import io.ocppbridge.config.ConfigSchema.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves every secret of a checked configuration tree to the text it stands for: given as the
 * key itself, as {@code <key>Env} (the name of an environment variable) or {@code <key>File} (a
 * file), as its {@link Key#sources()} allow. Each becomes {@code {value, source}} for
 * {@link Secret}; the alternative keys are removed. Messages name keys and files, never a value.
 */
final class Secrets {

  private Secrets() {}

  /** Resolves the secrets of the whole tree. */
  static void resolve(ObjectNode root, Map<String, String> env) {
    resolve(root, ConfigSchema.ROOT, "", env);
  }

  private static void resolve(ObjectNode node, Mapping mapping, String path,
      Map<String, String> env) {
    for (Setting s : mapping.settings().values()) {
      if (s.sourceOf() == null && (s.type() == Secret.class
          || s.key().sources() != Key.Sources.VALUE)) {
        resolve(node, s, path.isEmpty() ? s.name() : path + "." + s.name(), env);
      }
    }
    mapping.mappings().forEach((name, nested) -> resolve((ObjectNode) node.get(name), nested,
        path.isEmpty() ? name : path + "." + name, env));
    if (mapping.entries() != null) {
      node.properties().forEach(e -> {
        if (!mapping.settings().containsKey(e.getKey())
            && !mapping.mappings().containsKey(e.getKey())) {
          resolve((ObjectNode) e.getValue(), mapping.entries(), path + "." + e.getKey(), env);
        }
      });
    }
  }

  private static void resolve(ObjectNode node, Setting setting, String key,
      Map<String, String> env) {
    String literal = text(node, setting.name());
    String envName = text(node, setting.name() + "Env");
    String file = text(node, setting.name() + "File");
    node.remove(setting.name() + "Env");
    node.remove(setting.name() + "File");
    Secret secret = switch (setting.key().sources()) {
      case VALUE -> literal == null ? null : new Secret(literal, key);
      case VALUE_ENV_OR_FILE -> fromValueEnvOrFile(key, literal, envName, file, env);
      case VALUE_OR_FIRST_LINE_OF_FILE -> fromValueOrFirstLine(key, literal, file);
    };
    if (secret == null) {
      node.remove(setting.name());
    } else {
      ObjectNode resolved = node.putObject(setting.name());
      resolved.put("value", secret.reveal());
      resolved.put("source", secret.source());
    }
  }

  private static Secret fromValueEnvOrFile(String key, String literal, String envName,
      String file, Map<String, String> env) {
    int given = (literal == null ? 0 : 1) + (envName == null ? 0 : 1) + (file == null ? 0 : 1);
    if (given > 1) {
      throw ConfigException.forKey(key, "set only one of " + key + ", " + key + "Env and "
          + key + "File");
    }
    if (literal != null) {
      return new Secret(literal, key);
    }
    if (envName != null) {
      String fromEnv = env.get(envName);
      if (fromEnv == null || fromEnv.isEmpty()) {
        throw ConfigException.forKey(key + "Env", "names the environment variable '" + envName
            + "', which is not set or empty");
      }
      return new Secret(fromEnv, key + "Env");
    }
    if (file != null) {
      return new Secret(readFile(key + "File", Path.of(file)), key + "File");
    }
    return null;
  }

  private static Secret fromValueOrFirstLine(String key, String literal, String file) {
    if (literal != null && file != null) {
      throw ConfigException.forKey(key + "File", "give " + key + " or " + key + "File, not both");
    }
    if (literal != null) {
      return new Secret(literal, key);
    }
    if (file == null) {
      return null;
    }
    String firstLine;
    try {
      firstLine = Files.readAllLines(Path.of(file)).stream().findFirst().orElse("");
    } catch (IOException | RuntimeException e) {
      throw ConfigException.forKey(key + "File", "cannot read " + file);
    }
    if (firstLine.isBlank()) {
      throw ConfigException.forKey(key + "File", file + " is empty");
    }
    return new Secret(firstLine.trim(), key + "File");
  }

  private static String readFile(String key, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ConfigException.forKey(key, "file '" + file + "' does not exist");
    } catch (IOException | RuntimeException e) {
      throw ConfigException.forKey(key, "cannot read file '" + file + "' ("
          + e.getClass().getSimpleName() + ")");
    }
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw ConfigException.forKey(key, "file '" + file + "' is empty");
    }
    return text;
  }

  private static String text(ObjectNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.asText().isBlank()
        ? null : value.asText().trim();
  }
}
