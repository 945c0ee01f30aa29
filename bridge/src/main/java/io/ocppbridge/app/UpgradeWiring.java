package io.ocppbridge.app;

import io.ocppbridge.admin.BridgeMetrics;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.relay.Ocpp16Upgrade;
import io.ocppbridge.relay.Ocpp201Upgrade;
import io.ocppbridge.relay.RegistryProfileStates;
import io.ocppbridge.relay.UpgradeRelays;
import io.ocppbridge.schema.Ocpp16PayloadSchemas;
import io.ocppbridge.schema.Ocpp201PayloadSchemas;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.upgrade.Limits;
import io.ocppbridge.upgrade.LoggingLossRecorder;
import io.ocppbridge.upgrade.LossRecorder;
import io.ocppbridge.upgrade.PingIntervalSetting;
import io.ocppbridge.upgrade.UpgradeOptions;
import io.ocppbridge.upgrade.UpgradeProfile;
import io.ocppbridge.upgrade.v201.Ocpp201Profile;
import io.ocppbridge.ws.NettyCsmsLink;
import java.time.Clock;

/**
 * Builds the upgrade profiles of a bridge, OCPP 1.6 and OCPP 2.0.1: their losses are logged and
 * metered, and the WebSocket ping interval they report and change is the one of the charger's
 * link. The link is attached once it exists (it needs the relays, which need the profiles); the
 * 2.0.1 profile also sends on it what follows an answer (NotifyReport).
 */
final class UpgradeWiring implements PingIntervalSetting {

  private final Ocpp16Upgrade ocpp16;
  private final Ocpp201Upgrade ocpp201;
  private volatile NettyCsmsLink link;

  /**
   * @param schemas the bridge's payload schemas, whose 1.6 ones the profiles check with
   * @param sessions where each charger's profile state is kept (and so persisted)
   */
  UpgradeWiring(BridgeMetrics metrics, PayloadSchemas schemas, SessionRegistry sessions) {
    LoggingLossRecorder logged = new LoggingLossRecorder();
    LossRecorder losses = (lossCase, charger, detail) -> {
      logged.record(lossCase, charger, detail);
      metrics.lost(lossCase);
    };
    Ocpp16PayloadSchemas schemas16 = Ocpp16PayloadSchemas.of(schemas);
    RegistryProfileStates states = new RegistryProfileStates(sessions);
    this.ocpp16 = new Ocpp16Upgrade(new UpgradeProfile(losses, this, UpgradeOptions.DEFAULT,
        states), schemas16);
    this.ocpp201 = new Ocpp201Upgrade(
        new Ocpp201Profile(losses, this, Clock.systemUTC(), states),
        new UpgradeProfile(losses, this, UpgradeOptions.DEFAULT, states, Limits.TOWARD_OCPP201),
        Ocpp201PayloadSchemas.load(), schemas16);
  }

  UpgradeRelays relays() {
    return new UpgradeRelays(ocpp16, ocpp201);
  }

  void attach(NettyCsmsLink link) {
    this.link = link;
    ocpp201.attach(link);
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
