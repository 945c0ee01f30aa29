package io.ocppbridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.generated.ocpp16.cp.ChargingProfile;
import io.ocppbridge.generated.ocpp16.cp.ChargingProfileKindType;
import io.ocppbridge.generated.ocpp16.cp.ChargingProfilePurposeType;
import io.ocppbridge.generated.ocpp16.cp.ChargingRateUnitType;
import io.ocppbridge.generated.ocpp16.cp.ChargingSchedule;
import io.ocppbridge.generated.ocpp16.cp.ChargingSchedulePeriod;
import io.ocppbridge.generated.ocpp16.cp.SetChargingProfileRequest;
import io.ocppbridge.generated.ocpp16.cs.Location;
import io.ocppbridge.generated.ocpp16.cs.Measurand;
import io.ocppbridge.generated.ocpp16.cs.MeterValue;
import io.ocppbridge.generated.ocpp16.cs.MeterValuesRequest;
import io.ocppbridge.generated.ocpp16.cs.Phase;
import io.ocppbridge.generated.ocpp16.cs.ReadingContext;
import io.ocppbridge.generated.ocpp16.cs.SampledValue;
import io.ocppbridge.generated.ocpp16.cs.UnitOfMeasure;
import io.ocppbridge.generated.ocpp16.cs.ValueFormat;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.MarshalException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The JAXB classes generated from {@code wsdl/ocpp1.6/} load, and OCPP 1.6 payloads survive
 * marshal and unmarshal with validation against the schema embedded in our own WSDLs.
 * (The relays do not use OCPP 1.6 yet; this only proves the generated model is sound.)
 */
class Ocpp16JaxbRoundTripTest {

  private static final String CS_NS = "urn://Ocpp/Cs/2015/10/";
  private static final String CP_NS = "urn://Ocpp/Cp/2015/10/";

  @Test
  void meterValuesWithEverySampledValueFieldRoundTrips() throws Exception {
    JAXBContext ctx = JAXBContext.newInstance("io.ocppbridge.generated.ocpp16.cs");
    Schema schema = schemaOf("wsdl/ocpp1.6/CentralSystemService.wsdl");

    SampledValue full = new SampledValue();
    full.setValue("230.4");
    full.setContext(ReadingContext.fromValue("Sample.Periodic"));
    full.setFormat(ValueFormat.RAW);
    full.setMeasurand(Measurand.fromValue("Voltage"));
    full.setPhase(Phase.fromValue("L1-N"));
    full.setLocation(Location.fromValue("Outlet"));
    full.setUnit(UnitOfMeasure.fromValue("V"));
    SampledValue bare = new SampledValue();
    bare.setValue("12345");
    MeterValue meterValue = new MeterValue();
    meterValue.setTimestamp(time("2026-11-22T01:30:00Z"));
    meterValue.getSampledValue().add(full);
    meterValue.getSampledValue().add(bare);
    MeterValuesRequest request = new MeterValuesRequest();
    request.setConnectorId(1);
    request.setTransactionId(42);
    request.getMeterValue().add(meterValue);

    String xml = marshal(ctx, schema,
        new JAXBElement<>(new QName(CS_NS, "meterValuesRequest"), MeterValuesRequest.class,
            request));
    assertThat(xml).contains("L1-N", "Sample.Periodic", "230.4");

    MeterValuesRequest back = unmarshal(ctx, schema, xml, MeterValuesRequest.class);
    assertThat(back.getConnectorId()).isEqualTo(1);
    assertThat(back.getTransactionId()).isEqualTo(42);
    assertThat(back.getMeterValue()).hasSize(1);
    MeterValue mv = back.getMeterValue().get(0);
    assertThat(mv.getTimestamp()).isEqualTo(time("2026-11-22T01:30:00Z"));
    assertThat(mv.getSampledValue()).hasSize(2);
    SampledValue first = mv.getSampledValue().get(0);
    assertThat(first.getValue()).isEqualTo("230.4");
    assertThat(first.getContext().value()).isEqualTo("Sample.Periodic");
    assertThat(first.getFormat()).isEqualTo(ValueFormat.RAW);
    assertThat(first.getMeasurand().value()).isEqualTo("Voltage");
    assertThat(first.getPhase().value()).isEqualTo("L1-N");
    assertThat(first.getLocation().value()).isEqualTo("Outlet");
    assertThat(first.getUnit().value()).isEqualTo("V");
    SampledValue second = mv.getSampledValue().get(1);
    assertThat(second.getValue()).isEqualTo("12345");
    assertThat(second.getContext()).isNull();
    assertThat(second.getPhase()).isNull();
    assertThat(second.getUnit()).isNull();
  }

