package io.ocppbridge.soap;

/**
 * What the interceptors learned of a charger's SOAP request before the endpoint sees its body.
 *
 * @param chargeBoxIdentity the header's text, or null when absent
 * @param soapVersion "1.1" or "1.2"
 * @param addressingNamespace the WS-Addressing namespace used, or null for none
 * @param from the {@code wsa:From} address, or null
 * @param replyTo the original {@code wsa:ReplyTo} address, or null
 * @param peerAddress the IP address the request came from
 */
record InboundSoapRequest(String chargeBoxIdentity, String soapVersion,
    String addressingNamespace, String from, String replyTo, String peerAddress) {}
