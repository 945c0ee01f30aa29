package io.ocppbridge.app;

import io.ocppbridge.admin.BridgeMetrics;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.relay.Ocpp16Upgrade;
import io.ocppbridge.relay.RegistryProfileStates;
import io.ocppbridge.schema.Ocpp16PayloadSchemas;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.upgrade.LoggingLossRecorder;
import io.ocppbridge.upgrade.LossRecorder;
import io.ocppbridge.upgrade.PingIntervalSetting;
import io.ocppbridge.upgrade.UpgradeOptions;
import io.ocppbridge.upgrade.UpgradeProfile;
import io.ocppbridge.ws.NettyCsmsLink;

/**
 * Builds the OCPP 1.6 upgrade profile for a bridge: its losses are logged and metered, and the
 * WebSocket ping interval it reports and changes is the one of the charger's link. The link is
 * attached once it exists (it needs the relays, which need the profile).
 */
final class UpgradeWiring implements PingIntervalSetting {

  private final Ocpp16Upgrade upgrade;
  private volatile NettyCsmsLink link;

  /**
   * @param schemas the bridge's payload schemas, whose 1.6 ones the profile checks with
   * @param sessions where each charger's profile state is kept (and so persisted)
   */
  UpgradeWiring(BridgeMetrics metrics, PayloadSchemas schemas, SessionRegistry sessions) {
    LoggingLossRecorder logged = new LoggingLossRecorder();
    LossRecorder losses = (lossCase, charger, detail) -> {
      logged.record(lossCase, charger, detail);
      metrics.lost(lossCase);
    };
    this.upgrade = new Ocpp16Upgrade(new UpgradeProfile(losses, this, UpgradeOptions.DEFAULT,
        new RegistryProfileStates(sessions)),
        Ocpp16PayloadSchemas.of(schemas));
  }

  Ocpp16Upgrade upgrade() {
    return upgrade;
  }

  void attach(NettyCsmsLink link) {
    this.link = link;
  }

  @Override
  public int pingIntervalSeconds(ChargerId charger) {
    NettyCsmsLink current = link;
    return current == null ? 0 : current.pingIntervalSeconds(charger);
  }

  @Override
  public void changePingInterval(ChargerId charger, int seconds) {
    NettyCsmsLink current = link;
    if (current != null) {
      current.changePingInterval(charger, seconds);
    }
  }
}
