package io.ocppbridge.translate;

import io.ocppbridge.core.OcppVersion;

/**
 * The one place where a JSON property name of the ocppjs mapping differs from the XSD element it
 * stands for, shared by the schema generator and (meant for) the translation dialect.
 *
 * <p>In OCPP 1.5 the {@code MeterValue} complex type holds a repeated {@code value} element whose
 * text is the sample and whose XML attributes describe it ({@code unit}, {@code measurand}, ...).
 * ocppjs names that list {@code values} and turns each element into an object whose text sits in
 * a property {@code value} beside the attributes:
 * {@code {"timestamp": "...", "values": [{"value": "5", "unit": "Wh"}]}}. The OCPP 1.2
 * {@code MeterValue} has a single integer {@code value} and keeps its name.
 */
public final class OcppjsNaming {

  /** The XSD complex type whose element is renamed (OCPP 1.5 only). */
  public static final String METER_VALUE_TYPE = "MeterValue";

  /** The repeated XSD element inside {@link #METER_VALUE_TYPE}. */
  public static final String METER_VALUE_XSD_ELEMENT = "value";

  /** Its JSON name in the ocppjs mapping. */
  public static final String METER_VALUE_JSON_PROPERTY = "values";

  /**
   * The JSON property that carries the text of an element with simple content and attributes
   * (the sample itself, beside {@code unit}, {@code measurand}, ...).
   */
  public static final String SIMPLE_CONTENT_PROPERTY = "value";

  private OcppjsNaming() {}

  /**
   * The JSON name of an XSD element in the ocppjs mapping.
   *
   * @param version the OCPP version whose XSD declares the element
   * @param ownerType the name of the complex type declaring the element, {@code null} when the
   *     type is anonymous
   * @param element the element's local name
   */
  public static String propertyName(OcppVersion version, String ownerType, String element) {
    if (version == OcppVersion.V1_5
        && METER_VALUE_TYPE.equals(ownerType)
        && METER_VALUE_XSD_ELEMENT.equals(element)) {
      return METER_VALUE_JSON_PROPERTY;
    }
    return element;
  }
}
