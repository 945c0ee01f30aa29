package io.ocppbridge.translate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationIntrospector;
import io.ocppbridge.core.JsonDialect;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Builds the one ObjectMapper that writes and reads OCPP payloads from the JAXB model. */
public final class OcppJson {

  private OcppJson() {}

  /** A mapper for OCPP payloads in the given dialect. Thread-safe once built; share it. */
  public static ObjectMapper payloadMapper(JsonDialect dialect) {
    ObjectMapper mapper = JsonMapper.builder()
        // the dialect's names first (DialectNames), then Jackson's annotations, then JAXB's
        .annotationIntrospector(AnnotationIntrospector.pair(
            DialectNames.introspector(dialect), AnnotationIntrospector.pair(
                new JacksonAnnotationIntrospector(),
                new JakartaXmlBindAnnotationIntrospector(TypeFactory.defaultInstance()))))
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(timestamps())
        .build();
    return mapper;
  }

  /** A plain mapper for frames and trees. */
  public static ObjectMapper frameMapper() {
    // Exact numbers: a value beyond the double range must not come out as "Infinity".
    return JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
  }

  /**
   * Timestamps stay text ({@code toXMLFormat()}), never epoch numbers. An XML timestamp without
   * an offset is read in the charger's zone ({@link ChargerClock}, UTC by default) and written
   * with that offset, so the JSON side always has one. Toward a charger that wants local time,
   * a JSON timestamp is moved to its zone and written without offset.
   */
  private static SimpleModule timestamps() {
    DatatypeFactory factory;
    try {
      factory = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException("no XML datatype factory", e);
    }
    SimpleModule module = new SimpleModule("ocpp-timestamps");
    module.addSerializer(XMLGregorianCalendar.class, new JsonSerializer<>() {
      @Override
      public void serialize(XMLGregorianCalendar value, JsonGenerator gen,
          SerializerProvider serializers) throws IOException {
        try {
          gen.writeString(timestampText(value,
              clock(serializers.getAttribute(ChargerClock.ATTRIBUTE))));
        } catch (UnwritableTimestamp e) {
          throw new com.fasterxml.jackson.core.JsonGenerationException(e.getMessage(), gen);
        }
      }
    });
    module.addDeserializer(XMLGregorianCalendar.class, new JsonDeserializer<>() {
      @Override
      public XMLGregorianCalendar deserialize(JsonParser p, DeserializationContext ctxt)
          throws IOException {
        if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
          return (XMLGregorianCalendar) ctxt.handleUnexpectedToken(XMLGregorianCalendar.class, p);
        }
        String text = p.getText();
        try {
          XMLGregorianCalendar c = factory.newXMLGregorianCalendar(text);
          if (c.getXMLSchemaType() != DatatypeConstants.DATETIME) {
            throw new IllegalArgumentException("not a date-time");
          }
          ChargerClock clock = clock(ctxt.getAttribute(ChargerClock.ATTRIBUTE));
          return clock.localTimeToCharger() ? toLocal(factory, c, clock.zone()) : c;
        } catch (IllegalArgumentException e) {
          return (XMLGregorianCalendar) ctxt.handleWeirdStringValue(XMLGregorianCalendar.class,
              text, "not an ISO 8601 date-time");
        }
      }
    });
    return module;
  }

  /**
   * The OCPP-J text of an XML timestamp: as {@code toXMLFormat()} writes it, with the offset of
   * the charger's clock added when the timestamp has none. Shared by the Jackson serializer and
   * by {@link DomJsonWriter}, so both write timestamps the same way.
   *
   * @throws UnwritableTimestamp when the XSD allowed what an RFC 3339 date-time cannot carry
   */
  static String timestampText(XMLGregorianCalendar value, ChargerClock clock) {
    XMLGregorianCalendar c = value;
    if (c.getYear() < 0 || c.getYear() > 9999 || (c.getFractionalSecond() != null
        && c.getFractionalSecond().scale() > 9)) {
      throw new UnwritableTimestamp("timestamp '" + value.toXMLFormat() + "' cannot be written as"
          + " an OCPP-J date-time (years 0000 to 9999, at most nanosecond precision)");
    }
    if (c.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
      c = (XMLGregorianCalendar) value.clone();
      c.setTimezone(offsetMinutes(clock, value));
    }
    return c.toXMLFormat();
  }

  /** A valid XML timestamp that has no OCPP-J form (a year beyond 9999, picoseconds...). */
  static final class UnwritableTimestamp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnwritableTimestamp(String message) {
      super(message);
    }
  }

  private static ChargerClock clock(Object attribute) {
    return attribute instanceof ChargerClock c ? c : ChargerClock.UTC;
  }

  /** The offset of the clock's zone at the local time the calendar names, in minutes. */
  private static int offsetMinutes(ChargerClock clock, XMLGregorianCalendar local) {
    LocalDateTime time = LocalDateTime.of(local.getYear(), local.getMonth(), local.getDay(),
        local.getHour(), local.getMinute(), local.getSecond());
    return clock.zone().getRules().getOffset(time).getTotalSeconds() / 60;
  }

  /** The same instant as local time in {@code zone}, without offset, fraction kept. */
  private static XMLGregorianCalendar toLocal(DatatypeFactory factory, XMLGregorianCalendar c,
      ZoneId zone) {
    if (c.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
      return c;
    }
    ZonedDateTime at = c.toGregorianCalendar().toZonedDateTime().withZoneSameInstant(zone);
    XMLGregorianCalendar local = factory.newXMLGregorianCalendar(at.getYear(),
        at.getMonthValue(), at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond(),
        DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED);
    if (c.getFractionalSecond() != null) {
      local.setFractionalSecond(c.getFractionalSecond());
    }
    return local;
  }
}
