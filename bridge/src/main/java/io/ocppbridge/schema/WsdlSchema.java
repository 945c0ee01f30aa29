package io.ocppbridge.schema;

import io.ocppbridge.translate.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The XML Schema embedded in the {@code wsdl:types} of one WSDL, indexed by qualified name: its
 * global elements, complex types and simple types. Read with the JDK's namespace-aware DOM, with
 * DOCTYPEs and external entities refused.
 */
final class WsdlSchema {

  static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  private final String source;
  private final Map<QName, Element> elements = new HashMap<>();
  private final Map<QName, Element> complexTypes = new HashMap<>();
  private final Map<QName, Element> simpleTypes = new HashMap<>();

  private WsdlSchema(String source, Document wsdl) {
    this.source = source;
    NodeList schemas = wsdl.getElementsByTagNameNS(XSD_NS, "schema");
    if (schemas.getLength() == 0) {
      throw new IllegalStateException(source + " embeds no xs:schema");
    }
    for (int i = 0; i < schemas.getLength(); i++) {
      Element schema = (Element) schemas.item(i);
      String targetNamespace = schema.getAttribute("targetNamespace");
      for (Element declaration : children(schema)) {
        Map<QName, Element> index = switch (declaration.getLocalName()) {
          case "element" -> elements;
          case "complexType" -> complexTypes;
          case "simpleType" -> simpleTypes;
          default -> throw unsupported(declaration, "top-level declaration");
        };
        QName name = new QName(targetNamespace, declaration.getAttribute("name"));
        if (index.put(name, declaration) != null) {
          throw new IllegalStateException(source + " declares " + name + " twice");
        }
      }
    }
  }

  /** Reads the WSDL at a classpath location, e.g. {@code wsdl/ocpp1.5/ChargePointService.wsdl}. */
  static WsdlSchema load(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("WSDL not on the classpath: " + resource);
      }
      Document wsdl = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(in, resource);
      return new WsdlSchema(resource, wsdl);
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  /** Where the schema was read from, for messages. */
  String source() {
    return source;
  }

  /** The one global element with this local name, whatever its namespace. */
  Element globalElement(String localName) {
    List<Element> found = new ArrayList<>();
    elements.forEach((name, element) -> {
      if (name.getLocalPart().equals(localName)) {
        found.add(element);
      }
    });
    if (found.size() != 1) {
      throw new IllegalStateException(source + " declares " + found.size()
          + " global elements named " + localName + " (expected exactly one)");
    }
    return found.get(0);
  }

  /** A named complex type, or {@code null}. */
  Element complexType(QName name) {
    return complexTypes.get(name);
  }

  /** A named simple type, or {@code null}. */
  Element simpleType(QName name) {
    return simpleTypes.get(name);
  }

  /** The qualified name a {@code prefix:local} attribute value stands for at {@code context}. */
  QName resolve(Element context, String prefixedName) {
    int colon = prefixedName.indexOf(':');
    String prefix = colon < 0 ? null : prefixedName.substring(0, colon);
    String namespace = context.lookupNamespaceURI(prefix);
    if (namespace == null) {
      if (prefix != null) {
        throw new IllegalStateException(source + ": undeclared prefix in '" + prefixedName + "'");
      }
      namespace = "";
    }
    return new QName(namespace, prefixedName.substring(colon + 1));
  }

  /** The XSD child elements of {@code parent}, annotations left out. */
  static List<Element> children(Element parent) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && !"annotation".equals(e.getLocalName())) {
        if (!XSD_NS.equals(e.getNamespaceURI())) {
          throw new IllegalStateException("unexpected element {" + e.getNamespaceURI() + "}"
              + e.getLocalName() + " inside xs:" + parent.getLocalName());
        }
        result.add(e);
      }
    }
    return result;
  }

  /** The failure for a construct the generator does not map (so that none is skipped silently). */
  IllegalStateException unsupported(Element construct, String what) {
    String name = construct.getAttribute("name");
    return new IllegalStateException(source + ": unsupported " + what + " xs:"
        + construct.getLocalName() + (name.isEmpty() ? "" : " '" + name + "'")
        + " (the JSON schema generator maps only what the OCPP 1.2/1.5 WSDLs use)");
  }
}
