package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.config.BridgeConfig;
import io.ocppbridge.config.ConfigException;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.OcppVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dialect each charger is presented in: csms.protocol, overridden per charger. */
class ChargerProfilesProtocolTest {

  /** Verifies that the global switch applies unless a charger says otherwise. */
  @Test
  void perChargerProtocolOverridesTheGlobalOne(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bridge.yaml"), """
        csms:
          url: ws://127.0.0.1:9000/ocpp
          protocol: ocpp1.6
        chargers:
          OLD.1:
            protocol: native
        """);
    BridgeConfig config = ConfigLoader.load(file, Map.of());
    ChargerProfiles profiles = new ChargerProfiles(config.chargers(), config.csms().protocol());
    assertThat(profiles.protocol(new ChargerId("CB1"), OcppVersion.V1_5)).isEqualTo(CsmsProtocol.OCPP16);
    assertThat(profiles.protocol(new ChargerId("OLD.1"), OcppVersion.V1_5)).isEqualTo(CsmsProtocol.NATIVE);
    assertThat(CsmsProtocol.OCPP16.subprotocol(OcppVersion.V1_2)).isEqualTo("ocpp1.6");
    assertThat(CsmsProtocol.NATIVE.subprotocol(OcppVersion.V1_2)).isEqualTo("ocpp1.2");
  }

  /** Verifies that the environment variable sets it and a wrong value names the key. */
  @Test
  void environmentAndBadValues() {
    assertThat(ConfigLoader.fromValues(Map.of("csms.url", "ws://h/ocpp")).csms().protocol())
        .isEqualTo(CsmsProtocol.NATIVE);
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", "ws://h/ocpp",
        "csms.protocol", "ocpp2.1"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("csms.protocol")
        .hasMessageContaining("not one of [native, ocpp1.6, ocpp2.0.1]");
    assertThat(ConfigLoader.fromValues(Map.of("csms.url", "ws://h/ocpp", "csms.protocol",
        "ocpp2.0.1")).csms().protocol()).isEqualTo(CsmsProtocol.OCPP201);
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", "ws://h/ocpp",
        "chargers.CB1.protocol", "1.6"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("chargers.CB1.protocol");
  }
}
