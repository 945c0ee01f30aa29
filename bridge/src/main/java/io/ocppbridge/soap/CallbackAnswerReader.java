package io.ocppbridge.soap;

import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.QuirkCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a charger's SOAP answer: the body payload, or the fault it carries as an
 * {@link OcppException}. Tolerates what real chargers send when nothing is lost (ocppjs):
 * <ul>
 *   <li>a SOAP 1.1 envelope answering a SOAP 1.2 request, or the reverse;
 *   <li>a {@code SOAP-ENV:} prefix used without being declared (bound to the envelope's
 *       namespace, the only reading that makes sense);
 *   <li>a fault wrapped in a second {@code Body} element, written in SOAP 1.2 form inside a
 *       SOAP 1.1 envelope, and sent with HTTP 200.
 * </ul>
 */
final class CallbackAnswerReader {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackAnswerReader.class);
  private static final String UNDECLARED_PREFIX = "SOAP-ENV";

  private final QuirkCounter quirks;

  CallbackAnswerReader(QuirkCounter quirks) {
    this.quirks = quirks;
  }

  /**
   * @return the payload element of a successful answer
   * @throws OcppException for a fault (its OCPP code, else GenericError), or an
   *     {@link InvalidChargerAnswer} (InternalError saying what was wrong) for an answer that is
   *     not SOAP, has an empty Body, or comes with an HTTP error status and no fault
   */
  Element read(OcppAction action, int status, byte[] body, String requestSoapVersion) {
    Document doc;
    try {
      doc = parse(action, body);
    } catch (OcppException notXml) {
      // A fault may come with 500 (SOAP 1.1, 1.2) or 400 (SOAP 1.2 Sender); any other body
      // that is not XML is the HTTP server's own answer, and its status says the most.
      if (status != 200) {
        throw httpStatus(action, status);
      }
      throw notXml;
    }
    Element envelope = doc.getDocumentElement();
    String soap = envelope.getNamespaceURI();
    if (!"Envelope".equals(envelope.getLocalName())
        || !(SoapNamespaces.SOAP11.equals(soap) || SoapNamespaces.SOAP12.equals(soap))) {
      throw notSoap(action, "its root element is not a SOAP envelope");
    }
    if (!SoapNamespaces.envelope(requestSoapVersion).equals(soap)) {
      quirks.record(QuirkCounter.SOAP_VERSION_MISMATCH);
    }
    Element soapBody = firstChild(envelope, "Body");
    if (soapBody == null) {
      throw notSoap(action, "the envelope has no Body");
    }
    Element content = firstElement(soapBody);
    if (content != null && "Body".equals(content.getLocalName())
        && isSoapNamespace(content.getNamespaceURI())) {
      content = firstElement(content);
      quirks.record(QuirkCounter.NESTED_FAULT_BODY);
    }
    if (content != null && "Fault".equals(content.getLocalName())
        && isSoapNamespace(content.getNamespaceURI())) {
      throw fault(action, content);
    }
    if (content == null) {
      throw InvalidChargerAnswer.invalid(action, "its SOAP Body is empty (no "
          + action.responseElement() + ", no fault)");
    }
    if (status != 200) {
      throw httpStatus(action, status);
    }
    return content;
  }

  private static OcppException httpStatus(OcppAction action, int status) {
    return InvalidChargerAnswer.invalid(action, "HTTP " + status + " with no SOAP fault");
  }

  private Document parse(OcppAction action, byte[] body) {
    try {
      return AnswerParser.parse(body);
    } catch (SAXException first) {
      String text = new String(body, StandardCharsets.UTF_8);
      if (first.getMessage() != null && first.getMessage().contains(UNDECLARED_PREFIX)
          && !text.contains("xmlns:" + UNDECLARED_PREFIX)) {
        Document repaired = parseWithDeclaredPrefix(text);
        if (repaired != null) {
          LOG.debug("accepted an answer using the undeclared prefix {}", UNDECLARED_PREFIX);
          quirks.record(QuirkCounter.UNDECLARED_PREFIX);
          return repaired;
        }
      }
      throw notSoap(action, "it is not well-formed XML");
    } catch (IOException e) {
      throw notSoap(action, "it could not be read");
    }
  }

  /** Declares the prefix on the root element with the namespace of the envelope's own prefix. */
  private Document parseWithDeclaredPrefix(String text) {
    String envelopeNs = text.contains(SoapNamespaces.SOAP12)
        && !text.contains(SoapNamespaces.SOAP11) ? SoapNamespaces.SOAP12 : SoapNamespaces.SOAP11;
    int rootStart = text.indexOf('<', text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0);
    int nameEnd = rootStart < 0 ? -1 : indexOfWhitespaceOrClose(text, rootStart + 1);
    if (nameEnd < 0) {
      return null;
    }
    String repaired = text.substring(0, nameEnd) + " xmlns:" + UNDECLARED_PREFIX + "=\""
        + envelopeNs + "\"" + text.substring(nameEnd);
    try {
      return AnswerParser.parse(repaired.getBytes(StandardCharsets.UTF_8));
    } catch (SAXException | IOException e) {
      return null;
    }
  }

  private static int indexOfWhitespaceOrClose(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '>' || c == '/') {
        return i;
      }
    }
    return -1;
  }

  private static OcppException fault(OcppAction action, Element fault) {
    boolean soap12Form = path(fault, "Code", "Value") != null;
    String code = soap12Form ? text(path(fault, "Code", "Value")) : text(path(fault, "faultcode"));
    String reason = soap12Form
        ? text(path(fault, "Reason", "Text")) : text(path(fault, "faultstring"));
    String subcode = soap12Form
        ? text(path(fault, "Code", "Subcode", "Value"))
        : text(path(fault, "detail", "errorCode"));
    OcppErrorCode ocppCode = OcppErrorCode.parse(localPart(subcode))
        .or(() -> OcppErrorCode.parse(localPart(code)))
        .orElse(OcppErrorCode.GENERIC_ERROR);
    String description = reason == null || reason.isBlank()
        ? "the charger answered " + action.wireName() + " with a SOAP fault"
            + (subcode != null ? " (" + localPart(subcode) + ")"
                : code != null ? " (" + localPart(code) + ")" : "")
        : reason;
    return new OcppException(ocppCode, description, OcppException.Origin.CHARGER, null);
  }

  private static OcppException notSoap(OcppAction action, String why) {
    return InvalidChargerAnswer.notSoap(action, why);
  }

  private static boolean isSoapNamespace(String ns) {
    return SoapNamespaces.SOAP11.equals(ns) || SoapNamespaces.SOAP12.equals(ns);
  }

  private static Element path(Element from, String... names) {
    Element e = from;
    for (String name : names) {
      e = e == null ? null : firstChild(e, name);
    }
    return e;
  }

  private static Element firstChild(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static Element firstElement(Element parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element e) {
    return e == null ? null : e.getTextContent().trim();
  }

  private static String localPart(String qname) {
    return qname == null ? null : qname.substring(qname.indexOf(':') + 1);
  }
}
