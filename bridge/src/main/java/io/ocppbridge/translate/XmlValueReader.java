package io.ocppbridge.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.xml.bind.DatatypeConverter;
import jakarta.xml.bind.annotation.XmlEnumValue;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * Turns the XML text of one simple value (an element's text or an attribute's value, already
 * valid against the XSD) into the JSON value Jackson would have written for the Java value JAXB
 * would have read from it. The text is read by JAXB's rules (whitespace collapsed and a leading
 * {@code +} allowed for numbers, {@code 1}/{@code 0} for booleans, enumerations by their XML
 * value), and written by Jackson's: {@code int} as an IntNode, decimals as written (JAXB and
 * Jackson together turned {@code 20.0} into {@code 2E+1}, the same number), timestamps as
 * {@link OcppJson#timestampText}, enumerations as the mapper writes each constant.
 */
@FunctionalInterface
interface XmlValueReader {

  /**
   * The JSON value of {@code lexical}, or {@code null} when JAXB would have read no value (an
   * enumeration's unknown text).
   *
   * @throws OcppJson.UnwritableTimestamp for a timestamp OCPP-J cannot carry
   */
  JsonNode read(String lexical, ChargerClock clock);

  /** The readers of one dialect's mapper, by Java type. */
  final class Factory {

    private final ObjectMapper mapper;
    private final DatatypeFactory datatypes;

    Factory(ObjectMapper mapper) {
      this.mapper = mapper;
      try {
        this.datatypes = DatatypeFactory.newInstance();
      } catch (DatatypeConfigurationException e) {
        throw new IllegalStateException("no XML datatype factory", e);
      }
    }

    /** Whether {@code type} is a simple value this factory reads. */
    boolean knows(Class<?> type) {
      // what the OCPP 1.2/1.5/1.6 classes hold; another type fails when its class is planned
      return type == String.class || type == int.class || type == Integer.class
          || type == boolean.class || type == Boolean.class || type == BigDecimal.class
          || type == XMLGregorianCalendar.class || type.isEnum();
    }

    /** The reader of {@code type}; only for types it {@link #knows}. */
    XmlValueReader of(Class<?> type) {
      if (type == String.class) {
        return (text, clock) -> TextNode.valueOf(text);
      }
      if (type == int.class || type == Integer.class) {
        return (text, clock) -> IntNode.valueOf(DatatypeConverter.parseInt(text));
      }
      if (type == boolean.class || type == Boolean.class) {
        return (text, clock) -> BooleanNode.valueOf(DatatypeConverter.parseBoolean(text));
      }
      if (type == BigDecimal.class) {
        // as the charger wrote it: Jackson's tree would strip trailing zeros (20.0 as 2E+1)
        return (text, clock) -> DecimalNode.valueOf(DatatypeConverter.parseDecimal(text));
      }
      if (type == XMLGregorianCalendar.class) {
        // JAXB trims the text and hands it to the datatype factory; the usual UTC form would
        // come back from it unchanged
        return (text, clock) -> {
          String trimmed = text.trim();
          return TextNode.valueOf(UtcTimestampText.isCanonical(trimmed) ? trimmed
              : OcppJson.timestampText(datatypes.newXMLGregorianCalendar(trimmed), clock));
        };
      }
      if (type.isEnum()) {
        return enumeration(type);
      }
      throw new IllegalStateException("no reader for " + type.getName());
    }

    /** What Jackson writes for a primitive field JAXB left at its default. */
    JsonNode primitiveDefault(Class<?> type) {
      if (type == int.class) {
        return IntNode.valueOf(0);
      }
      if (type == boolean.class) {
        return BooleanNode.FALSE;
      }
      throw new IllegalStateException("no default for the primitive " + type.getName());
    }

    /** XML value to the JSON the mapper writes for the constant, fixed once. */
    private XmlValueReader enumeration(Class<?> type) {
      Map<String, JsonNode> byXml = new HashMap<>();
      for (Object constant : type.getEnumConstants()) {
        String name = ((Enum<?>) constant).name();
        XmlEnumValue xml;
        try {
          xml = type.getField(name).getAnnotation(XmlEnumValue.class);
        } catch (NoSuchFieldException e) {
          throw new IllegalStateException(e);
        }
        byXml.put(xml == null ? name : xml.value(), mapper.valueToTree(constant));
      }
      return (text, clock) -> byXml.get(text);
    }
  }
}
