package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-charger settings under {@code chargers.<identity>}, identities with dots included. */
class ChargerSettingsConfigTest {

  /** Verifies that every per-charger setting is read, for an identity containing dots. */
  @Test
  void readsEverySettingOfADottedIdentity(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, """
        csms:
          url: ws://127.0.0.1:9/ocpp
        chargers:
          callTimeout: 20s
          gir.vat.mx.000e48:
            callbackUrl: http://10.0.0.7:9302/
            timezone: Europe/Amsterdam
            localTime: true
        """);

    ChargersConfig chargers = ConfigLoader.load(file, Map.of()).chargers();

    assertThat(chargers.callTimeout()).hasSeconds(20);
    assertThat(chargers.of("gir.vat.mx.000e48")).contains(new ChargersConfig.ChargerSettings(
        URI.create("http://10.0.0.7:9302/"), ZoneId.of("Europe/Amsterdam"), true, false, null,
        null, null, List.of(), null, null, null, null));
    assertThat(chargers.of("other")).isEmpty();
  }

  /** Verifies that a bad time zone is refused naming the charger's key. */
  @Test
  void refusesAnUnknownTimeZone() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", "ws://127.0.0.1:9/o",
        "chargers.CB1.timezone", "Mars/Olympus")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chargers.CB1.timezone")
        .hasMessageContaining("Mars/Olympus");
  }

  /** Verifies that an unknown per-charger setting is refused, listing the known ones. */
  @Test
  void refusesAnUnknownPerChargerSetting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file,
        "csms:\n  url: ws://127.0.0.1:9/o\nchargers:\n  CB1:\n    colour: red\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chargers.CB1.colour");
  }

  /**
   * Verifies that a charger listed with no settings ({@code CB-1: {}}, or {@code CB-2:} with
   * nothing after it) is configured with every default, so that {@code allowUnknown: false}
   * serves it: the access check admits it and refuses an identity not listed.
   */
  @Test
  void aChargerWithNoSettingsIsConfiguredWithDefaults(@TempDir Path dir) throws Exception {
    // GIVEN a file listing CB-1 with an empty mapping and CB-2 with nothing, unknown refused
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, """
        csms:
          url: ws://127.0.0.1:9/ocpp
        chargers:
          allowUnknown: false
          CB-1: {}
          CB-2:
        """);

    // WHEN it is loaded
    ChargersConfig chargers = ConfigLoader.load(file, Map.of()).chargers();

    // THEN both are configured, each setting at its default
    ChargersConfig.ChargerSettings defaults = new ChargersConfig.ChargerSettings(null, null,
        false, false, null, null, null, List.of(), null, null, null, null);
    assertThat(chargers.of("CB-1")).contains(defaults);
    assertThat(chargers.of("CB-2")).contains(defaults);
    // AND the SOAP edge's access check serves them and no one else
    io.ocppbridge.access.ChargerAccess access = new io.ocppbridge.access.ChargerAccess(chargers, 0);
    assertThatCode(() -> access.admit("CB-1", "10.0.0.1", java.util.Optional.empty()))
        .doesNotThrowAnyException();
    assertThatCode(() -> access.admit("CB-2", "10.0.0.1", java.util.Optional.empty()))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> access.admit("CB-3", "10.0.0.1", java.util.Optional.empty()))
        .isInstanceOf(io.ocppbridge.access.AccessRefused.class);
  }

  /** Verifies that a per-charger entry that is a single value is refused, naming the charger. */
  @Test
  void refusesAChargerEntryThatIsNotAMapping(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, "csms:\n  url: ws://127.0.0.1:9/o\nchargers:\n  CB1: yes\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chargers.CB1")
        .hasMessageContaining("CB1: {}");
  }

  /** Verifies that a misspelt per-charger setting is refused with the nearest known one. */
  @Test
  void suggestsTheNearestPerChargerSetting() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", "ws://127.0.0.1:9/o",
        "chargers.CB1.timeZone", "UTC")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown configuration key 'chargers.CB1.timeZone'")
        .hasMessageContaining("did you mean 'chargers.CB1.timezone'?");
  }
}
