package io.ocppbridge.corpus;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps corpus bodies in the envelopes chargers send: SOAP 1.2 with WS-Addressing 2005/08 (as
 * ocppjs does), SOAP 1.1 without addressing (as older chargers do); always with the
 * {@code chargeBoxIdentity} header of the body's OCPP version.
 */
final class Envelopes {

  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  private static final String WSA = "http://www.w3.org/2005/08/addressing";
  private static final Pattern OPERATION = Pattern.compile("<(?:[\\w.-]+:)?([a-z]\\w*)Request");

  private Envelopes() {}

  static String contentType(String soapVersion) {
    return "1.1".equals(soapVersion) ? "text/xml; charset=utf-8"
        : "application/soap+xml; charset=utf-8";
  }

  /**
   * The HTTP status of a fault: 400 for a SOAP 1.2 Sender fault (SOAP 1.2 part 2, 7.5.1.2), 500
   * for a Receiver fault and for every SOAP 1.1 fault.
   */
  static int faultStatus(String soapVersion, String faultCode) {
    return !"1.1".equals(soapVersion) && "Sender".equals(faultCode) ? 400 : 500;
  }

  static String envelopeNamespace(String soapVersion) {
    return "1.1".equals(soapVersion) ? SOAP11 : SOAP12;
  }

  /**
   * A Heartbeat of the given OCPP version over SOAP 1.2, naming {@code from} as the charger's
   * own SOAP server: how a charger registers before the central system can call it.
   */
  static String heartbeatFrom(String ocppVersion, String identity, String from) {
    String cs = csNamespace(ocppVersion);
    return "<s:Envelope xmlns:s=\"" + SOAP12 + "\" xmlns:cs=\"" + cs + "\" xmlns:wsa=\"" + WSA
        + "\"><s:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/Heartbeat</wsa:Action><wsa:MessageID>urn:uuid:" + UUID.randomUUID()
        + "</wsa:MessageID><wsa:From><wsa:Address>" + from + "</wsa:Address></wsa:From>"
        + "</s:Header><s:Body><cs:heartbeatRequest/></s:Body></s:Envelope>";
  }

  /** The CentralSystemService namespace of an OCPP version ("1.6"); 1.5's for anything else. */
  static String csNamespace(String ocppVersion) {
    return io.ocppbridge.core.OcppVersion.ofLabel(ocppVersion)
        .orElse(io.ocppbridge.core.OcppVersion.V1_5).centralSystemNamespace();
  }

  static String wrap(String soapVersion, String ocppVersion, String identity, String body) {
    String cs = csNamespace(ocppVersion);
    StringBuilder headers = new StringBuilder()
        .append("<cs:chargeBoxIdentity>").append(identity).append("</cs:chargeBoxIdentity>");
    if (!"1.1".equals(soapVersion)) {
      Matcher op = OPERATION.matcher(body);
      if (op.find()) {
        headers.append("<wsa:Action>/").append(Character.toUpperCase(op.group(1).charAt(0)))
            .append(op.group(1).substring(1)).append("</wsa:Action>");
      }
      headers.append("<wsa:MessageID>urn:uuid:").append(UUID.randomUUID())
          .append("</wsa:MessageID>");
    }
    return "<s:Envelope xmlns:s=\"" + envelopeNamespace(soapVersion) + "\" xmlns:cs=\"" + cs
        + "\" xmlns:wsa=\"" + WSA + "\"><s:Header>" + headers + "</s:Header><s:Body>" + body
        + "</s:Body></s:Envelope>";
  }
}
