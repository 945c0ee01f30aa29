package io.ocppbridge.sim;

import io.ocppbridge.translate.SecureXml;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * One OCPP SOAP payload (a body element such as {@code startTransactionResponse}) parsed into DOM,
 * for reading fields by their XSD names and for the one-line summaries of the simulators' trace.
 * Names are matched by local name, so the same paths read OCPP 1.2 and 1.5.
 */
public final class PayloadXml {

  private final Element root;

  private PayloadXml(Element root) {
    this.root = root;
  }

  /**
   * Parses a payload's XML text (no DOCTYPE, no external entities).
   *
   * @throws IllegalArgumentException when the text is not well-formed XML
   */
  public static PayloadXml parse(String xml) {
    try {
      return new PayloadXml(SecureXml.documentBuilderFactory().newDocumentBuilder()
          .parse(new InputSource(new StringReader(xml))).getDocumentElement());
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("not a well-formed payload: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The element's local name, e.g. {@code bootNotificationResponse}. */
  public String elementName() {
    return root.getLocalName();
  }

  /**
   * The text of the element reached from the root by these child names, e.g.
   * {@code value("idTagInfo", "status")}; empty when it is absent.
   */
  public Optional<String> value(String... path) {
    StringBuilder expression = new StringBuilder("/*");
    for (String name : path) {
      if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
        throw new IllegalArgumentException("not an XSD element name: " + name);
      }
      expression.append("/*[local-name()='").append(name).append("']");
    }
    try {
      XPath xpath = XPathFactory.newInstance().newXPath();
      Node node = (Node) xpath.evaluate(expression.toString(), root.getOwnerDocument(),
          XPathConstants.NODE);
      return node == null ? Optional.empty() : Optional.of(node.getTextContent().trim());
    } catch (XPathExpressionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of every child of the root with this local name, in document order. */
  public List<String> values(String name) {
    List<String> texts = new ArrayList<>();
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && name.equals(child.getLocalName())) {
        texts.add(child.getTextContent().trim());
      }
    }
    return texts;
  }

  /** Text made safe to place between XML tags. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The integer at a path; empty when absent or not an integer. */
  public Optional<Integer> intValue(String... path) {
    return value(path).flatMap(text -> {
      try {
        return Optional.of(Integer.valueOf(text));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * Every leaf element as {@code name=text}, in document order, separated by spaces, e.g.
   * {@code status=Accepted currentTime=2026-11-22T01:00:00Z heartbeatInterval=300}; empty for an
   * empty element.
   */
  public String summary() {
    List<String> leaves = new ArrayList<>();
    collectLeaves(root, leaves);
    return String.join(" ", leaves);
  }

  private static void collectLeaves(Element element, List<String> leaves) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        if (hasElementChild(child)) {
          collectLeaves(child, leaves);
        } else {
          leaves.add(child.getLocalName() + "=" + child.getTextContent().trim());
        }
      }
    }
  }

  private static boolean hasElementChild(Element element) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element) {
        return true;
      }
    }
    return false;
  }
}
