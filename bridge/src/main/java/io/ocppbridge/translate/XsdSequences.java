package io.ocppbridge.translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The element sequences of an OCPP XSD: for each complex type, its child elements in order with
 * whether each is required, and for each element the type it has. Enough to tell, of an element
 * the validator did not expect, whether it is unknown to its parent, repeated, out of order, or
 * standing where a required element is missing.
 */
final class XsdSequences {

  private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  /** A child element of a sequence. */
  record Child(String name, boolean required, String type) {}

  private final Map<String, List<Child>> byType = new HashMap<>();
  private final Map<String, String> globalElementTypes = new HashMap<>();

  void add(Document schema) {
    NodeList types = schema.getElementsByTagNameNS(XSD, "complexType");
    for (int i = 0; i < types.getLength(); i++) {
      Element type = (Element) types.item(i);
      String name = type.getAttribute("name");
      if (name.isEmpty()) {
        name = anonymousName(type);
      }
      List<Child> children = new ArrayList<>();
      NodeList elements = type.getElementsByTagNameNS(XSD, "element");
      for (int j = 0; j < elements.getLength(); j++) {
        Element e = (Element) elements.item(j);
        if (nearestComplexType(e) != type) {
          continue;
        }
        String min = e.getAttribute("minOccurs");
        String elementType = e.hasAttribute("type") ? local(e.getAttribute("type"))
            : anonymousName(firstComplexType(e));
        children.add(new Child(e.getAttribute("name"), min.isEmpty() || !min.equals("0"),
            elementType));
      }
      byType.put(name, children);
    }
    Element root = schema.getDocumentElement();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "element".equals(e.getLocalName())) {
        globalElementTypes.put(e.getAttribute("name"), local(e.getAttribute("type")));
      }
    }
  }

  /** The children of the element at this path (root element first), or null when unknown. */
  List<Child> childrenAt(List<String> path) {
    if (path.isEmpty()) {
      return null;
    }
    String type = globalElementTypes.get(path.get(0));
    for (int i = 1; i < path.size() && type != null; i++) {
      String name = path.get(i);
      type = byType.getOrDefault(type, List.of()).stream().filter(c -> c.name().equals(name))
          .map(Child::type).findFirst().orElse(null);
    }
    return type == null ? null : byType.get(type);
  }

  private static Element nearestComplexType(Element e) {
    for (Node n = e.getParentNode(); n != null; n = n.getParentNode()) {
      if (n instanceof Element p && "complexType".equals(p.getLocalName())) {
        return p;
      }
    }
    return null;
  }

  private static Element firstComplexType(Element e) {
    NodeList types = e.getElementsByTagNameNS(XSD, "complexType");
    return types.getLength() == 0 ? null : (Element) types.item(0);
  }

  /** A name for an anonymous type: the element that declares it, with a marker. */
  private static String anonymousName(Element type) {
    if (type == null) {
      return null;
    }
    Node owner = type.getParentNode();
    return owner instanceof Element e ? "#" + e.getAttribute("name") + "@" + System
        .identityHashCode(type) : null;
  }

  private static String local(String qname) {
    return qname.substring(qname.indexOf(':') + 1);
  }
}
