package io.ocppbridge.relay;

/**
 * What the SOAP edge learned of a charger's request besides its body: its headers, the SOAP
 * dialect it speaks and where it came from.
 *
 * @param chargeBoxIdentity the header's text, or null when absent
 * @param soapVersion "1.1" or "1.2"
 * @param addressingNamespace the WS-Addressing namespace used, or null for none
 * @param from the {@code wsa:From} address, or null
 * @param replyTo the original {@code wsa:ReplyTo} address, or null
 * @param peerAddress the IP address the request came from
 * @param quirks the named quirks (from {@code QuirkCounter}) the SOAP edge accepted in it
 */
public record ChargerRequestInfo(String chargeBoxIdentity, String soapVersion,
    String addressingNamespace, String from, String replyTo, String peerAddress,
    java.util.Set<String> quirks) {

  public ChargerRequestInfo {
    quirks = quirks == null ? java.util.Set.of() : java.util.Set.copyOf(quirks);
  }
}