  @Test
  void theSchemaRejectsAUnitOutsideTheEnumeration() throws Exception {
    JAXBContext ctx = JAXBContext.newInstance("io.ocppbridge.generated.ocpp16.cs");
    Schema schema = schemaOf("wsdl/ocpp1.6/CentralSystemService.wsdl");
    // "Celcius" is the misspelling some OCPP 1.6 JSON schemas carry; the WSDL knows only Celsius.
    String xml = """
        <cs:meterValuesRequest xmlns:cs="urn://Ocpp/Cs/2015/10/">
          <cs:connectorId>1</cs:connectorId>
          <cs:meterValue>
            <cs:timestamp>2026-11-22T01:30:00Z</cs:timestamp>
            <cs:sampledValue><cs:value>21.5</cs:value><cs:unit>%s</cs:unit></cs:sampledValue>
          </cs:meterValue>
        </cs:meterValuesRequest>""";

    assertThat(unmarshal(ctx, schema, xml.formatted("Celsius"), MeterValuesRequest.class)
        .getMeterValue().get(0).getSampledValue().get(0).getUnit().value()).isEqualTo("Celsius");
    assertThatThrownBy(() -> unmarshal(ctx, schema, xml.formatted("Celcius"),
        MeterValuesRequest.class)).isInstanceOf(UnmarshalException.class);
  }

  @Test
  void setChargingProfileWithAScheduleRoundTrips() throws Exception {
    JAXBContext ctx = JAXBContext.newInstance("io.ocppbridge.generated.ocpp16.cp");
    Schema schema = schemaOf("wsdl/ocpp1.6/ChargePointService.wsdl");
    SetChargingProfileRequest request = chargingProfileRequest(new BigDecimal("16.5"));

    String xml = marshal(ctx, schema, new JAXBElement<>(
        new QName(CP_NS, "setChargingProfileRequest"), SetChargingProfileRequest.class, request));
    assertThat(xml).contains("csChargingProfiles", "16.5", "TxDefaultProfile");

    SetChargingProfileRequest back = unmarshal(ctx, schema, xml, SetChargingProfileRequest.class);
    assertThat(back.getConnectorId()).isEqualTo(1);
    ChargingProfile profile = back.getCsChargingProfiles();
    assertThat(profile.getChargingProfileId()).isEqualTo(7);
    assertThat(profile.getStackLevel()).isEqualTo(2);
    assertThat(profile.getTransactionId()).isNull();
    assertThat(profile.getChargingProfilePurpose())
        .isEqualTo(ChargingProfilePurposeType.TX_DEFAULT_PROFILE);
    assertThat(profile.getChargingProfileKind()).isEqualTo(ChargingProfileKindType.ABSOLUTE);
    assertThat(profile.getValidFrom()).isEqualTo(time("2026-11-22T00:00:00Z"));
    ChargingSchedule schedule = profile.getChargingSchedule();
    assertThat(schedule.getDuration()).isEqualTo(3600);
    assertThat(schedule.getStartSchedule()).isEqualTo(time("2026-11-22T02:00:00Z"));
    assertThat(schedule.getChargingRateUnit()).isEqualTo(ChargingRateUnitType.A);
    assertThat(schedule.getMinChargingRate()).isEqualByComparingTo("6.0");
    assertThat(schedule.getChargingSchedulePeriod()).hasSize(2);
    assertThat(schedule.getChargingSchedulePeriod().get(0).getStartPeriod()).isZero();
    assertThat(schedule.getChargingSchedulePeriod().get(0).getLimit()).isEqualByComparingTo("16.5");
    assertThat(schedule.getChargingSchedulePeriod().get(0).getNumberPhases()).isEqualTo(3);
    assertThat(schedule.getChargingSchedulePeriod().get(1).getStartPeriod()).isEqualTo(1800);
    assertThat(schedule.getChargingSchedulePeriod().get(1).getLimit()).isEqualByComparingTo("10");
    assertThat(schedule.getChargingSchedulePeriod().get(1).getNumberPhases()).isNull();
  }

