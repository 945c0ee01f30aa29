package io.ocppbridge.session;

/**
 * How a charger speaks SOAP, so that calls to it use the same form.
 *
 * @param soapVersion "1.1" or "1.2"
 * @param addressingNamespace the WS-Addressing namespace it used, or null for none
 */
public record SoapDialect(String soapVersion, String addressingNamespace) {}
