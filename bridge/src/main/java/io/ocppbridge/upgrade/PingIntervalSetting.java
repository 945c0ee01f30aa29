package io.ocppbridge.upgrade;

import io.ocppbridge.core.ChargerId;

/**
 * Port: the WebSocket ping interval of one charger's link to the central system, which the bridge
 * owns (OCPP-J 1.6 section 7, configuration key {@code WebSocketPingInterval}). The bridge's
 * WebSocket edge implements it; the upgrade profile reads and sets it when the central system
 * asks through GetConfiguration or ChangeConfiguration, instead of asking the SOAP charger, which
 * has no WebSocket.
 */
public interface PingIntervalSetting {

  /** Seconds between pings on this charger's link; 0 when the bridge does not ping. */
  int pingIntervalSeconds(ChargerId charger);

  /**
   * Sets the interval for this charger's link from now on.
   *
   * @param seconds 0 to stop pinging, else the seconds between pings (never negative)
   */
  void changePingInterval(ChargerId charger, int seconds);
}
