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
import java.io.IOException;
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
        // Jackson annotations first, so a dialect's mix-in renames win over the XSD names.
        .annotationIntrospector(AnnotationIntrospector.pair(
            new JacksonAnnotationIntrospector(),
            new JakartaXmlBindAnnotationIntrospector(TypeFactory.defaultInstance())))
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(timestamps())
        .build();
    dialect.apply(mapper);
    return mapper;
  }

  /** A plain mapper for frames and trees. */
  public static ObjectMapper frameMapper() {
    return JsonMapper.builder().build();
  }

  /**
   * Timestamps stay text ({@code toXMLFormat()}), never epoch numbers. An XML timestamp without
   * an offset is taken as UTC and written with {@code Z}, so the JSON side always has an offset.
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
        XMLGregorianCalendar c = value;
        if (c.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
          c = (XMLGregorianCalendar) value.clone();
          c.setTimezone(0);
        }
        gen.writeString(c.toXMLFormat());
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
          return c;
        } catch (IllegalArgumentException e) {
          return (XMLGregorianCalendar) ctxt.handleWeirdStringValue(XMLGregorianCalendar.class,
              text, "not an ISO 8601 date-time");
        }
      }
    });
    return module;
  }
}
