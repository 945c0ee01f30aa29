/**
 * Charger sessions: what the bridge knows of each charger (version, SOAP dialect, callback
 * address, last contact), and the per-charger call queue that keeps one CALL outstanding toward
 * the central system (OCPP-J 1.6 section 4.1.1) with a bounded wait and a timeout for each call.
 *
 * <p>The registry is kept through JDBC only ({@code JdbcChargerStore}; the embedded H2 driver is a
 * runtime dependency), written behind the flow ({@code WriteBehindStore}).
 *
 * <p>May depend on {@code core}, {@code config} (the callback policy and per-charger settings),
 * Caffeine, JDBC and SLF4J; no transport.
 */
package io.ocppbridge.session;
