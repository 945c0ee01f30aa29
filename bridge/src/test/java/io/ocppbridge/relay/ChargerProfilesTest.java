package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.OcppVersion;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the configured protocol applies per charger version. */
class ChargerProfilesTest {

  private static final ChargerId UPGRADED = new ChargerId("CB-UP");
  private static final ChargerId OTHER = new ChargerId("CB-OTHER");

  private final ChargerProfiles profiles = new ChargerProfiles(new ChargersConfig(
      Duration.ofSeconds(30), Map.of(UPGRADED.value(), new ChargersConfig.ChargerSettings(
          null, null, false, false, null, null, null, java.util.List.of(), null,
          CsmsProtocol.OCPP16, null, null)), true), CsmsProtocol.OCPP16);

  /** Verifies that 1.2 and 1.5 chargers get the upgrade profile, globally or per charger. */
  @Test
  void upgradesOlderVersions() {
    assertThat(profiles.protocol(UPGRADED, OcppVersion.V1_5)).isEqualTo(CsmsProtocol.OCPP16);
    assertThat(profiles.protocol(OTHER, OcppVersion.V1_2)).isEqualTo(CsmsProtocol.OCPP16);
  }

  /** Verifies that a 1.6 charger is always native, whatever is configured. */
  @Test
  void presentsA16ChargerNatively() {
    assertThat(profiles.protocol(UPGRADED, OcppVersion.V1_6)).isEqualTo(CsmsProtocol.NATIVE);
    assertThat(profiles.protocol(OTHER, OcppVersion.V1_6)).isEqualTo(CsmsProtocol.NATIVE);
    assertThat(CsmsProtocol.NATIVE.subprotocol(OcppVersion.V1_6)).isEqualTo("ocpp1.6");
  }
}
