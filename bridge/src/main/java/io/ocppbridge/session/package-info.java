/**
 * Charger sessions: what the bridge knows of each charger (version, SOAP dialect, callback
 * address, last contact), and the per-charger call queue that keeps one CALL outstanding toward
 * the central system (OCPP-J 1.6 section 4.1.1) with a bounded wait and a timeout for each call.
 *
 * <p>The registry ({@link io.ocppbridge.session.JdbcChargerStore}) keeps one row per charger,
 * through JDBC only (the embedded H2 driver is a runtime dependency), written behind the flow
 * ({@code WriteBehindStore}); its tables are created and upgraded by Flyway
 * ({@link io.ocppbridge.session.RegistrySchema}) from {@code db/registry/V*.sql}. A change of
 * columns is a new script, never an edit of an old one. A registry that several bridge nodes share
 * lives on PostgreSQL ({@link io.ocppbridge.session.RegistryDatabase}: a HikariCP pool), with the
 * same scripts.
 *
 * <p>A session is <em>accepted</em> once the central system answered one of the charger's
 * requests (or the registry knew it): only accepted chargers are written to the registry and kept
 * for their whole presence window; the others are kept for {@code sessions.unacceptedWindow}
 * ({@link io.ocppbridge.session.PresenceTracker}), so invented identities leave nothing behind.
 *
 * <p>May depend on {@code core}, {@code config} (the callback policy and per-charger settings),
 * Caffeine, JDBC, Flyway, HikariCP and SLF4J; no transport.
 */
package io.ocppbridge.session;
