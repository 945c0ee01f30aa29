package io.ocppbridge.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One documented configuration key as operators see it: its dotted path, default, meaning, and
 * the environment variable that overrides it. The list is read from the configuration records
 * ({@link ConfigSchema}); {@code docs/configuration.md} is generated from it.
 *
 * @param path dotted path ({@code csms.callTimeout}; per charger {@code
 *     chargers.<identity>.timezone})
 * @param defaultValue the default as written in a file, or null when it has none
 * @param doc one-line meaning
 * @param list whether the value is a list (comma-separated in an environment variable)
 * @param secret whether the value is masked wherever the configuration is shown
 * @param perCharger whether it is a per-charger setting (no environment variable)
 * @param min the smallest number allowed (negative infinity when unbounded or not a number)
 * @param max the largest number allowed (positive infinity when unbounded or not a number)
 */
record ConfigKey(String path, String defaultValue, String doc, boolean list, boolean secret,
    boolean perCharger, double min, double max) {

  /** Every key of the file but the per-charger settings, in the order the records declare them. */
  static final List<ConfigKey> ALL = keys(ConfigSchema.ROOT, false);

  /** The settings of one charger, under {@code chargers.<identity>}. */
  static final List<ConfigKey> PER_CHARGER = keys(ConfigSchema.ROOT.mappings().get("chargers")
      .entries(), true);

  /**
   * The overriding environment variable: {@code BRIDGE_} then the path in upper case, dots and
   * camel-case humps turned into underscores ({@code csms.callTimeout} → {@code
   * BRIDGE_CSMS_CALL_TIMEOUT}); null for a per-charger setting, which has none.
   */
  String envName() {
    if (perCharger) {
      return null;
    }
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

  private static List<ConfigKey> keys(ConfigSchema.Mapping mapping, boolean perCharger) {
    List<ConfigKey> keys = new ArrayList<>();
    collect(mapping, perCharger, keys);
    return List.copyOf(keys);
  }

  private static void collect(ConfigSchema.Mapping mapping, boolean perCharger,
      List<ConfigKey> out) {
    for (ConfigSchema.Setting s : mapping.settings().values()) {
      boolean number = s.sourceOf() == null;
      out.add(new ConfigKey(s.path(), s.defaultValue(), s.doc(), s.list(), s.secret(),
          perCharger, number ? s.key().min() : Double.NEGATIVE_INFINITY,
          number ? s.key().max() : Double.POSITIVE_INFINITY));
    }
    for (ConfigSchema.Mapping nested : mapping.mappings().values()) {
      collect(nested, perCharger, out);
    }
  }
}
