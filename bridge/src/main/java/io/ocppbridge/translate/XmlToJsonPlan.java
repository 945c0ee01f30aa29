package io.ocppbridge.translate;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the XML of one generated JAXB class becomes a JSON object in one dialect, worked out once
 * from the class and from what the dialect's Jackson mapper makes of it: which properties there
 * are and in which order Jackson writes them, the JSON name of each, where each sits in the XML
 * (a child element, an attribute, or the element's own text), whether it repeats, and how its
 * XML text becomes a JSON value ({@link XmlValueReader}). {@link DomJsonWriter} follows the plan
 * over a validated DOM; no JAXB object is made.
 *
 * <p>A class the plan cannot describe exactly (a field type without a reader, a property Jackson
 * would read through a getter, a nillable element) fails here, when the plan is built, never
 * while a message is translated.
 */
final class XmlToJsonPlan {

  /** Where a property's value is in the XML of its object. */
  enum Place { ELEMENT, ATTRIBUTE, TEXT }

  /**
   * One property.
   *
   * @param index its position in Jackson's order
   * @param json its JSON name in the dialect
   * @param xml the local name of its element or attribute ({@code null} for the text)
   * @param list whether it repeats (a JSON array)
   * @param absent what Jackson writes when the XML has no value ({@code null}: nothing; a
   *     primitive field keeps its default, 0 or false, and Jackson writes that)
   * @param reader the text's reader, for simple values; {@code null} for a nested object
   * @param nested the plan of a nested object; {@code null} for simple values
   */
  record Property(int index, String json, String xml, Place place, boolean list,
      JsonNode absent, XmlValueReader reader, XmlToJsonPlan nested) {}

  private final Class<?> type;
  private final Property[] properties;
  private final Map<String, Property> elements = new HashMap<>();
  private final List<Property> attributes = new ArrayList<>();
  private Property text;

  private XmlToJsonPlan(Class<?> type, int size) {
    this.type = type;
    this.properties = new Property[size];
  }

  /** The JAXB class the plan is for. */
  Class<?> type() {
    return type;
  }

  /** Every property, in the order Jackson writes them. */
  Property[] properties() {
    return properties;
  }

  /** The property written from the child element of that local name, or {@code null}. */
  Property element(String localName) {
    return elements.get(localName);
  }

  /** The properties written from attributes. */
  List<Property> attributes() {
    return attributes;
  }

  /** The property written from the element's own text ({@code @XmlValue}), or {@code null}. */
  Property text() {
    return text;
  }

  /**
   * Works out the plan of {@code type} for {@code mapper}.
   *
   * @param nested gives the plan of a nested JAXB class
   * @throws IllegalStateException when the class holds something the plan does not know
   */
  static XmlToJsonPlan build(Class<?> type, ObjectMapper mapper, XmlValueReader.Factory readers,
      java.util.function.Function<Class<?>, XmlToJsonPlan> nested) {
    JavaType javaType = mapper.constructType(type);
    BeanDescription bean = mapper.getSerializationConfig().introspect(javaType);
    List<BeanPropertyDefinition> written = new ArrayList<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      if (p.couldSerialize()) {
        written.add(p);
      }
    }
    XmlToJsonPlan plan = new XmlToJsonPlan(type, written.size());
    for (int i = 0; i < written.size(); i++) {
      BeanPropertyDefinition p = written.get(i);
      String where = type.getName() + "." + p.getName();
      if (!(p.getAccessor() instanceof AnnotatedField accessor)) {
        throw new IllegalStateException(where + ": Jackson reads it through "
            + p.getAccessor() + ", not its field; the plan knows fields only");
      }
      Field field = accessor.getAnnotated();
      boolean list = List.class.isAssignableFrom(field.getType());
      Class<?> valueType = list
          ? mapper.constructType(field.getGenericType()).getContentType().getRawClass()
          : field.getType();
      Place place;
      String xml;
      XmlElement element = field.getAnnotation(XmlElement.class);
      XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
      if (field.getAnnotation(XmlValue.class) != null) {
        place = Place.TEXT;
        xml = null;
      } else if (attribute != null) {
        place = Place.ATTRIBUTE;
        xml = "##default".equals(attribute.name()) ? field.getName() : attribute.name();
      } else {
        place = Place.ELEMENT;
        xml = element == null || "##default".equals(element.name())
            ? field.getName() : element.name();
        if (element != null && element.nillable()) {
          throw new IllegalStateException(where + ": nillable elements are not planned");
        }
      }
      if (list && place != Place.ELEMENT) {
        throw new IllegalStateException(where + ": a list that is not of elements");
      }
      XmlValueReader reader = null;
      XmlToJsonPlan inner = null;
      if (readers.knows(valueType)) {
        reader = readers.of(valueType);
      } else if (valueType.getAnnotation(jakarta.xml.bind.annotation.XmlType.class) != null
          && place == Place.ELEMENT) {
        inner = nested.apply(valueType);
      } else {
        throw new IllegalStateException(where + ": no reader for " + valueType.getName());
      }
      JsonNode absent = field.getType().isPrimitive() ? readers.primitiveDefault(valueType) : null;
      Property property = new Property(i, p.getName(), xml, place, list, absent, reader, inner);
      plan.properties[i] = property;
      boolean taken = switch (place) {
        case ELEMENT -> plan.elements.containsKey(xml);
        case ATTRIBUTE -> plan.attributes.stream().anyMatch(a -> a.xml().equals(xml));
        case TEXT -> plan.text != null;
      };
      if (taken) {
        throw new IllegalStateException(where + ": a second property for the same XML");
      }
      switch (place) {
        case ELEMENT -> plan.elements.put(xml, property);
        case ATTRIBUTE -> plan.attributes.add(property);
        case TEXT -> plan.text = property;
        default -> throw new AssertionError(place);
      }
    }
    return plan;
  }
}
