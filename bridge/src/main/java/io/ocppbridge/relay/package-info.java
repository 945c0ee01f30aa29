/**
 * The central-system-initiated flow, free of transports: a CALL from the central system is
 * matched to the charger's session and OCPP version, validated and translated, sent through the
 * {@link io.ocppbridge.core.ChargerLink} to the charger's callback address (if the callback
 * policy allows it), and the charger's answer translated back.
 *
 * <p>May depend on {@code core}, {@code translate} and {@code session}; no transport.
 */
package io.ocppbridge.relay;
