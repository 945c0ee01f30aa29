package io.ocppbridge.config;

import java.time.Duration;

/**
 * How the bridge keeps charger sessions.
 *
 * @param presenceFactor a charger silent for this many heartbeat intervals is offline: its
 *     WebSocket is closed (normal closure) until its next request ({@code sessions.presenceFactor},
 *     default 3)
 * @param presenceFloor the shortest presence window, and the window of a charger whose
 *     heartbeat interval is unknown ({@code sessions.presenceFloor}, default 30 min)
 */
public record SessionsConfig(double presenceFactor, Duration presenceFloor) {}