  @Test
  void theSchemaRejectsALimitWithTwoFractionDigits() throws Exception {
    JAXBContext ctx = JAXBContext.newInstance("io.ocppbridge.generated.ocpp16.cp");
    Schema schema = schemaOf("wsdl/ocpp1.6/ChargePointService.wsdl");
    SetChargingProfileRequest request = chargingProfileRequest(new BigDecimal("16.25"));

    assertThatThrownBy(() -> marshal(ctx, schema, new JAXBElement<>(
        new QName(CP_NS, "setChargingProfileRequest"), SetChargingProfileRequest.class, request)))
        .isInstanceOf(MarshalException.class);
  }

  private static SetChargingProfileRequest chargingProfileRequest(BigDecimal firstLimit)
      throws Exception {
    ChargingSchedulePeriod first = new ChargingSchedulePeriod();
    first.setStartPeriod(0);
    first.setLimit(firstLimit);
    first.setNumberPhases(3);
    ChargingSchedulePeriod second = new ChargingSchedulePeriod();
    second.setStartPeriod(1800);
    second.setLimit(new BigDecimal("10"));
    ChargingSchedule schedule = new ChargingSchedule();
    schedule.setDuration(3600);
    schedule.setStartSchedule(time("2026-11-22T02:00:00Z"));
    schedule.setChargingRateUnit(ChargingRateUnitType.A);
    schedule.getChargingSchedulePeriod().add(first);
    schedule.getChargingSchedulePeriod().add(second);
    schedule.setMinChargingRate(new BigDecimal("6.0"));
    ChargingProfile profile = new ChargingProfile();
    profile.setChargingProfileId(7);
    profile.setStackLevel(2);
    profile.setChargingProfilePurpose(ChargingProfilePurposeType.TX_DEFAULT_PROFILE);
    profile.setChargingProfileKind(ChargingProfileKindType.ABSOLUTE);
    profile.setValidFrom(time("2026-11-22T00:00:00Z"));
    profile.setChargingSchedule(schedule);
    SetChargingProfileRequest request = new SetChargingProfileRequest();
    request.setConnectorId(1);
    request.setCsChargingProfiles(profile);
    return request;
  }

  private static String marshal(JAXBContext ctx, Schema schema, Object element)
      throws JAXBException {
    Marshaller marshaller = ctx.createMarshaller();
    marshaller.setSchema(schema);
    StringWriter out = new StringWriter();
    marshaller.marshal(element, out);
    return out.toString();
  }

  private static <T> T unmarshal(JAXBContext ctx, Schema schema, String xml, Class<T> type)
      throws JAXBException {
    Unmarshaller unmarshaller = ctx.createUnmarshaller();
    unmarshaller.setSchema(schema);
    return unmarshaller.unmarshal(new StreamSource(new StringReader(xml)), type).getValue();
  }

  private static XMLGregorianCalendar time(String lexical) throws Exception {
    return DatatypeFactory.newInstance().newXMLGregorianCalendar(lexical);
  }

  /**
   * The schema embedded in a WSDL on the classpath, moved into a document of its own with the
   * namespace declarations of the {@code wsdl:definitions} element, so every prefix resolves.
   */
  static Schema schemaOf(String resource) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document wsdl;
    try (InputStream in = Ocpp16JaxbRoundTripTest.class.getClassLoader()
        .getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the test classpath").isNotNull();
      wsdl = dbf.newDocumentBuilder().parse(in, resource);
    }
    Element schemaElement = (Element) wsdl
        .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
    Document standalone = dbf.newDocumentBuilder().newDocument();
    Element copy = (Element) standalone.importNode(schemaElement, true);
    standalone.appendChild(copy);
    for (Node n = schemaElement.getParentNode(); n instanceof Element parent;
        n = parent.getParentNode()) {
      NamedNodeMap attributes = parent.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attr = (Attr) attributes.item(i);
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())
            && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr.getLocalName())) {
          copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr.getName(),
              attr.getValue());
        }
      }
    }
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newSchema(new DOMSource(standalone, resource));
  }
}
