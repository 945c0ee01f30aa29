package io.ocppbridge.translate;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The JAXB side of one OCPP version: one context per service (so a marshalled message declares
 * only its own namespace), the XML schema embedded in its two
 * WSDLs for validation, and the generated class of every request and response in the catalogue.
 */
public final class OcppSchemaModel {

  private static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  private final OcppVersion version;
  private final Map<Initiator, JAXBContext> contexts = new EnumMap<>(Initiator.class);
  private final Schema schema;
  private final ThreadLocal<ValidatorSlot> validators =
      ThreadLocal.withInitial(() -> new ValidatorSlot(schema()));
  private final java.util.Set<String> elementNames = new java.util.HashSet<>();
  private final XsdSequences sequences = new XsdSequences();
  private final Map<OcppAction, Class<?>> requestTypes = new EnumMap<>(OcppAction.class);
  private final Map<OcppAction, Class<?>> responseTypes = new EnumMap<>(OcppAction.class);

  private OcppSchemaModel(OcppVersion version) {
    this.version = version;
    for (Initiator initiator : Initiator.values()) {
      try {
        contexts.put(initiator, JAXBContext.newInstance(packageOf(version, initiator),
            OcppSchemaModel.class.getClassLoader()));
      } catch (JAXBException e) {
        throw new IllegalStateException("cannot build the JAXB context for " + version, e);
      }
    }
    this.schema = loadSchema(version, elementNames, sequences);
    for (Initiator initiator : Initiator.values()) {
      for (OcppAction action : OcppAction.all(version, initiator)) {
        String pkg = packageOf(version, initiator);
        requestTypes.put(action, load(pkg + "." + action.wireName() + "Request"));
        responseTypes.put(action, load(pkg + "." + action.wireName() + "Response"));
      }
    }
  }

  /** Builds the model of every version; expensive, done once at start. */
  public static Map<OcppVersion, OcppSchemaModel> loadAll() {
    Map<OcppVersion, OcppSchemaModel> all = new EnumMap<>(OcppVersion.class);
    for (OcppVersion v : OcppVersion.values()) {
      all.put(v, new OcppSchemaModel(v));
    }
    return all;
  }

  public OcppVersion version() {
    return version;
  }

  /** The JAXB context of the service that serves {@code action}. */
  public JAXBContext context(OcppAction action) {
    return contexts.get(action.initiator());
  }

  public Schema schema() {
    return schema;
  }

  /**
   * The validator of {@link #schema()} for the calling thread only. Making a new one for every
   * message was a hot spot under load (its whole component configuration is built each time); a
   * Validator is not thread-safe, so each thread keeps one, configured once (see
   * {@link ValidatorSlot}).
   */
  ValidatorSlot validator() {
    return validators.get();
  }

  public Class<?> requestType(OcppAction action) {
    return requireType(requestTypes, action);
  }

  public Class<?> responseType(OcppAction action) {
    return requireType(responseTypes, action);
  }

  /** The namespace of the service that receives {@code action}'s request. */
  public String namespaceOf(OcppAction action) {
    return action.initiator() == Initiator.CHARGE_POINT
        ? version.centralSystemNamespace()
        : version.chargePointNamespace();
  }

  /** Classpath location of a version's WSDL of one service. */
  public static String wsdlResource(OcppVersion version, Initiator initiator) {
    String service = initiator == Initiator.CHARGE_POINT
        ? "CentralSystemService" : "ChargePointService";
    return "wsdl/" + version.subprotocol() + "/" + service + ".wsdl";
  }

  private Class<?> requireType(Map<OcppAction, Class<?>> types, OcppAction action) {
    Class<?> type = types.get(action);
    if (type == null) {
      throw new IllegalArgumentException(action.wireName() + " does not exist in " + version);
    }
    return type;
  }

  private static String packageOf(OcppVersion version, Initiator initiator) {
    String v = version.subprotocol().replace(".", ""); // ocpp12, ocpp15, ocpp16
    return "io.ocppbridge.generated." + v + (initiator == Initiator.CHARGE_POINT ? ".cs" : ".cp");
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, OcppSchemaModel.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("generated class missing: " + name, e);
    }
  }

  /** Every element name the version's XSD declares, local or global. */
  public java.util.Set<String> elementNames() {
    return java.util.Collections.unmodifiableSet(elementNames);
  }

  /** The element sequences of the version's XSD. */
  XsdSequences sequences() {
    return sequences;
  }

  private static Schema loadSchema(OcppVersion version, java.util.Set<String> elementNames,
      XsdSequences sequences) {
    List<Source> sources = new ArrayList<>();
    for (Initiator initiator : Initiator.values()) {
      sources.addAll(schemasOf(wsdlResource(version, initiator)));
    }
    for (Source source : sources) {
      sequences.add((Document) ((DOMSource) source).getNode());
      NodeList elements = ((Document) ((DOMSource) source).getNode())
          .getElementsByTagNameNS(XSD_NS, "element");
      for (int i = 0; i < elements.getLength(); i++) {
        elementNames.add(((Element) elements.item(i)).getAttribute("name"));
      }
    }
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XSD_NS);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newSchema(sources.toArray(Source[]::new));
    } catch (SAXException e) {
      throw new IllegalStateException("invalid schema in the WSDLs of " + version, e);
    }
  }

  /**
   * The {@code xs:schema} elements of a WSDL, each moved into a document of its own with the
   * namespace declarations of its ancestors, so the schema parser resolves every prefix.
   */
  private static List<Source> schemasOf(String resource) {
    try (InputStream in = OcppSchemaModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("WSDL not on the classpath: " + resource);
      }
      DocumentBuilderFactory dbf = SecureXml.documentBuilderFactory();
      Document wsdl = dbf.newDocumentBuilder().parse(in);
      NodeList schemas = wsdl.getElementsByTagNameNS(XSD_NS, "schema");
      List<Source> result = new ArrayList<>();
      for (int i = 0; i < schemas.getLength(); i++) {
        Element original = (Element) schemas.item(i);
        Document doc = dbf.newDocumentBuilder().newDocument();
        Element copy = (Element) doc.importNode(original, true);
        for (Node n = original.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
          NamedNodeMap attrs = e.getAttributes();
          for (int a = 0; a < attrs.getLength(); a++) {
            Attr attr = (Attr) attrs.item(a);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())
                && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr.getLocalName())) {
              copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr.getName(),
                  attr.getValue());
            }
          }
        }
        doc.appendChild(copy);
        result.add(new DOMSource(doc, resource));
      }
      return result;
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }
}
