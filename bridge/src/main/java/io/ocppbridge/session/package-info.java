/**
 * Charger sessions: what the bridge knows of each charger (version, SOAP dialect, callback
 * address, last contact), and the per-charger call queue that keeps one CALL outstanding toward
 * the central system (OCPP-J 1.6 section 4.1.1) with a bounded wait and a timeout for each call.
 *
 * <p>May depend on {@code core}, Caffeine and JDBC; no transport.
 */
package io.ocppbridge.session;
