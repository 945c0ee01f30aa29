package io.ocppbridge.config;

import java.time.Duration;

/**
 * How the bridge keeps charger sessions ({@code sessions.*}).
 *
 * @param presenceFactor a charger silent for this many heartbeat intervals is offline: its
 *     WebSocket is closed (normal closure) until its next request
 * @param presenceFloor the shortest presence window, and the window of a charger whose
 *     heartbeat interval is unknown
 * @param store where the charger registry is kept: a file path for the embedded H2 database
 *     (relative to the working directory), or {@code memory} for none
 * @param flushInterval how often registry changes are written; a {@code kill -9} loses at most
 *     this much
 */
public record SessionsConfig(
    @Key(defaultValue = "3", min = 1, max = 100,
        doc = "A charger silent for this many heartbeat intervals (from its BootNotification"
            + " answer) is offline: its WebSocket is closed until its next request.")
    double presenceFactor,
    @Key(defaultValue = "30m",
        doc = "The shortest presence window, and the window of a charger whose heartbeat"
            + " interval is unknown.")
    Duration presenceFloor,
    @Key(defaultValue = "data/registry",
        doc = "The charger registry: a file path for the embedded H2 database (relative to the"
            + " working directory), or memory to keep nothing across restarts.")
    String store,
    @Key(defaultValue = "1s",
        doc = "How often registry changes are written; a kill -9 loses at most this much.")
    Duration flushInterval) {

  /** The {@code sessions.store} value that keeps nothing across restarts. */
  public static final String MEMORY = "memory";
}
