package io.ocppbridge.translate;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Seeded random instances of the generated JAXB classes, mostly within the XSD's facets (strings
 * of at most 20 characters, decimals with one fraction digit), for the differential test of
 * {@link DomJsonWriter}; and other lexical forms of the same values in their XML.
 */
final class PayloadGenerator {

  private static final String CHARS = "abcXYZ019 -_.:/&<>\"'éü€\t";
  private final Random random;
  private final DatatypeFactory datatypes;

  PayloadGenerator(Random random) throws Exception {
    this.random = random;
    this.datatypes = DatatypeFactory.newInstance();
  }

  /**
   * A filled instance of a JAXB class.
   *
   * @param full every optional value present (otherwise each one is left out at random)
   * @param odd timestamps OCPP-J cannot carry may appear (years beyond 9999, picoseconds)
   */
  Object instance(Class<?> type, boolean full, boolean odd) throws Exception {
    Object o = type.getDeclaredConstructor().newInstance();
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      boolean required = f.getType().isPrimitive()
          || (f.getAnnotation(XmlElement.class) != null
              && f.getAnnotation(XmlElement.class).required())
          || (f.getAnnotation(XmlAttribute.class) != null
              && f.getAnnotation(XmlAttribute.class).required())
          || f.getAnnotation(jakarta.xml.bind.annotation.XmlValue.class) != null;
      if (!required && !full && random.nextBoolean()) {
        continue;
      }
      if (List.class.isAssignableFrom(f.getType())) {
        Class<?> item = (Class<?>) ((ParameterizedType) f.getGenericType())
            .getActualTypeArguments()[0];
        int[] sizes = required ? new int[] {1, 3} : new int[] {0, 1, 3};
        List<Object> items = new ArrayList<>();
        int size = sizes[random.nextInt(sizes.length)];
        for (int i = 0; i < size; i++) {
          items.add(value(item, full, odd));
        }
        f.set(o, items);
      } else if (f.getAnnotation(jakarta.xml.bind.annotation.XmlSchemaType.class) != null
          && f.getAnnotation(jakarta.xml.bind.annotation.XmlSchemaType.class).name()
              .equals("anyURI")) {
        f.set(o, "ftp://host" + random.nextInt(100) + "/a%20b?c=" + random.nextInt());
      } else {
        f.set(o, value(f.getType(), full, odd));
      }
    }
    return o;
  }

  private Object value(Class<?> type, boolean full, boolean odd) throws Exception {
    if (type == String.class) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(20);
      for (int i = 0; i < length; i++) {
        s.append(CHARS.charAt(random.nextInt(CHARS.length())));
      }
      return s.toString();
    }
    if (type == int.class || type == Integer.class) {
      return switch (random.nextInt(5)) {
        case 0 -> 0;
        case 1 -> random.nextInt(10);
        case 2 -> random.nextInt(100_000);
        case 3 -> Integer.MAX_VALUE - random.nextInt(3);
        default -> -random.nextInt(1000);
      };
    }
    if (type == boolean.class || type == Boolean.class) {
      return random.nextBoolean();
    }
    if (type == BigDecimal.class) {
      return switch (random.nextInt(5)) {
        case 0 -> new BigDecimal("20.0");
        case 1 -> new BigDecimal("0.0");
        case 2 -> BigDecimal.valueOf(random.nextInt(100_000), 1);
        case 3 -> BigDecimal.valueOf(-random.nextInt(1000), 1);
        default -> BigDecimal.valueOf(random.nextInt(100_000));
      };
    }
    if (type == BigInteger.class) {
      return BigInteger.valueOf(random.nextLong());
    }
    if (type == XMLGregorianCalendar.class) {
      return timestamp(odd);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    }
    return instance(type, full, odd);
  }

  private XMLGregorianCalendar timestamp(boolean odd) {
    int year = odd && random.nextInt(4) == 0 ? 10_000 + random.nextInt(3)
        : 1970 + random.nextInt(130);
    int zone = switch (random.nextInt(3)) {
      case 0 -> DatatypeConstants.FIELD_UNDEFINED;
      case 1 -> 0;
      default -> (random.nextInt(57) - 28) * 30;
    };
    XMLGregorianCalendar c = datatypes.newXMLGregorianCalendar(year, 1 + random.nextInt(12),
        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
        DatatypeConstants.FIELD_UNDEFINED, zone);
    int digits = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(9);
    if (odd && random.nextInt(4) == 0) {
      digits = 10 + random.nextInt(3);
    }
    if (digits > 0) {
      c.setFractionalSecond(new BigDecimal(
          new BigInteger(Math.min(digits * 3, 40), random).mod(BigInteger.TEN.pow(digits)),
          digits));
    }
    return c;
  }

  /**
   * The same document with some values in other forms XML Schema gives them: numbers with a
   * sign and surrounding whitespace, booleans as 1 and 0, timestamps between whitespace.
   */
  String relex(String xml) throws Exception {
    Document doc = SecureXml.documentBuilderFactory().newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));
    relex(doc.getDocumentElement());
    StringWriter out = new StringWriter();
    TransformerFactory.newInstance().newTransformer()
        .transform(new DOMSource(doc), new StreamResult(out));
    return out.toString();
  }

  private void relex(Element e) {
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      if (a.getNamespaceURI() == null) {
        a.setValue(other(a.getValue()));
      }
    }
    boolean leaf = true;
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        leaf = false;
        relex(child);
      }
    }
    if (leaf && e.getFirstChild() != null) {
      e.setTextContent(other(e.getTextContent()));
    }
  }

  private String other(String value) {
    if (random.nextInt(3) != 0) {
      return value;
    }
    if (value.matches("\\d+(\\.\\d+)?")) {
      return " \n+" + value + "\t ";
    }
    if (value.matches("-\\d+(\\.\\d+)?")) {
      return "  " + value + "\n";
    }
    if (value.equals("true") || value.equals("false")) {
      return random.nextBoolean() ? (value.equals("true") ? "1" : "0") : " " + value + " ";
    }
    if (value.matches("-?\\d{4,}-\\d\\d-\\d\\dT.*")) {
      return " " + value + "\n";
    }
    return value;
  }
}
