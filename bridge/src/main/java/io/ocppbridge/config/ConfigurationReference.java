package io.ocppbridge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code docs/configuration.md} from the key table ({@link ConfigKey}), so that the page
 * lists exactly the keys the records declare, with their defaults, environment variables and
 * meanings. {@code ConfigurationReferenceTest} fails while the committed page differs.
 *
 * <p>Run from the repository root: {@code java -cp bridge/target/ocpp-soap-bridge.jar
 * io.ocppbridge.config.ConfigurationReference docs/configuration.md}.
 */
public final class ConfigurationReference {

  private ConfigurationReference() {}

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
    Files.writeString(target, markdown(), StandardCharsets.UTF_8);
    System.out.println("wrote " + target);
  }

  /** The page's text (LF line ends, one newline at the end). */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("""
        # Configuration reference

        <!-- Generated from the configuration records by
             io.ocppbridge.config.ConfigurationReference: edit their @Key annotations, not this
             page; ConfigurationReferenceTest keeps both equal. -->

        The bridge reads a YAML file (`run --config FILE`; `config/bridge.yaml` is a commented
        example), laid over the defaults below, and then `BRIDGE_*` environment variables, each
        overriding the one before: default < file < environment. `check-config FILE` prints the
        effective value of every key, secrets masked, and exits 0, or 2 with the problem.

        - **Environment variables**: `BRIDGE_` and the key in upper case, dots and camel-case humps
          turned into underscores (`csms.callTimeout` → `BRIDGE_CSMS_CALL_TIMEOUT`). A list is
          written comma-separated (`BRIDGE_CALLBACKS_ALLOWED_NETWORKS=10.0.0.0/8,192.168.1.7`).
          Per-charger settings exist only in the file: identities may contain characters a
          variable's name cannot.
        - **Durations**: `500ms`, `30s`, `2m`, `1h` or ISO-8601 (`PT30S`); positive unless the key
          says 0 turns something off.
        - **Booleans**: `true`/`yes`, `false`/`no`.
        - **Secrets** (masked by `check-config`): a password is given as the key itself, or as
          `…Env` (the name of an environment variable holding it) or `…File` (a file holding
          it), at most one of them.
        - **Refusals**: an unknown key (the nearest known one is suggested) or a bad value stops
          the bridge with one line naming the key and the value; exit code 2.
        - **Chargers**: `chargers.<identity>` holds one charger's settings. An identity listed with
          no settings (`CB-1: {}`, or `CB-1:` alone) is configured with every default, which is
          how it is admitted under `chargers.allowUnknown: false`.
        - Logs are configured apart from these keys: `BRIDGE_LOG_FORMAT=json` (or
          `-Dbridge.log.format=json`) writes one JSON object per line.
        """);
    String section = null;
    for (ConfigKey key : ConfigKey.ALL) {
      String first = key.path().substring(0, key.path().indexOf('.'));
      if (!first.equals(section)) {
        section = first;
        md.append("\n## `").append(section).append("`\n\n");
        header(md, true);
      }
      row(md, key, true);
    }
    md.append("\n## `chargers.<identity>`\n\n");
    md.append("Settings of one charger; each unset one falls back as its meaning says.\n\n");
    header(md, false);
    for (ConfigKey key : ConfigKey.PER_CHARGER) {
      row(md, key, false);
    }
    return md.toString();
  }

  private static void header(StringBuilder md, boolean env) {
    md.append(env ? "| key | default | environment variable | meaning |\n|---|---|---|---|\n"
        : "| key | default | meaning |\n|---|---|---|\n");
  }

  private static void row(StringBuilder md, ConfigKey key, boolean env) {
    md.append("| `").append(key.path()).append("` | ").append(shownDefault(key)).append(" | ");
    if (env) {
      md.append('`').append(key.envName()).append("` | ");
    }
    md.append(cell(meaning(key))).append(" |\n");
  }

  private static String shownDefault(ConfigKey key) {
    if (key.defaultValue() == null) {
      return "—";
    }
    if (key.defaultValue().isEmpty()) {
      return key.list() ? "`[]`" : "—";
    }
    return "`" + key.defaultValue() + "`";
  }

  private static String meaning(ConfigKey key) {
    StringBuilder text = new StringBuilder(key.doc());
    if (text.charAt(text.length() - 1) != '.') {
      text.append('.');
    }
    if (key.min() != Double.NEGATIVE_INFINITY || key.max() != Double.POSITIVE_INFINITY) {
      text.append(" From ").append(number(key.min())).append(" to ").append(number(key.max()))
          .append('.');
    }
    if (key.list()) {
      text.append(" A list.");
    }
    if (key.secret()) {
      text.append(" Secret: masked by check-config.");
    }
    return text.toString();
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }
}
