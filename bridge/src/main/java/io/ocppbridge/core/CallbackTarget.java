package io.ocppbridge.core;

import java.net.URI;

/**
 * Where and how to reach a charger's own SOAP server.
 *
 * @param id the charger
 * @param version its OCPP version
 * @param soapVersion "1.1" or "1.2", as the charger itself speaks
 * @param addressingNamespace the WS-Addressing namespace it uses (null: it sent none)
 * @param address the URL to post to (host pinned to the address the policy checked)
 * @param advertised the URL as the charger named it, for {@code wsa:To}
 */
public record CallbackTarget(ChargerId id, OcppVersion version, String soapVersion,
    String addressingNamespace, URI address, String advertised) {}
