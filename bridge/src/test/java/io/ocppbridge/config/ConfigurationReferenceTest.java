package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} equal to what {@link ConfigurationReference} generates from
 * the configuration records, and {@code config/bridge.yaml} a valid example.
 * {@code -Dbridge.regenerate=true} rewrites the page instead of failing.
 */
class ConfigurationReferenceTest {

  private static final Path PAGE = Path.of("..", "docs", "configuration.md");
  private static final Path EXAMPLE = Path.of("..", "config", "bridge.yaml");

  // Verifies that the committed reference lists exactly what the key table says.
  @Test
  void committedReferenceIsWhatTheRecordsDeclare() throws Exception {
    // GIVEN the page generated from the records
    String generated = ConfigurationReference.markdown();
    if (Boolean.getBoolean("bridge.regenerate")) {
      Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
    }

    // WHEN it is compared with the committed one
    String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";

    // THEN they are equal
    assertThat(committed)
        .withFailMessage("docs/configuration.md is out of date; regenerate it with\n"
            + "  mvn -B -q -pl bridge test -Dtest=ConfigurationReferenceTest"
            + " -Dbridge.regenerate=true")
        .isEqualTo(generated);
  }

  // Verifies that every key appears in the reference with its environment variable and default.
  @Test
  void referenceNamesEveryKeyWithItsVariableAndDefault() {
    // GIVEN the generated page
    String page = ConfigurationReference.markdown();

    // WHEN / THEN each key's row carries its name, variable and default
    for (ConfigKey key : ConfigKey.ALL) {
      String row = page.lines().filter(l -> l.startsWith("| `" + key.path() + "` |"))
          .findFirst().orElseThrow(() -> new AssertionError(key.path() + " has no row"));
      assertThat(row).contains("`" + key.envName() + "`");
      if (key.defaultValue() != null && !key.defaultValue().isEmpty()) {
        assertThat(row).contains("`" + key.defaultValue() + "`");
      }
    }
    for (ConfigKey key : ConfigKey.PER_CHARGER) {
      assertThat(page).contains("| `" + key.path() + "` |");
    }
  }

  // Verifies that the example configuration loads as it stands.
  @Test
  void exampleFileIsValid() {
    // GIVEN / WHEN the example configuration is loaded with an empty environment
    BridgeConfig config = ConfigLoader.load(EXAMPLE, Map.of());

    // THEN it is valid and sets what it shows
    assertThat(config.soap().port()).isEqualTo(8080);
    assertThat(config.csms().url()).hasToString("ws://127.0.0.1:9000/ocpp");
  }
}
