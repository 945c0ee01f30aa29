package io.ocppbridge.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the configuration: defaults, then the YAML file, then {@code BRIDGE_*} environment
 * variables, each later source overriding the earlier; Jackson binds the result to
 * {@link BridgeConfig}. Unknown keys and bad values are refused with a {@link ConfigException}
 * naming the key.
 */
public final class ConfigLoader {

  private static final ObjectReader BINDER = new ObjectMapper()
      .registerModule(ConfigValues.module())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .readerFor(BridgeConfig.class);

  private ConfigLoader() {}

  /** Loads {@code file} (null for none) with overrides from {@code env}. */
  public static BridgeConfig load(Path file, Map<String, String> env) {
    return bind(sources(file, env), env);
  }

  /**
   * The value of every key after defaults, file and environment, as {@code check-config} shows
   * it: dotted keys, per-charger settings as {@code chargers.<identity>.<setting>}, secrets as
   * {@code ****}. Validates only the file's shape; {@link #load} validates the values.
   */
  public static Map<String, String> effective(Path file, Map<String, String> env) {
    return sources(file, env).effective();
  }

  /**
   * Loads from explicit values (dotted keys, lists comma-separated), as tests, the demo and
   * embedding code do; {@code ...Env} keys read the process environment. Unlike a file, this
   * leaves the admin listener off unless {@code admin.enabled} is given.
   */
  public static BridgeConfig fromValues(Map<String, String> values) {
    ConfigTree tree = ConfigTree.defaults().withValues(Map.of("admin.enabled", "false"))
        .withValues(values);
    return bind(tree, System.getenv());
  }

  private static ConfigTree sources(Path file, Map<String, String> env) {
    ConfigTree tree = ConfigTree.defaults();
    if (file != null) {
      tree.withFile(file);
    }
    return tree.withEnvironment(env);
  }

  private static BridgeConfig bind(ConfigTree tree, Map<String, String> env) {
    try {
      return BINDER.readValue(tree.resolved(env));
    } catch (JsonMappingException e) {
      throw refusal(e);
    } catch (IOException e) {
      throw new ConfigException("configuration cannot be read: " + e.getMessage());
    }
  }

  /** The binder's complaint as a {@link ConfigException} naming the full key. */
  private static ConfigException refusal(JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
      }
    }
    Throwable cause = e.getCause();
    if (cause instanceof ConfigException complete) {
      return complete;
    }
    if (cause instanceof InvalidSetting invalid) {
      return ConfigException.forKey(
          (key.length() == 0 ? "" : key + ".") + invalid.setting(), invalid.problem());
    }
    return ConfigException.forKey(key.toString(), e.getOriginalMessage());
  }
}
