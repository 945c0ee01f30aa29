package io.ocppbridge.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a WSDL 1.1 document (with its inline XML Schema) into a {@link WsdlModel}.
 *
 * <p>The walk is generic: every element becomes a node labelled by its kind and name (for example
 * {@code operation Authorize}), every attribute a property. On top of that it
 * <ul>
 *   <li>resolves QName-valued attributes ({@code type}, {@code base}, {@code element},
 *       {@code message}, ...) to namespace URIs and prints them with fixed prefixes
 *       ({@code xs:} for XML Schema, {@code tns:} for the document's target namespace), so the
 *       prefixes a file happens to declare do not matter;</li>
 *   <li>fills in defaults (minOccurs/maxOccurs 1, attribute use optional, form unqualified,
 *       SOAP style document) so explicit and implicit defaults compare equal;</li>
 *   <li>folds enumerations (in order) and other facets into their restriction's properties and
 *       records the order of the particles of each sequence/choice/all;</li>
 *   <li>ignores documentation, annotations, comments, whitespace, WS-Policy blocks (whatever their
 *       namespace URI, since one official file misspells it) and the soap:address location;</li>
 *   <li>records, per binding, whether it uses WS-Addressing ({@code wsaw:UsingAddressing} in the
 *       binding itself or in a policy the binding references), since the official files say so
 *       through a policy and ours say so directly.</li>
 * </ul>
 */
final class WsdlReader {

  static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
  static final String SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/";
  static final String SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
  static final String WSAW = "http://www.w3.org/2006/05/addressing/wsdl";

  /** Fixed prefixes used when printing names from well-known namespaces. */
  private static final Map<String, String> PREFIXES = Map.of(
      XSD, "xs",
      SOAP11, "soap",
      SOAP12, "soap12",
      WSAW, "wsaw",
      "http://www.w3.org/2007/05/addressing/metadata", "wsam",
      "http://www.w3.org/2005/08/addressing", "wsa",
      "http://schemas.xmlsoap.org/wsdl/http/", "http",
      "http://schemas.xmlsoap.org/wsdl/mime/", "mime");

  /** Unqualified attributes whose value is a QName. */
  private static final Set<String> QNAME_ATTRIBUTES = Set.of(
      "type", "base", "ref", "itemType", "substitutionGroup", "message", "element", "binding");

  private static final Set<String> PARTICLES = Set.of("element", "any", "group", "sequence",
      "choice", "all");
  private static final Set<String> COMPOSITORS = Set.of("sequence", "choice", "all");
  private static final Set<String> FACETS = Set.of("length", "minLength", "maxLength",
      "whiteSpace", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive",
      "totalDigits", "fractionDigits");

  private final WsdlModel model;
  private String targetNamespace = "";
  private final Set<String> addressingPolicyIds = new HashSet<>();

  private WsdlReader(String source) {
    this.model = new WsdlModel(source);
  }

  /** Reads a WSDL file. */
  static WsdlModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new WsdlReader(file.getFileName().toString()).build(parse(new InputSource(in)));
    }
  }

  /** Reads WSDL text; {@code source} names it in messages. */
  static WsdlModel read(String xml, String source) {
    try {
      return new WsdlReader(source).build(parse(new InputSource(new StringReader(xml))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Document parse(InputSource input) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(input);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  private WsdlModel build(Document doc) {
    Element root = doc.getDocumentElement();
    if (!WSDL.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      throw new IllegalArgumentException(model.source() + " is not a WSDL 1.1 document: root is {"
          + root.getNamespaceURI() + "}" + root.getLocalName());
    }
    targetNamespace = root.getAttribute("targetNamespace");
    collectAddressingPolicies(root);
    SortedMap<String, String> definitions = model.node("definitions", null);
    readAttributes(root, definitions);
    for (Element child : kept(root)) {
      if (isWsdl(child, "types")) {
        for (Element schema : kept(child)) {
          readSchema(schema);
        }
      }
    }
    walkChildren(root, null, child -> !isWsdl(child, "types"));
    return model;
  }

  private void readSchema(Element schema) {
    if (!XSD.equals(schema.getNamespaceURI()) || !"schema".equals(schema.getLocalName())) {
      walk(schema, label(schema), null);
      return;
    }
    String schemaNamespace = schema.getAttribute("targetNamespace");
    String path = targetNamespace.equals(schemaNamespace)
        ? "schema" : "schema {" + schemaNamespace + "}";
    SortedMap<String, String> props = model.node(path, null);
    readAttributes(schema, props);
    props.putIfAbsent("elementFormDefault", "unqualified");
    props.putIfAbsent("attributeFormDefault", "unqualified");
    // Components of the schema for the WSDL's own namespace sit at the top: "complexType X".
    walkChildren(schema, targetNamespace.equals(schemaNamespace) ? null : path, child -> true);
  }

  /** Adds the node for {@code el} at {@code path} and everything below it. */
  private void walk(Element el, String path, String parentPath) {
    SortedMap<String, String> props = model.node(path, parentPath);
    readAttributes(el, props);
    addDefaults(el, props);
    if (isXsd(el, "restriction")) {
      readFacets(el, props);
    }
    if (isXsd(el) && COMPOSITORS.contains(el.getLocalName())) {
      StringJoiner order = new StringJoiner(", ", "[", "]");
      for (Element child : kept(el)) {
        order.add(isXsd(child, "element") ? label(child).substring("element ".length())
            : label(child));
      }
      props.put("order", order.toString());
    }
    if (isWsdl(el, "binding")) {
      props.put("addressing", usesAddressing(el) ? "wsaw:UsingAddressing" : "none");
    }
    walkChildren(el, path, child -> !(isXsd(el, "restriction") && isFacet(child)));
  }

  private void walkChildren(Element parent, String parentPath,
      Predicate<Element> filter) {
    List<Element> children = new ArrayList<>();
    for (Element child : kept(parent)) {
      if (filter.test(child)) {
        children.add(child);
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Element child : children) {
      counts.merge(label(child), 1, Integer::sum);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (Element child : children) {
      String label = label(child);
      if (counts.get(label) > 1) {
        label = label + " #" + seen.merge(label, 1, Integer::sum);
      }
      walk(child, parentPath == null ? label : parentPath + ": " + label, parentPath);
    }
  }

  /** The child elements that carry meaning (no documentation, policies, empty compositors). */
  private List<Element> kept(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && !ignored(child)) {
        out.add(child);
      }
    }
    return out;
  }

  private boolean ignored(Element el) {
    if (isXsd(el, "annotation") || isWsdl(el, "documentation") || isPolicy(el)) {
      return true;
    }
    if (WSAW.equals(el.getNamespaceURI()) && "UsingAddressing".equals(el.getLocalName())) {
      return true; // becomes the binding's "addressing" property
    }
    // An empty <sequence/> is the same content model as none at all.
    return isXsd(el) && COMPOSITORS.contains(el.getLocalName()) && kept(el).isEmpty()
        && !el.hasAttribute("minOccurs") && !el.hasAttribute("maxOccurs");
  }

  private static boolean isPolicy(Element el) {
    String ns = el.getNamespaceURI();
    return ns != null && ns.toLowerCase(Locale.ROOT).contains("policy")
        && el.getLocalName().startsWith("Policy");
  }

  private void readAttributes(Element el, SortedMap<String, String> props) {
    NamedNodeMap attributes = el.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      String ns = attr.getNamespaceURI();
      String local = attr.getLocalName();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns) || "PolicyURIs".equals(local)
          || (ns != null && ns.contains("wssecurity-utility"))) {
        continue;
      }
      if (ns == null && ("name".equals(local) || (isXsd(el) && "ref".equals(local))
          || ("location".equals(local) && "address".equals(el.getLocalName())))) {
        continue; // part of the label, or (address location) deployment detail
      }
      String value = attr.getValue().trim();
      if (ns == null && QNAME_ATTRIBUTES.contains(local)) {
        value = qname(el, value);
      } else if (ns == null && "memberTypes".equals(local)) {
        StringJoiner joined = new StringJoiner(" ");
        for (String member : value.split("\\s+")) {
          joined.add(qname(el, member));
        }
        value = joined.toString();
      }
      props.put(ns == null ? local : display(ns, local), value);
    }
  }

  private void addDefaults(Element el, SortedMap<String, String> props) {
    Element parent = el.getParentNode() instanceof Element p ? p : null;
    if (isXsd(el) && PARTICLES.contains(el.getLocalName()) && parent != null
        && !isXsd(parent, "schema")) {
      props.putIfAbsent("minOccurs", "1");
      props.putIfAbsent("maxOccurs", "1");
    }
    if (isXsd(el, "element")) {
      props.putIfAbsent("nillable", "false");
    }
    if (isXsd(el, "complexType")) {
      props.putIfAbsent("mixed", "false");
    }
    if (isXsd(el, "attribute") && parent != null && !isXsd(parent, "schema")) {
      props.putIfAbsent("use", "optional");
    }
    if (isSoap(el) && "binding".equals(el.getLocalName())) {
      props.putIfAbsent("style", "document");
    }
    if (isSoap(el) && "operation".equals(el.getLocalName())) {
      props.putIfAbsent("style", bindingStyle(el));
    }
  }

  /** The style given on the soap:binding of the binding that holds {@code soapOperation}. */
  private static String bindingStyle(Element soapOperation) {
    for (Node n = soapOperation; n != null; n = n.getParentNode()) {
      if (n instanceof Element e && isWsdl(e, "binding")) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c instanceof Element soapBinding && isSoap(soapBinding)
              && "binding".equals(soapBinding.getLocalName())
              && soapBinding.hasAttribute("style")) {
            return soapBinding.getAttribute("style");
          }
        }
      }
    }
    return "document";
  }

  private void readFacets(Element restriction, SortedMap<String, String> props) {
    Map<String, StringJoiner> lists = new HashMap<>();
    for (Element child : kept(restriction)) {
      if (!isFacet(child)) {
        continue;
      }
      String facet = child.getLocalName();
      String value = child.getAttribute("value");
      if ("enumeration".equals(facet) || "pattern".equals(facet)) {
        lists.computeIfAbsent(facet, f -> new StringJoiner(", ", "[", "]")).add(value);
      } else {
        props.put(facet, value);
      }
      if (child.hasAttribute("fixed")) {
        props.put(facet + " fixed", child.getAttribute("fixed"));
      }
    }
    lists.forEach((facet, values) -> props.put(facet, values.toString()));
  }

  private static boolean isFacet(Element el) {
    return isXsd(el) && (FACETS.contains(el.getLocalName())
        || "enumeration".equals(el.getLocalName()) || "pattern".equals(el.getLocalName()));
  }

  private void collectAddressingPolicies(Element root) {
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element policy && isPolicy(policy)
          && policy.getElementsByTagNameNS(WSAW, "UsingAddressing").getLength() > 0) {
        NamedNodeMap attributes = policy.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          if ("Id".equals(attributes.item(i).getLocalName())) {
            addressingPolicyIds.add(attributes.item(i).getNodeValue());
          }
        }
      }
    }
  }

  private boolean usesAddressing(Element binding) {
    if (binding.getElementsByTagNameNS(WSAW, "UsingAddressing").getLength() > 0) {
      return true;
    }
    var all = binding.getElementsByTagNameNS("*", "PolicyReference");
    for (int i = 0; i < all.getLength(); i++) {
      String uri = ((Element) all.item(i)).getAttribute("URI");
      if (uri.startsWith("#") && addressingPolicyIds.contains(uri.substring(1))) {
        return true;
      }
    }
    return false;
  }

  /** How a node is named in paths: its kind, then its name (or the element it refers to). */
  private String label(Element el) {
    String kind = isXsd(el) || isWsdl(el) ? el.getLocalName()
        : display(el.getNamespaceURI(), el.getLocalName());
    if (el.hasAttribute("name")) {
      return kind + " " + el.getAttribute("name");
    }
    if (isXsd(el) && el.hasAttribute("ref")) {
      return kind + " ref " + qname(el, el.getAttribute("ref"));
    }
    return kind;
  }

  /** Resolves a prefixed name against the namespaces in scope at {@code context}. */
  private String qname(Element context, String value) {
    int colon = value.indexOf(':');
    String prefix = colon < 0 ? null : value.substring(0, colon);
    String local = value.substring(colon + 1);
    String ns = context.lookupNamespaceURI(prefix);
    if (ns == null && prefix != null) {
      return value + " (unbound prefix)";
    }
    return ns == null ? local : display(ns, local);
  }

  private String display(String ns, String local) {
    if (ns == null || ns.isEmpty()) {
      return local;
    }
    if (ns.equals(targetNamespace)) {
      return "tns:" + local;
    }
    String prefix = PREFIXES.get(ns);
    return prefix != null ? prefix + ":" + local : "{" + ns + "}" + local;
  }

  private static boolean isXsd(Element el) {
    return XSD.equals(el.getNamespaceURI());
  }

  private static boolean isXsd(Element el, String local) {
    return isXsd(el) && local.equals(el.getLocalName());
  }

  private static boolean isWsdl(Element el) {
    return WSDL.equals(el.getNamespaceURI());
  }

  private static boolean isWsdl(Element el, String local) {
    return isWsdl(el) && local.equals(el.getLocalName());
  }

  private static boolean isSoap(Element el) {
    return SOAP11.equals(el.getNamespaceURI()) || SOAP12.equals(el.getNamespaceURI());
  }
}
