/**
 * Both flows, free of transports. Charger-initiated
 * ({@link io.ocppbridge.relay.ChargerRequestRelay}): the charger's request is recognised, validated and translated, what it says about the charger
 * recorded in its session, sent to the central system through the
 * {@link io.ocppbridge.core.CsmsLink}, and the answer translated back. Central-system-initiated
 * ({@link io.ocppbridge.relay.CentralSystemCallRelay}): a CALL is matched to the charger's session
 * and OCPP version, validated and translated, sent through the
 * {@link io.ocppbridge.core.ChargerLink} to the charger's callback address (if the callback policy
 * allows it), and the charger's answer translated back. Chargers presented through the upgrade
 * profile pass through {@link io.ocppbridge.relay.Ocpp16Upgrade} on the way.
 *
 * <p>May depend on {@code core}, {@code config} (per-charger settings), {@code logging},
 * {@code schema}, {@code session}, {@code translate}, {@code upgrade}, Jackson's tree model and
 * SLF4J (and the JDK's DOM, the form SOAP payloads take at the ports); no transport, no
 * JAXB.
 */
package io.ocppbridge.relay;
