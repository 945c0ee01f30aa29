package io.ocppbridge.corpus;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a SOAP fault answer says, read the same way for both SOAP versions: the envelope
 * namespace, the fault code's local name (SOAP 1.1 {@code Client}/{@code Server} as given), the
 * OCPP code (SOAP 1.2 first subcode; SOAP 1.1 {@code errorCode} detail) with its namespace, and
 * the reason text.
 */
record SoapFaultView(String envelopeNamespace, String code, String ocppNamespace,
    String ocppCode, String reason) {

  /** Reads a response body; a body that is no SOAP fault gives a view with a null code. */
  static SoapFaultView read(String body) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      doc = f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      return new SoapFaultView(null, null, null, null, null);
    }
    Element envelope = doc.getDocumentElement();
    String ns = envelope.getNamespaceURI();
    Element fault = first(envelope, ns, "Fault");
    if (fault == null) {
      return new SoapFaultView(ns, null, null, null, null);
    }
    if (Envelopes.SOAP11.equals(ns)) {
      Element faultcode = child(fault, null, "faultcode");
      Element errorCode = first(fault, null, "errorCode");
      return new SoapFaultView(ns, localPart(text(faultcode)),
          errorCode == null ? null : errorCode.getNamespaceURI(),
          errorCode == null ? null : text(errorCode), text(child(fault, null, "faultstring")));
    }
    Element code = child(fault, ns, "Code");
    Element value = code == null ? null : child(code, ns, "Value");
    Element subcode = code == null ? null : child(code, ns, "Subcode");
    Element subValue = subcode == null ? null : child(subcode, ns, "Value");
    Element reason = child(fault, ns, "Reason");
    return new SoapFaultView(ns, localPart(text(value)), qnameNamespace(subValue),
        subValue == null ? null : localPart(text(subValue)),
        reason == null ? null : text(child(reason, ns, "Text")));
  }

  /**
   * How this fault differs from the expectation, each difference of a kind: {@code envelope},
   * {@code fault}, {@code code}, {@code namespace} or {@code reason}. Empty when it matches.
   */
  List<Difference> differencesFrom(String soapVersion, String faultCode, String ocppCode,
      String codeNamespace, String reasonFragment) {
    List<Difference> d = new ArrayList<>();
    String expectedNs = Envelopes.envelopeNamespace(soapVersion);
    if (!expectedNs.equals(envelopeNamespace)) {
      d.add(new Difference("envelope", "envelope " + envelopeNamespace + " instead of "
          + expectedNs));
    }
    String expectedCode = "1.1".equals(soapVersion) ? soap11Code(faultCode) : faultCode;
    if (!expectedCode.equals(code)) {
      d.add(new Difference("fault", "fault code " + code + " instead of " + expectedCode));
    }
    if ("none".equals(ocppCode)) {
      if (this.ocppCode != null) {
        d.add(new Difference("code", "OCPP code " + this.ocppCode + " where none was expected"));
      }
    } else {
      if (!ocppCode.equals(this.ocppCode)) {
        d.add(new Difference("code", "OCPP code " + this.ocppCode + " instead of " + ocppCode));
      }
      if (!codeNamespace.equals(ocppNamespace)) {
        d.add(new Difference("namespace", "OCPP code in namespace " + ocppNamespace
            + " instead of " + codeNamespace));
      }
    }
    if (reason == null || !reason.contains(reasonFragment)) {
      d.add(new Difference("reason", "reason '" + reason + "' does not contain '"
          + reasonFragment + "'"));
    }
    return d;
  }

  private static String soap11Code(String soap12Code) {
    return switch (soap12Code) {
      case "Sender" -> "Client";
      case "Receiver" -> "Server";
      default -> soap12Code;
    };
  }

  private static String qnameNamespace(Element value) {
    if (value == null) {
      return null;
    }
    String qname = text(value);
    int colon = qname.indexOf(':');
    return value.lookupNamespaceURI(colon < 0 ? null : qname.substring(0, colon));
  }

  private static String localPart(String qname) {
    return qname == null ? null : qname.substring(qname.indexOf(':') + 1);
  }

  private static String text(Element e) {
    return e == null ? null : e.getTextContent().trim();
  }

  /** A direct child by namespace (null: no namespace) and local name. */
  private static Element child(Element parent, String ns, String local) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && local.equals(e.getLocalName())
          && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
        return e;
      }
    }
    return null;
  }

  /** The first descendant with this local name (and namespace, unless null). */
  private static Element first(Element root, String ns, String local) {
    var list = ns == null ? root.getElementsByTagNameNS("*", local)
        : root.getElementsByTagNameNS(ns, local);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }

  @Override
  public String toString() {
    return "fault " + code + " / " + ocppCode + " {" + ocppNamespace + "}: " + reason;
  }
}
