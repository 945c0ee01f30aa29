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
