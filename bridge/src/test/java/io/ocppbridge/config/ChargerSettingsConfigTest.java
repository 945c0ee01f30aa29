package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
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
        URI.create("http://10.0.0.7:9302/"), ZoneId.of("Europe/Amsterdam"), true, false));
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
    Files.writeString(file, "csms:\n  url: ws://127.0.0.1:9/o\nchargers:\n  CB1:\n    colour: red\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chargers.CB1.colour");
  }
}
