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
 * @param store where the charger registry is kept: a file path for the embedded H2 database
 *     ({@code sessions.store}, default {@code data/registry}, relative to the working directory),
 *     or {@code memory} for none
 * @param flushInterval how often registry changes are written; a {@code kill -9} loses at most
 *     this much ({@code sessions.flushInterval}, default 1 s)
 */
public record SessionsConfig(double presenceFactor, Duration presenceFloor, String store,
    Duration flushInterval) {

  /** The {@code sessions.store} value that keeps nothing across restarts. */
  public static final String MEMORY = "memory";
}
