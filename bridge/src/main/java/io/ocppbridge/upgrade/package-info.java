/**
 * The upgrade profile (issue 9): presents an OCPP 1.2 or 1.5 SOAP charger to a central system as
 * an OCPP 1.6-J charger. It is a JSON-to-JSON layer between the ocppjs mapping of 1.2/1.5 (what
 * {@link io.ocppbridge.translate} produces from SOAP) and the OCPP 1.6 JSON payloads, in all four
 * directions: the charger's request and the central system's answer to it, the central system's
 * CALL and the charger's answer to it.
 *
 * <p>Entry point: {@link io.ocppbridge.upgrade.UpgradeProfile}. What cannot be carried over
 * losslessly follows one documented policy per case ({@link io.ocppbridge.upgrade.LossCase}) and
 * is reported through {@link io.ocppbridge.upgrade.LossRecorder}; nothing is dropped silently.
 * The state the translation needs (transactions per connector, for the 1.6 split of
 * {@code Occupied}) is kept per charger in {@link io.ocppbridge.upgrade.ConnectorStates}.
 * The facts behind each rule are those of the OCPP 1.6 specification (sections 4.2, 4.7, 4.9,
 * 5.x) and the project's mapping document; {@code docs/upgrade-profile.md} tabulates them.
 *
 * <p>May depend on {@code core}, Jackson's tree model and SLF4J; no transport (Netty, CXF,
 * Jetty), no JAXB.
 */
package io.ocppbridge.upgrade;
