package io.ocppbridge.soap;

import io.ocppbridge.core.MessageIds;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the WS-Addressing headers of the bridge's answer to a request, in the request's
 * WS-Addressing namespace: {@code wsa:Action} (the response's or the fault's action), a new
 * {@code wsa:MessageID}, {@code wsa:To} anonymous (the answer goes back on the request's HTTP
 * exchange), {@code wsa:RelatesTo} the request's MessageID when it had one, then the reference
 * parameters of its anonymous ReplyTo. A request whose ReplyTo is {@code none} is answered
 * without addressing headers.
 */
final class AddressingHeaderWriter {

  /** WS-Addressing's action for faults (the 1.0 SOAP binding, 6.4; CXF used it for 2004/08 too). */
  static final String FAULT_ACTION = SoapNamespaces.WSA_2005 + "/soap/fault";

  private AddressingHeaderWriter() {}

  /** The answer's addressing headers, in the order they are written; empty for none. */
  static List<Element> answerHeaders(RequestAddressing request, String action) {
    if (request == null || request.answerUnaddressed()) {
      return List.of();
    }
    String ns = request.namespace();
    Document doc = DOMUtils.createDocument();
    List<Element> headers = new ArrayList<>(4 + request.replyToParameters().size());
    headers.add(element(doc, ns, "Action", action));
    headers.add(element(doc, ns, "MessageID", "urn:uuid:" + MessageIds.next()));
    headers.add(element(doc, ns, "To", SoapNamespaces.anonymous(ns)));
    if (request.messageId() != null) {
      headers.add(element(doc, ns, "RelatesTo", request.messageId()));
    }
    for (Element parameter : request.replyToParameters()) {
      Element copy = (Element) doc.importNode(parameter, true);
      if (SoapNamespaces.WSA_2005.equals(ns)) {
        copy.setAttributeNS(ns, "wsa:IsReferenceParameter", "1");
      }
      headers.add(copy);
    }
    return headers;
  }

  private static Element element(Document doc, String ns, String name, String text) {
    Element e = doc.createElementNS(ns, name);
    e.setTextContent(text);
    return e;
  }
}
