package io.ocppbridge.schema;

import static io.ocppbridge.schema.WsdlSchema.XSD_NS;
import static io.ocppbridge.schema.WsdlSchema.children;

import io.ocppbridge.translate.DialectNames;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppVersion;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * Maps the XSD types of one WSDL to draft-04 JSON schema fragments, following the ocppjs mapping
 * with the project's own refinements (see {@code schemas-json/README.md}):
 *
 * <ul>
 *   <li>a complex type with a sequence becomes an object: one property per element (named by
 *       {@link DialectNames} for the dialect), {@code required} for {@code minOccurs >= 1} in XSD order,
 *       {@code additionalProperties: false};
 *   <li>{@code maxOccurs > 1} or {@code unbounded} becomes an array of the item schema, with
 *       {@code minItems} when {@code minOccurs >= 1};
 *   <li>simple content with attributes becomes an object: the text in
 *       {@link DialectNames#SIMPLE_CONTENT_PROPERTY} (required), each attribute beside it;
 *   <li>simple types keep their {@code enumeration} (as {@code enum}, XSD order) and
 *       {@code maxLength} facets, and {@code fractionDigits n} becomes {@code multipleOf 10^-n}
 *       (OCPP 1.6); built-in types map as in {@link #builtIn}.
 * </ul>
 *
 * <p>Anything else the XSD language allows (choice, complexContent, ref, other facets) is refused
 * with an exception rather than approximated: the OCPP 1.2/1.5/1.6 WSDLs do not use it.
 */
final class XsdTypeMapper {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int UNBOUNDED = Integer.MAX_VALUE;

  private final WsdlSchema xsd;
  private final OcppVersion version;
  private final JsonDialect dialect;

  XsdTypeMapper(WsdlSchema xsd, OcppVersion version, JsonDialect dialect) {
    this.xsd = xsd;
    this.version = version;
    this.dialect = dialect;
  }

  /** The XSD type name of a global (SOAP body) element, e.g. {@code BootNotificationRequest}. */
  String typeNameOf(String globalElement) {
    Element element = xsd.globalElement(globalElement);
    String type = element.getAttribute("type");
    return type.isEmpty() ? globalElement : xsd.resolve(element, type).getLocalPart();
  }

  /** The object schema of a global (SOAP body) element's content. */
  ObjectNode bodySchema(String globalElement) {
    ObjectNode schema = declaredType(xsd.globalElement(globalElement));
    if (!"object".equals(schema.path("type").asText())) {
      throw new IllegalStateException(xsd.source() + ": body element " + globalElement
          + " is not of a complex type");
    }
    return schema;
  }

  /** The schema of an element's or attribute's type: named by {@code type=} or anonymous. */
  private ObjectNode declaredType(Element declaration) {
    String type = declaration.getAttribute("type");
    if (!type.isEmpty()) {
      return namedType(xsd.resolve(declaration, type));
    }
    List<Element> anonymous = children(declaration);
    if (anonymous.size() != 1) {
      throw xsd.unsupported(declaration, "declaration without exactly one type");
    }
    Element definition = anonymous.get(0);
    return switch (definition.getLocalName()) {
      case "complexType" -> complexType(definition, null);
      case "simpleType" -> simpleType(definition);
      default -> throw xsd.unsupported(definition, "anonymous type");
    };
  }

  private ObjectNode namedType(QName name) {
    if (XSD_NS.equals(name.getNamespaceURI())) {
      return builtIn(name.getLocalPart());
    }
    Element simple = xsd.simpleType(name);
    if (simple != null) {
      return simpleType(simple);
    }
    Element complex = xsd.complexType(name);
    if (complex != null) {
      return complexType(complex, name.getLocalPart());
    }
    throw new IllegalStateException(xsd.source() + ": type " + name + " is not declared");
  }

  /**
   * XSD built-in types: every integer type is {@code integer} (ocppjs said {@code number}),
   * decimals and floats are {@code number}, dates and URIs are strings with a {@code format}.
   */
  private ObjectNode builtIn(String name) {
    ObjectNode schema = JSON.objectNode();
    switch (name) {
      case "string", "normalizedString", "token" -> schema.put("type", "string");
      case "int", "integer", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
          "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte" ->
          schema.put("type", "integer");
      case "decimal", "double", "float" -> schema.put("type", "number");
      case "boolean" -> schema.put("type", "boolean");
      case "dateTime" -> schema.put("type", "string").put("format", "date-time");
      case "anyURI" -> schema.put("type", "string").put("format", "uri");
      default -> throw new IllegalStateException(xsd.source() + ": unsupported built-in type xs:"
          + name);
    }
    return schema;
  }

  /**
   * A restriction of a built-in or named simple type by enumeration, maxLength and
   * fractionDigits facets.
   */
  private ObjectNode simpleType(Element simpleType) {
    List<Element> content = children(simpleType);
    if (content.size() != 1 || !"restriction".equals(content.get(0).getLocalName())) {
      throw xsd.unsupported(simpleType, "simple type (only xs:restriction is mapped)");
    }
    Element restriction = content.get(0);
    String base = restriction.getAttribute("base");
    if (base.isEmpty()) {
      throw xsd.unsupported(restriction, "restriction without a base");
    }
    ObjectNode schema = namedType(xsd.resolve(restriction, base));
    ArrayNode values = JSON.arrayNode();
    for (Element facet : children(restriction)) {
      String value = facet.getAttribute("value");
      switch (facet.getLocalName()) {
        case "enumeration" -> values.add(value);
        case "maxLength" -> schema.put("maxLength", Integer.parseInt(value));
        // OCPP 1.6 decimals (xs:decimal, fractionDigits 1): JSON says multipleOf 0.1
        case "fractionDigits" -> schema.put("multipleOf",
            java.math.BigDecimal.ONE.movePointLeft(Integer.parseInt(value)));
        default -> throw xsd.unsupported(facet, "facet");
      }
    }
    if (!values.isEmpty()) {
      schema.set("enum", values);
    }
    return schema;
  }

  /** An object: either a sequence of elements (or nothing), or simple content with attributes. */
  private ObjectNode complexType(Element complexType, String typeName) {
    ObjectNode properties = JSON.objectNode();
    ArrayNode required = JSON.arrayNode();
    for (Element part : children(complexType)) {
      switch (part.getLocalName()) {
        case "sequence" -> {
          for (Element element : children(part)) {
            addElement(element, typeName, properties, required);
          }
        }
        case "simpleContent" -> addSimpleContent(part, properties, required);
        default -> throw xsd.unsupported(part, "content of complex type '" + typeName + "':");
      }
    }
    return object(properties, required);
  }

  private void addElement(Element element, String ownerType, ObjectNode properties,
      ArrayNode required) {
    String name = element.getAttribute("name");
    if (!"element".equals(element.getLocalName()) || name.isEmpty()) {
      throw xsd.unsupported(element, "particle in the sequence of '" + ownerType + "':");
    }
    int minOccurs = occurs(element, "minOccurs");
    int maxOccurs = occurs(element, "maxOccurs");
    ObjectNode schema = declaredType(element);
    if (maxOccurs > 1) {
      ObjectNode array = JSON.objectNode().put("type", "array");
      array.set("items", schema);
      if (minOccurs >= 1) {
        array.put("minItems", minOccurs);
      }
      if (maxOccurs != UNBOUNDED) {
        array.put("maxItems", maxOccurs);
      }
      schema = array;
    }
    String property = DialectNames.propertyName(dialect, version, ownerType, name);
    put(properties, property, schema, element);
    if (minOccurs >= 1) {
      required.add(property);
    }
  }

  /** {@code <value unit="Wh">5</value>} becomes {@code {"value": "5", "unit": "Wh"}}. */
  private void addSimpleContent(Element simpleContent, ObjectNode properties, ArrayNode required) {
    List<Element> content = children(simpleContent);
    if (content.size() != 1 || !"extension".equals(content.get(0).getLocalName())) {
      throw xsd.unsupported(simpleContent, "simple content (only xs:extension is mapped)");
    }
    Element extension = content.get(0);
    String text = DialectNames.SIMPLE_CONTENT_PROPERTY;
    put(properties, text, namedType(xsd.resolve(extension, extension.getAttribute("base"))),
        extension);
    required.add(text);
    for (Element attribute : children(extension)) {
      if (!"attribute".equals(attribute.getLocalName())) {
        throw xsd.unsupported(attribute, "part of a simple content extension");
      }
      String name = attribute.getAttribute("name");
      put(properties, name, declaredType(attribute), attribute);
      if ("required".equals(attribute.getAttribute("use"))) {
        required.add(name);
      }
    }
  }

  private void put(ObjectNode properties, String name, ObjectNode schema, Element at) {
    if (properties.has(name)) {
      throw new IllegalStateException(xsd.source() + ": two properties named '" + name
          + "' at xs:" + at.getLocalName() + " '" + at.getAttribute("name") + "'");
    }
    properties.set(name, schema);
  }

  private static ObjectNode object(ObjectNode properties, ArrayNode required) {
    ObjectNode object = JSON.objectNode().put("type", "object");
    object.set("properties", properties);
    if (!required.isEmpty()) {
      object.set("required", required);
    }
    object.put("additionalProperties", false);
    return object;
  }

  /** minOccurs / maxOccurs, 1 when absent (XSD default), {@link #UNBOUNDED} for "unbounded". */
  private static int occurs(Element element, String attribute) {
    String value = element.getAttribute(attribute);
    if (value.isEmpty()) {
      return 1;
    }
    return "unbounded".equals(value) ? UNBOUNDED : Integer.parseInt(value);
  }
}
