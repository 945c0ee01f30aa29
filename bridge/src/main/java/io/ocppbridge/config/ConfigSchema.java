package io.ocppbridge.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the configuration file, read once from the configuration records themselves: a
 * record component annotated {@link Key} is a setting, a record-typed component without it a
 * nested mapping (a section), a {@code @JsonUnwrapped} one a group of settings written flat in
 * its parent, and a {@code @JsonAnySetter} map the entries by identity under {@code chargers}.
 * The loader checks files against it and the documentation is generated from it.
 */
final class ConfigSchema {

  /** The whole file, as {@link BridgeConfig} binds it. */
  static final Mapping ROOT = mapping("", BridgeConfig.class);

  /** The name standing for an identity in the paths of per-charger settings. */
  static final String IDENTITY = "<identity>";

  private ConfigSchema() {}

  /**
   * A mapping of the file.
   *
   * @param path its dotted path ({@code ""} at the top, {@code chargers.<identity>} for entries)
   * @param settings its settings by name, in declaration order, alternative sources included
   * @param mappings its nested mappings by name
   * @param entries the shape of each entry by identity, or null when it has none
   */
  record Mapping(String path, Map<String, Setting> settings, Map<String, Mapping> mappings,
      Mapping entries) {

    /** Every name that may appear in this mapping. */
    List<String> names() {
      List<String> names = new java.util.ArrayList<>(settings.keySet());
      names.addAll(mappings.keySet());
      return names;
    }
  }

  /**
   * One setting.
   *
   * @param name its name in its mapping
   * @param path its dotted path
   * @param doc its one-line meaning (introduced by its group's, for a key of a group)
   * @param key its declaration
   * @param type the Java type it binds to (the element type for a list)
   * @param list whether its value is a list (comma-separated in an environment variable)
   * @param sourceOf for an alternative source ({@code passwordEnv}, {@code passwordFile},
   *     {@code tokenFile}): the name of the setting it gives the value of; else null
   */
  record Setting(String name, String path, String doc, Key key, Class<?> type, boolean list,
      String sourceOf) {

    /** True when its value is a secret, masked wherever the configuration is shown. */
    boolean secret() {
      return type == Secret.class && sourceOf == null;
    }

    /** The default as written in a file, or null when it has none. */
    String defaultValue() {
      return sourceOf != null || Key.NONE.equals(key.defaultValue()) ? null : key.defaultValue();
    }
  }

  private static Mapping mapping(String path, Class<?> record) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    Map<String, Mapping> mappings = new LinkedHashMap<>();
    Mapping entries = collect(path, record, "", settings, mappings);
    return new Mapping(path, Collections.unmodifiableMap(settings),
        Collections.unmodifiableMap(mappings), entries);
  }

  /** Adds the components of {@code record} to the mapping at {@code path}; returns its entries. */
  private static Mapping collect(String path, Class<?> record, String groupDoc,
      Map<String, Setting> settings, Map<String, Mapping> mappings) {
    if (!record.isRecord()) {
      throw new IllegalStateException(record + " is not a record");
    }
    Mapping entries = null;
    for (RecordComponent c : record.getRecordComponents()) {
      String name = nameOf(c);
      String childPath = path.isEmpty() ? name : path + "." + name;
      Key key = c.getAnnotation(Key.class);
      if (jackson(c, JsonAnySetter.class) != null) {
        entries = mapping(path + "." + IDENTITY, valueType(c));
      } else if (jackson(c, JsonUnwrapped.class) != null) {
        collect(path, c.getType(), key == null ? "" : key.doc(), settings, mappings);
      } else if (key == null) {
        mappings.put(name, mapping(childPath, c.getType()));
      } else {
        String doc = groupDoc.isEmpty() ? key.doc() : groupDoc + ": " + decapitalized(key.doc());
        boolean list = List.class.isAssignableFrom(c.getType());
        Class<?> type = list ? valueType(c) : c.getType();
        settings.put(name, new Setting(name, childPath, doc, key, type, list, null));
        if (key.sources() == Key.Sources.VALUE_ENV_OR_FILE) {
          settings.put(name + "Env", alternative(name, "Env", childPath,
              "the name of an environment variable holding it", key));
        }
        if (key.sources() != Key.Sources.VALUE) {
          settings.put(name + "File", alternative(name, "File", childPath,
              key.sources() == Key.Sources.VALUE_ENV_OR_FILE
                  ? "a file holding it (one trailing line break dropped)"
                  : "a file whose first line holds it", key));
        }
      }
    }
    return entries;
  }

  /** {@code passwordEnv}, {@code passwordFile}: another source of the value of {@code name}. */
  private static Setting alternative(String name, String suffix, String path, String what,
      Key key) {
    return new Setting(name + suffix, path + suffix, "instead of " + name + ": " + what, key,
        String.class, false, name);
  }

  /** "Password of..." as "password of...", but "PEM ..." kept. */
  private static String decapitalized(String text) {
    return text.length() > 1 && Character.isLowerCase(text.charAt(1))
        ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
  }

  private static String nameOf(RecordComponent c) {
    JsonProperty renamed = jackson(c, JsonProperty.class);
    return renamed == null || renamed.value().isEmpty() ? c.getName() : renamed.value();
  }

  /**
   * A Jackson annotation of a component: Jackson's annotations do not target record components,
   * so Java keeps them on the accessor (and field and constructor parameter) only.
   */
  private static <A extends java.lang.annotation.Annotation> A jackson(RecordComponent c,
      Class<A> type) {
    return c.getAccessor().getAnnotation(type);
  }

  /** The element type of a {@code List<T>}, or the value type of a {@code Map<String, T>}. */
  private static Class<?> valueType(RecordComponent c) {
    ParameterizedType generic = (ParameterizedType) c.getGenericType();
    java.lang.reflect.Type[] args = generic.getActualTypeArguments();
    return (Class<?>) args[args.length - 1];
  }
}
