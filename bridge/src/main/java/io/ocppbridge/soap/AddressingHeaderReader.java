package io.ocppbridge.soap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.headers.Header;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the WS-Addressing headers of a charger's request (2005/08 or 2004/08) into a
 * {@link RequestAddressing}. Only what the bridge uses is read: Action, MessageID, To, From,
 * ReplyTo (with its reference parameters); FaultTo and RelatesTo are accepted and checked for
 * cardinality only. Other headers in a WS-Addressing namespace are not read (and so not
 * understood: marked {@code mustUnderstand} they get a MustUnderstand fault).
 *
 * <p>Refused, as the WS-Addressing 1.0 SOAP binding (section 6) names them: a property given
 * twice ({@code InvalidCardinality}), a URI property with element content or headers in both
 * namespaces ({@code InvalidAddressingHeader}), no {@code wsa:Action}
 * ({@code MessageAddressingHeaderRequired}). A missing MessageID is accepted (ocppjs sends none).
 */
final class AddressingHeaderReader {

  static final String INVALID_CARDINALITY = "InvalidCardinality";
  static final String INVALID_HEADER = "InvalidAddressingHeader";
  static final String HEADER_REQUIRED = "MessageAddressingHeaderRequired";

  /** The headers read, in both namespaces: those a {@code mustUnderstand} may ask for. */
  static final Set<QName> UNDERSTOOD = understood();

  private String namespace;
  private String action;
  private String messageId;
  private String to;
  private String from;
  private String replyTo;
  private final List<Element> replyToParameters = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private Refused refused;

  private AddressingHeaderReader() {}

  /**
   * The request's addressing, or null when it carries no WS-Addressing header.
   *
   * @throws Refused when the headers break a rule above; it carries what could be read, so that
   *     the fault can still be addressed
   */
  static RequestAddressing read(List<Header> headers) {
    AddressingHeaderReader reader = new AddressingHeaderReader();
    for (Header h : headers) {
      if (h.getObject() instanceof Element e && isAddressing(e.getNamespaceURI())) {
        reader.take(e);
      }
    }
    if (reader.namespace == null) {
      return null;
    }
    RequestAddressing read = new RequestAddressing(reader.namespace, reader.action,
        reader.messageId, reader.to, reader.from, reader.replyTo, reader.replyToParameters);
    if (reader.refused == null && read.action() == null) {
      reader.refuse(HEADER_REQUIRED, "the WS-Addressing header Action is missing");
    }
    if (reader.refused != null) {
      throw reader.refused.with(read);
    }
    return read;
  }

  private void take(Element header) {
    String ns = header.getNamespaceURI();
    if (namespace == null) {
      namespace = ns;
    } else if (!namespace.equals(ns)) {
      refuse(INVALID_HEADER, "WS-Addressing headers in two namespaces: " + namespace
          + " and " + ns);
      return;
    }
    String name = header.getLocalName();
    if (!"RelatesTo".equals(name) && UNDERSTOOD.contains(new QName(ns, name))
        && !seen.add(name)) {
      refuse(INVALID_CARDINALITY, "the WS-Addressing header " + name
          + " appears more than once");
    }
    switch (name) {
      case "Action" -> action = uri(header);
      case "MessageID" -> messageId = uri(header);
      case "To" -> to = uri(header);
      case "From" -> from = address(header);
      case "ReplyTo" -> {
        replyTo = address(header);
        replyToParameters.clear();
        replyToParameters.addAll(referenceParameters(header));
      }
      default -> { } // FaultTo, RelatesTo: not used; the answer goes back on this exchange
    }
  }

  /** The text of a header whose content is a URI; element content is refused. */
  private String uri(Element header) {
    if (firstChildElement(header, null) != null) {
      refuse(INVALID_HEADER, "the WS-Addressing header " + header.getLocalName()
          + " must hold text, not elements");
      return null;
    }
    return header.getTextContent();
  }

  /** The {@code Address} of an endpoint reference, or null when it has none. */
  private static String address(Element reference) {
    Element address = firstChildElement(reference, "Address");
    return address == null ? null : address.getTextContent();
  }

  private static List<Element> referenceParameters(Element reference) {
    Element parameters = firstChildElement(reference, "ReferenceParameters");
    List<Element> result = new ArrayList<>();
    for (Node n = parameters == null ? null : parameters.getFirstChild(); n != null;
        n = n.getNextSibling()) {
      if (n instanceof Element e) {
        result.add(e);
      }
    }
    return result;
  }

  /** The first child element, in the parent's namespace when {@code localName} is given. */
  private static Element firstChildElement(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName())
          && parent.getNamespaceURI().equals(e.getNamespaceURI()))) {
        return e;
      }
    }
    return null;
  }

  private void refuse(String subcode, String reason) {
    if (refused == null) {
      refused = new Refused(subcode, reason, null);
    }
  }

  private static boolean isAddressing(String namespace) {
    return SoapNamespaces.WSA_2005.equals(namespace) || SoapNamespaces.WSA_2004.equals(namespace);
  }

  private static Set<QName> understood() {
    Set<QName> names = new HashSet<>();
    for (String ns : List.of(SoapNamespaces.WSA_2005, SoapNamespaces.WSA_2004)) {
      for (String name : List.of("Action", "MessageID", "To", "From", "ReplyTo", "FaultTo",
          "RelatesTo")) {
        names.add(new QName(ns, name));
      }
    }
    return Set.copyOf(names);
  }

  /**
   * Addressing headers the bridge refuses: the WS-Addressing fault subcode, a reason for the
   * charger, and what could be read.
   */
  static final class Refused extends RuntimeException {

    private final String subcode;
    private final transient RequestAddressing read;

    Refused(String subcode, String reason, RequestAddressing read) {
      super(reason, null, false, false);
      this.subcode = subcode;
      this.read = read;
    }

    /** The fault subcode's local name ({@code InvalidCardinality}, ...). */
    String subcode() {
      return subcode;
    }

    /** What the headers said, as far as they could be read. */
    RequestAddressing read() {
      return read;
    }

    private Refused with(RequestAddressing read) {
      return new Refused(subcode, getMessage(), read);
    }
  }
}
