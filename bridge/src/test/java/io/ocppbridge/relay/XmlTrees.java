package io.ocppbridge.relay;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Small JDK-DOM helpers for the tests of this package: namespace-aware parsing, element lookup,
 * a namespace-aware structural comparison and clean SOAP envelopes.
 */
final class XmlTrees {

  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

  private XmlTrees() {}

  /** Parses namespace-aware, without DTDs or external entities. */
  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  /** The element children of {@code parent}, in document order. */
  static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }

  /** The element children of {@code parent} with this namespace and local name. */
  static List<Element> children(Element parent, String namespace, String localName) {
    return children(parent).stream()
        .filter(e -> namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()))
        .toList();
  }

  /** The only element child of {@code parent}; fails when there are none or several. */
  static Element onlyChild(Element parent) {
    List<Element> children = children(parent);
    if (children.size() != 1) {
      throw new AssertionError("expected exactly one element in " + name(parent) + " but found "
          + children.stream().map(XmlTrees::name).toList());
    }
    return children.get(0);
  }

  /**
   * Where {@code actual} differs from {@code expected}, or null when they are equal: same
   * namespace URI and local name, same attributes (namespace declarations aside), same element
   * children in the same order, and the same text in elements without element children.
   * Prefixes and whitespace-only text between elements are ignored.
   */
  static String difference(Element expected, Element actual) {
    return difference(expected, actual, "/" + name(expected));
  }

  private static String difference(Element expected, Element actual, String path) {
    if (!name(expected).equals(name(actual))) {
      return path + ": expected element " + name(expected) + " but found " + name(actual);
    }
    Map<String, String> expectedAttributes = attributes(expected);
    Map<String, String> actualAttributes = attributes(actual);
    if (!expectedAttributes.equals(actualAttributes)) {
      return path + ": expected attributes " + expectedAttributes + " but found "
          + actualAttributes;
    }
    List<Element> expectedChildren = children(expected);
    List<Element> actualChildren = children(actual);
    if (expectedChildren.isEmpty() && actualChildren.isEmpty()) {
      String expectedText = expected.getTextContent();
      String actualText = actual.getTextContent();
      return expectedText.equals(actualText) ? null
          : path + ": expected text '" + expectedText + "' but found '" + actualText + "'";
    }
    List<String> expectedNames = expectedChildren.stream().map(XmlTrees::name).toList();
    List<String> actualNames = actualChildren.stream().map(XmlTrees::name).toList();
    if (!expectedNames.equals(actualNames)) {
      return path + ": expected children " + expectedNames + " but found " + actualNames;
    }
    for (int i = 0; i < expectedChildren.size(); i++) {
      String childPath = path + "/" + expectedChildren.get(i).getLocalName() + "[" + i + "]";
      String difference = difference(expectedChildren.get(i), actualChildren.get(i), childPath);
      if (difference != null) {
        return difference;
      }
    }
    return null;
  }

  private static Map<String, String> attributes(Element e) {
    Map<String, String> attributes = new TreeMap<>();
    NamedNodeMap map = e.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      Attr a = (Attr) map.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
        String ns = a.getNamespaceURI() == null ? "" : a.getNamespaceURI();
        attributes.put("{" + ns + "}" + a.getLocalName(), a.getValue());
      }
    }
    return attributes;
  }

  /** {@code {namespace}localName}. */
  static String name(Element e) {
    return "{" + (e.getNamespaceURI() == null ? "" : e.getNamespaceURI()) + "}"
        + e.getLocalName();
  }

  /**
   * A clean SOAP envelope of this namespace with an empty Header and {@code payload} (copied)
   * as the only Body element.
   */
  static byte[] envelope(String soapNamespace, Element payload) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().newDocument();
    Element envelope = doc.createElementNS(soapNamespace, "s:Envelope");
    doc.appendChild(envelope);
    envelope.appendChild(doc.createElementNS(soapNamespace, "s:Header"));
    Element body = doc.createElementNS(soapNamespace, "s:Body");
    envelope.appendChild(body);
    body.appendChild(doc.importNode(payload, true));
    return serialize(doc).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static String serialize(Node node) throws Exception {
    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    StringWriter out = new StringWriter();
    transformer.transform(new DOMSource(node), new StreamResult(out));
    return out.toString();
  }
}
