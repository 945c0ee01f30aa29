package io.ocppbridge.soap;

import io.ocppbridge.core.OcppException;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.soap.SOAPFaultException;
import javax.xml.namespace.QName;

/**
 * Builds the SOAP fault a charger receives for an OCPP error, in the SOAP version of its request:
 * <ul>
 *   <li>SOAP 1.2: Code {@code Sender} or {@code Receiver}, Subcode the OCPP code as a QName in the
 *       operation's namespace (the convention of ocppjs and SteVe), Reason the description;
 *   <li>SOAP 1.1: faultcode {@code Client} or {@code Server}, faultstring the description, and the
 *       OCPP code as {@code <errorCode>} in the detail, in the operation's namespace.
 * </ul>
 */
final class SoapFaults {

  private static final SOAPFactory SOAP11 = factory(SOAPConstants.SOAP_1_1_PROTOCOL);
  private static final SOAPFactory SOAP12 = factory(SOAPConstants.SOAP_1_2_PROTOCOL);

  private SoapFaults() {}

  static SOAPFaultException toFault(OcppException e, String soapVersion, String ocppNamespace) {
    String reason = printable(e.description());
    try {
      SOAPFault fault;
      QName ocppCode = new QName(ocppNamespace, e.code().wireName(), "tns");
      if ("1.2".equals(soapVersion)) {
        fault = SOAP12.createFault(reason, e.code().isSenderFault()
            ? SOAPConstants.SOAP_SENDER_FAULT : SOAPConstants.SOAP_RECEIVER_FAULT);
        fault.appendFaultSubcode(ocppCode);
      } else {
        fault = SOAP11.createFault(reason, new QName(
            SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE,
            e.code().isSenderFault() ? "Client" : "Server", "soap"));
        Detail detail = fault.addDetail();
        detail.addDetailEntry(new QName(ocppNamespace, "errorCode", "tns"))
            .addTextNode(e.code().wireName());
      }
      return new SOAPFaultException(fault);
    } catch (SOAPException ex) {
      throw new IllegalStateException("cannot build a SOAP fault", ex);
    }
  }

  /** Only characters XML can carry: a validator's text may hold control characters. */
  private static String printable(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c >= 0x20 || c == '\t' || c == '\n') {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }

  private static SOAPFactory factory(String protocol) {
    try {
      return SOAPFactory.newInstance(protocol);
    } catch (SOAPException e) {
      throw new IllegalStateException("no SAAJ implementation for " + protocol, e);
    }
  }
}
