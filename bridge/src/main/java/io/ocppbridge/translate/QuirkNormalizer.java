package io.ocppbridge.translate;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Repairs the harmless quirks of real chargers in a SOAP body before it is validated, losing
 * nothing: ocppjs qualifies the attributes of the 1.5 {@code <value>} element with the OCPP
 * namespace prefix ({@code tns:unit="Wh"}) although the XSD declares them unqualified; and it
 * writes an empty list of unknown configuration keys as one empty {@code <unknownKey/>}, which
 * read literally would report a key named "" as unknown.
 */
final class QuirkNormalizer {

  private QuirkNormalizer() {}

  /** Rewrites attributes in {@code namespace} to unqualified ones; returns how many. */
  static int unqualifyAttributes(Element root, String namespace) {
    int fixed = 0;
    for (Node n = root; n != null; n = next(n, root)) {
      if (n instanceof Element e) {
        // Collect first: the attribute map reorders itself as attributes are replaced.
        NamedNodeMap attrs = e.getAttributes();
        List<Attr> qualified = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
          Attr a = (Attr) attrs.item(i);
          if (namespace.equals(a.getNamespaceURI())) {
            qualified.add(a);
          }
        }
        for (Attr a : qualified) {
          if (!e.hasAttributeNS(null, a.getLocalName())) {
            String value = a.getValue();
            e.removeAttributeNode(a);
            e.setAttributeNS(null, a.getLocalName(), value);
            fixed++;
          }
        }
      }
    }
    return fixed;
  }

  /** List elements whose empty form means "no items" (a key name is never empty). */
  private static final java.util.Set<String> EMPTY_MEANS_NONE = java.util.Set.of("unknownKey");

  /** Removes empty elements of the lists in {@link #EMPTY_MEANS_NONE}; returns how many. */
  static int dropEmptyListItems(Element root, String namespace) {
    List<Element> empty = new ArrayList<>();
    for (Node n = root; n != null; n = next(n, root)) {
      if (n instanceof Element e && namespace.equals(e.getNamespaceURI())
          && EMPTY_MEANS_NONE.contains(e.getLocalName()) && e.getTextContent().isEmpty()) {
        empty.add(e);
      }
    }
    for (Element e : empty) {
      e.getParentNode().removeChild(e);
    }
    return empty.size();
  }

  /** Document-order successor of {@code n} within {@code root}. */
  private static Node next(Node n, Node root) {
    if (n.getFirstChild() != null) {
      return n.getFirstChild();
    }
    for (Node c = n; c != null && c != root; c = c.getParentNode()) {
      if (c.getNextSibling() != null) {
        return c.getNextSibling();
      }
    }
    return null;
  }
}
