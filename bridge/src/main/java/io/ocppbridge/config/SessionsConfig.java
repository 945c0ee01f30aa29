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
 *     (relative to the working directory), a {@code jdbc:postgresql://} URL for a registry that
 *     several bridge nodes share, or {@code memory} for none
 * @param flushInterval how often registry changes are written; a {@code kill -9} loses at most
 *     this much
 * @param maxChargers chargers held at once (each present charger holds one WebSocket to the
 *     central system); a charger not present beyond it is refused with a "try later" fault
 * @param newIdentityBurst identities never seen before that one source address may introduce
 *     at once
 * @param newIdentityRate identities never seen before that one source address may introduce
 *     per minute, after the burst
 * @param unacceptedWindow how long the session of a charger the central system never accepted
 *     (no answer yet: refused handshake, closed at once) is kept after its last request
 * @param restoreWindow at a restart, the reopening of the known chargers' WebSockets is spread
 *     over this long
 * @param descriptorUse the share of the process's open-file limit beyond which new chargers are
 *     refused (the rest is left for SOAP connections and the registry)
 * @param storeUser the PostgreSQL user name, or null ({@code storeUser}, {@code storeUserEnv},
 *     {@code storeUserFile})
 * @param storePassword the PostgreSQL password, or null ({@code storePassword},
 *     {@code storePasswordEnv}, {@code storePasswordFile})
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
            + " working directory), a jdbc:postgresql://host:port/db URL for a registry several"
            + " bridge nodes share (docs/cluster.md), or memory to keep nothing across restarts.")
    String store,
    @Key(defaultValue = "1s",
        doc = "How often registry changes are written; a kill -9 loses at most this much.")
    Duration flushInterval,
    @Key(defaultValue = "20000", min = 1, max = 10_000_000,
        doc = "Chargers held at once, each with its WebSocket to the central system; beyond it a"
            + " charger not present now is refused with a Receiver fault saying to try later.")
    int maxChargers,
    @Key(defaultValue = "20", min = 1, max = 1_000_000,
        doc = "Identities never seen before that one source address may introduce at once.")
    int newIdentityBurst,
    @Key(defaultValue = "60", min = 0.01, max = 1_000_000,
        doc = "Identities never seen before that one source address may introduce per minute"
            + " after the burst; the excess is refused with a Receiver fault saying to try later.")
    double newIdentityRate,
    @Key(defaultValue = "2m",
        doc = "A charger the central system has not accepted yet (no answer: handshake refused,"
            + " connection closed at once) is dropped this long after its last request, and is"
            + " never written to the registry.")
    Duration unacceptedWindow,
    @Key(defaultValue = "30s", zeroMeansOff = true,
        doc = "At a restart, the WebSockets of the known chargers are reopened spread over this"
            + " long instead of all at once (0: at once, still within csms.handshakeRate).")
    Duration restoreWindow,
    @Key(defaultValue = "0.8", min = 0.1, max = 0.99,
        doc = "Share of the process's open-file limit beyond which new chargers are refused"
            + " (the rest stays for SOAP connections and the registry).")
    double descriptorUse,
    @Key(sources = Key.Sources.VALUE_ENV_OR_FILE,
        doc = "User name for a PostgreSQL registry (sessions.store jdbc:postgresql://...).")
    Secret storeUser,
    @Key(sources = Key.Sources.VALUE_ENV_OR_FILE,
        doc = "Password for a PostgreSQL registry (sessions.store jdbc:postgresql://...).")
    Secret storePassword) {

  /** The {@code sessions.store} value that keeps nothing across restarts. */
  public static final String MEMORY = "memory";

  /** How a {@code sessions.store} URL of a PostgreSQL registry begins. */
  public static final String POSTGRESQL = "jdbc:postgresql://";

  public SessionsConfig {
    if (store != null && store.startsWith("jdbc:") && !store.startsWith(POSTGRESQL)) {
      throw new InvalidSetting("store", "'" + store.substring(0, Math.min(store.length(),
          store.indexOf(':', 5) < 0 ? store.length() : store.indexOf(':', 5)))
          + ":...' is not supported: give a file path (embedded H2), a " + POSTGRESQL
          + " URL, or memory");
    }
    if ((storeUser != null || storePassword != null) && !isPostgresql(store)) {
      throw new InvalidSetting(storeUser != null ? "storeUser" : "storePassword",
          "is only used with a " + POSTGRESQL + " sessions.store");
    }
  }

  /** True when the registry is a PostgreSQL server shared by several nodes. */
  public boolean isPostgresql() {
    return isPostgresql(store);
  }

  private static boolean isPostgresql(String store) {
    return store != null && store.startsWith(POSTGRESQL);
  }
}
