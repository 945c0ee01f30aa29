package io.ocppbridge.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes a SOAP payload that passed XSD validation as the JSON tree of one dialect, walking the
 * DOM along the {@link XmlToJsonPlan} of its JAXB class. The tree is the one JAXB unmarshalling
 * followed by Jackson serialisation with the dialect's mapper gave (same properties, order and
 * node types), without the JAXB object in between.
 *
 * <p>Plans are made once per class ({@link #prepare}, or at first use) and shared; thread-safe.
 */
final class DomJsonWriter {

  private final ObjectMapper mapper;
  private final JsonNodeFactory nodes;
  private final XmlValueReader.Factory readers;
  private final ConcurrentMap<Class<?>, XmlToJsonPlan> plans = new ConcurrentHashMap<>();

  /** A writer of the JSON {@code mapper} writes (one dialect's {@link OcppJson#payloadMapper}). */
  DomJsonWriter(ObjectMapper mapper) {
    this.mapper = mapper;
    this.nodes = mapper.getNodeFactory();
    this.readers = new XmlValueReader.Factory(mapper);
  }

  /**
   * The plan of {@code type} and of every class it holds, made now if not yet made.
   *
   * @throws IllegalStateException when the class holds something the plan does not know
   */
  XmlToJsonPlan prepare(Class<?> type) {
    return plan(type, new HashSet<>());
  }

  /**
   * The JSON object of {@code payload}, an element of {@code type}'s XSD type.
   *
   * @throws OcppJson.UnwritableTimestamp for a timestamp OCPP-J cannot carry
   */
  ObjectNode write(Element payload, Class<?> type, ChargerClock clock) {
    XmlToJsonPlan plan = plans.get(type);
    return object(payload, plan != null ? plan : prepare(type), clock);
  }

  private XmlToJsonPlan plan(Class<?> type, Set<Class<?>> building) {
    XmlToJsonPlan known = plans.get(type);
    if (known != null) {
      return known;
    }
    if (!building.add(type)) {
      throw new IllegalStateException(type.getName() + " contains itself; not planned");
    }
    XmlToJsonPlan made = XmlToJsonPlan.build(type, mapper, readers, t -> plan(t, building));
    building.remove(type);
    XmlToJsonPlan raced = plans.putIfAbsent(type, made);
    return raced != null ? raced : made;
  }

  private ObjectNode object(Element element, XmlToJsonPlan plan, ChargerClock clock) {
    XmlToJsonPlan.Property[] properties = plan.properties();
    JsonNode[] values = new JsonNode[properties.length];
    for (XmlToJsonPlan.Property p : plan.attributes()) {
      Attr attribute = element.getAttributeNodeNS(null, p.xml());
      if (attribute != null) {
        values[p.index()] = p.reader().read(attribute.getValue(), clock);
      }
    }
    XmlToJsonPlan.Property text = plan.text();
    if (text != null) {
      values[text.index()] = text.reader().read(element.getTextContent(), clock);
    }
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      XmlToJsonPlan.Property p = plan.element(n.getLocalName());
      if (p == null) {
        continue; // not in the class (validation lets nothing unknown through)
      }
      JsonNode value = p.nested() != null
          ? object((Element) n, p.nested(), clock)
          : p.reader().read(n.getTextContent(), clock);
      if (p.list()) {
        ArrayNode items = (ArrayNode) values[p.index()];
        if (items == null) {
          items = nodes.arrayNode();
          values[p.index()] = items;
        }
        items.add(value);
      } else if (value != null) {
        values[p.index()] = value;
      }
    }
    ObjectNode result = nodes.objectNode();
    for (int i = 0; i < properties.length; i++) {
      JsonNode value = values[i] != null ? values[i] : properties[i].absent();
      if (value != null) {
        result.set(properties[i].json(), value);
      }
    }
    return result;
  }
}
