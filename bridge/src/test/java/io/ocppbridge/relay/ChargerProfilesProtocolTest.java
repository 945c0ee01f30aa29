package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.config.BridgeConfig;
import io.ocppbridge.config.ConfigException;
import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.OcppErrorCode;
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

  /**
   * Verifies that ocpp2.0.1 applies to every charger version, 1.6 included, with the 2.0.1
   * subprotocol and the 2.0.1 spelling of two error codes on its link.
   */
  @Test
  void ocpp201AppliesToEveryVersion() {
    ChargerProfiles profiles = new ChargerProfiles(ConfigLoader.fromValues(Map.of("csms.url",
        "ws://h/ocpp", "chargers.NEW.protocol", "ocpp2.0.1")).chargers(), CsmsProtocol.OCPP16);

    for (OcppVersion version : OcppVersion.values()) {
      assertThat(profiles.protocol(new ChargerId("NEW"), version))
          .isEqualTo(CsmsProtocol.OCPP201);
      assertThat(new ChargerContext(new ChargerId("NEW"), version,
          CsmsProtocol.OCPP201).subprotocol()).isEqualTo("ocpp2.0.1");
    }
    assertThat(profiles.protocol(new ChargerId("OTHER"), OcppVersion.V1_6))
        .isEqualTo(CsmsProtocol.NATIVE);
    assertThat(CsmsProtocol.OCPP201.errorCode(OcppErrorCode.FORMATION_VIOLATION))
        .isEqualTo("FormatViolation");
    assertThat(CsmsProtocol.OCPP201.errorCode(OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION))
        .isEqualTo("OccurrenceConstraintViolation");
    assertThat(CsmsProtocol.OCPP16.errorCode(OcppErrorCode.FORMATION_VIOLATION))
        .isEqualTo("FormationViolation");
    assertThat(OcppErrorCode.parse("FormatViolation")).hasValue(OcppErrorCode.FORMATION_VIOLATION);
    assertThat(OcppErrorCode.parse("RpcFrameworkError")).hasValue(OcppErrorCode.INTERNAL_ERROR);
  }

  /** Verifies that the environment variable sets it and a wrong value names the key. */
  @Test
  void environmentAndBadValues() {
    assertThat(ConfigLoader.fromValues(Map.of("csms.url", "ws://h/ocpp")).csms().protocol())
        .isEqualTo(CsmsProtocol.NATIVE);
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", "ws://h/ocpp",
        "csms.protocol", "ocpp2.1"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("csms.protocol")
        .hasMessageContaining("is not native, ocpp1.6 or ocpp2.0.1");
    assertThat(ConfigLoader.fromValues(Map.of("csms.url", "ws://h/ocpp", "csms.protocol",
        "ocpp2.0.1")).csms().protocol()).isEqualTo(CsmsProtocol.OCPP201);
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", "ws://h/ocpp",
        "chargers.CB1.protocol", "1.6"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("chargers.CB1.protocol");
  }
}
