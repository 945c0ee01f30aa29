package io.ocppbridge.translate;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppVersion;
import java.util.List;

/**
 * The one table of the places where a {@link JsonDialect} names a JSON property differently from
 * the XSD element it stands for. The schema generator names the properties of
 * {@code schemas-json/} by it, and the translation's mappers ({@link OcppJson#payloadMapper})
 * rename the JAXB fields by it; nothing else decides a name.
 *
 * <p>Today the table has one row. In OCPP 1.5 the {@code MeterValue} complex type holds a
 * repeated {@code value} element whose text is the sample and whose XML attributes describe it
 * ({@code unit}, {@code measurand}, ...). Both dialects turn each element into an object whose
 * text sits in a property {@code value} beside the attributes; ocppjs names the list
 * {@code values}, the XSD (and so SteVe) {@code value}:
 * <pre>
 * ocppjs: {"timestamp": "...", "values": [{"value": "5", "unit": "Wh"}]}
 * xsd:    {"timestamp": "...", "value":  [{"value": "5", "unit": "Wh"}]}
 * </pre>
 * It appears in MeterValues ({@code values[].value}) and in StopTransaction
 * ({@code transactionData[].values[].value}); no central-system-initiated 1.5 message carries a
 * MeterValue. The OCPP 1.2 {@code MeterValue} has a single integer {@code value} that both
 * dialects call {@code value}: 1.2 is the same in both.
 */
public final class DialectNames {

  /**
   * One difference: in {@code dialect} and {@code version}, the element {@code xsdElement} of the
   * complex type {@code xsdType} (the JAXB class {@code jaxbClass}, field {@code field}) is called
   * {@code jsonName}.
   */
  public record Rename(JsonDialect dialect, OcppVersion version, String xsdType,
      String xsdElement, String jsonName, Class<?> jaxbClass, String field) {}

  /** Every difference, in every dialect. */
  public static final List<Rename> TABLE = List.of(
      new Rename(JsonDialect.OCPPJS, OcppVersion.V1_5, "MeterValue", "value", "values",
          io.ocppbridge.generated.ocpp15.cs.MeterValue.class, "value"));

  /**
   * The JSON property that carries the text of an element with simple content and attributes
   * (the sample itself, beside {@code unit}, {@code measurand}, ...), in every dialect.
   */
  public static final String SIMPLE_CONTENT_PROPERTY = "value";

  private DialectNames() {}

  /**
   * The JSON name of an XSD element in a dialect.
   *
   * @param ownerType the name of the complex type declaring the element, {@code null} when the
   *     type is anonymous
   */
  public static String propertyName(JsonDialect dialect, OcppVersion version, String ownerType,
      String element) {
    for (Rename r : TABLE) {
      if (r.dialect() == dialect && r.version() == version && r.xsdType().equals(ownerType)
          && r.xsdElement().equals(element)) {
        return r.jsonName();
      }
    }
    return element;
  }

  /** The renames of one dialect. */
  public static List<Rename> of(JsonDialect dialect) {
    return TABLE.stream().filter(r -> r.dialect() == dialect).toList();
  }

  /**
   * Names the JAXB fields of the table's rows as the dialect wants them; asked before the JAXB
   * annotations, so its names win.
   */
  static NopAnnotationIntrospector introspector(JsonDialect dialect) {
    List<Rename> renames = of(dialect);
    return new NopAnnotationIntrospector() {
      private static final long serialVersionUID = 1L;

      @Override
      public PropertyName findNameForSerialization(Annotated a) {
        return renamed(a);
      }

      @Override
      public PropertyName findNameForDeserialization(Annotated a) {
        return renamed(a);
      }

      private PropertyName renamed(Annotated a) {
        if (a instanceof AnnotatedField f) {
          for (Rename r : renames) {
            if (r.jaxbClass() == f.getDeclaringClass() && r.field().equals(f.getName())) {
              return PropertyName.construct(r.jsonName());
            }
          }
        }
        return null;
      }
    };
  }
}
