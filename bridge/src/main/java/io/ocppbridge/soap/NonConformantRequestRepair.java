package io.ocppbridge.soap;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.QuirkCounter;
import java.util.ListIterator;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Repairs in flight, before CXF or the bridge's addressing reader judges a request, the
 * deviations of non-conformant SOAP stacks that lose nothing (docs/compatibility.md,
 * "Non-conformant SOAP chargers"), and notes what the raw headers say about the charger
 * ({@link EarlyRequestFacts}):
 * <ul>
 *   <li>{@link QuirkCounter#CHARGE_POINT_NAMESPACE}: a body element that is the request element
 *       of a central-system operation, but in the charge-point namespace of the same OCPP version
 *       ({@code <bootNotificationRequest xmlns="urn://Ocpp/Cp/2015/10/">}), is read in the
 *       central-system namespace, and so is a {@code chargeBoxIdentity} header in that
 *       charge-point namespace. Nothing else is: a charge-point operation's element
 *       ({@code resetRequest}) is refused as before, as belonging to the other service, and a
 *       charge-point {@code chargeBoxIdentity} beside a body in the central-system namespace is
 *       not read (a mix no known stack sends).
 *   <li>{@link QuirkCounter#FROM_AS_TEXT}: a {@code wsa:From} with the URL as its text and no
 *       {@code wsa:Address} child gets that child, so it is read as the callback address.
 * </ul>
 * Each repair is counted in the {@link QuirkCounter} once per request.
 */
final class NonConformantRequestRepair extends AbstractSoapInterceptor {

  private static final String IDENTITY = "chargeBoxIdentity";

  private final QuirkCounter quirks;

  NonConformantRequestRepair(QuirkCounter quirks) {
    super(Phase.PRE_PROTOCOL);
    // after the headers are read and the reader stands at the body's first element, before
    // CXF checks mustUnderstand and the bridge reads the addressing headers
    addBefore(LeanMustUnderstand.class.getName());
    this.quirks = quirks;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    Set<String> seen = new TreeSet<>();
    OcppVersion repairedBody = null;
    XMLStreamReader reader = message.getContent(XMLStreamReader.class);
    if (reader != null && reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
      String ns = reader.getNamespaceURI();
      OcppVersion cp = OcppVersion.ofChargePointNamespace(ns).orElse(null);
      if (cp != null && OcppAction.ofRequestElement(reader.getLocalName(), cp,
          Initiator.CHARGE_POINT).isPresent()) {
        message.setContent(XMLStreamReader.class, new NamespaceRenamingReader(reader,
            cp.chargePointNamespace(), cp.centralSystemNamespace()));
        repairedBody = cp;
        seen.add(QuirkCounter.CHARGE_POINT_NAMESPACE);
      }
    }
    String identity = null;
    QName identityHeader = null;
    String from = null;
    for (ListIterator<Header> it = message.getHeaders().listIterator(); it.hasNext(); ) {
      Header h = it.next();
      if (!(h.getObject() instanceof Element e)) {
        continue;
      }
      QName name = h.getName();
      if (IDENTITY.equals(name.getLocalPart()) && isOcpp(name.getNamespaceURI())) {
        identity = e.getTextContent().trim();
        identityHeader = name;
        OcppVersion cp = OcppVersion.ofChargePointNamespace(name.getNamespaceURI()).orElse(null);
        if (cp != null && cp == repairedBody) {
          it.set(inNamespace((SoapHeader) h, e, cp.centralSystemNamespace()));
          seen.add(QuirkCounter.CHARGE_POINT_NAMESPACE);
        }
      } else if ("From".equals(name.getLocalPart())
          && (SoapNamespaces.WSA_2004.equals(name.getNamespaceURI())
              || SoapNamespaces.WSA_2005.equals(name.getNamespaceURI()))) {
        Element address = firstElement(e);
        if (address != null) {
          from = "Address".equals(address.getLocalName())
              ? blankToNull(address.getTextContent()) : null;
        } else if (blankToNull(e.getTextContent()) != null) {
          from = e.getTextContent().trim();
          giveAddressChild(e, from);
          seen.add(QuirkCounter.FROM_AS_TEXT);
        }
      }
    }
    seen.forEach(quirks::record);
    message.getExchange().put(ExchangeKeys.EARLY_FACTS,
        new EarlyRequestFacts(identity, identityHeader, from, seen));
  }

  private static boolean isOcpp(String namespace) {
    return OcppVersion.ofCentralSystemNamespace(namespace).isPresent()
        || OcppVersion.ofChargePointNamespace(namespace).isPresent();
  }

  /** The same header, its element renamed into {@code namespace}; mustUnderstand kept. */
  private static SoapHeader inNamespace(SoapHeader header, Element element, String namespace) {
    Element renamed = element.getOwnerDocument().createElementNS(namespace,
        element.getPrefix() == null ? IDENTITY : element.getPrefix() + ":" + IDENTITY);
    renamed.setTextContent(element.getTextContent());
    SoapHeader result = new SoapHeader(new QName(namespace, IDENTITY), renamed);
    result.setMustUnderstand(header.isMustUnderstand());
    result.setActor(header.getActor());
    result.setDirection(header.getDirection());
    return result;
  }

  private static void giveAddressChild(Element from, String url) {
    while (from.getFirstChild() != null) {
      from.removeChild(from.getFirstChild());
    }
    Element address = from.getOwnerDocument().createElementNS(from.getNamespaceURI(),
        from.getPrefix() == null ? "Address" : from.getPrefix() + ":Address");
    address.setTextContent(url);
    from.appendChild(address);
  }

  private static Element firstElement(Element parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
