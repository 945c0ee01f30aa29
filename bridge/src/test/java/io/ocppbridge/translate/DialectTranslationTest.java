package io.ocppbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.schema.JsonSchemaGenerator;
import io.ocppbridge.schema.PayloadSchemas;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The two JSON dialects of OCPP 1.2/1.5 through the translator and the schemas: the same SOAP
 * request becomes JSON named by {@link DialectNames} for each dialect, which passes that
 * dialect's schema and fails the other's, and only where the table says.
 */
class DialectTranslationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CS15 = "urn://Ocpp/Cs/2012/06/";
  private static SoapJsonTranslator ocppjs;
  private static PayloadSchemas schemas;

  @BeforeAll
  static void build() {
    ocppjs = new SoapJsonTranslator(OcppSchemaModel.loadAll(), JsonDialect.OCPPJS);
    schemas = PayloadSchemas.load();
  }

  /** Verifies each dialect's 1.5 MeterValues, and that each schema set holds to its own. */
  @Test
  void meterValues15InBothDialects() throws Exception {
    Element xml = xml("<meterValuesRequest xmlns='" + CS15 + "'><connectorId>1</connectorId>"
        + "<values><timestamp>2026-12-03T10:00:00Z</timestamp>"
        + "<value unit='Wh' context='Sample.Periodic'>5</value><value>6</value></values>"
        + "</meterValuesRequest>");

    JsonNode js = json(JsonDialect.OCPPJS, xml);
    JsonNode xsd = json(JsonDialect.XSD, xml);

    assertThat(js).isEqualTo(JSON.readTree("""
        {"connectorId":1,"values":[{"timestamp":"2026-12-03T10:00:00Z",
          "values":[{"value":"5","context":"Sample.Periodic","unit":"Wh"},{"value":"6"}]}]}"""));
    assertThat(xsd).isEqualTo(JSON.readTree("""
        {"connectorId":1,"values":[{"timestamp":"2026-12-03T10:00:00Z",
          "value":[{"value":"5","context":"Sample.Periodic","unit":"Wh"},{"value":"6"}]}]}"""));
    check(JsonDialect.OCPPJS, OcppAction.METER_VALUES, js);
    check(JsonDialect.XSD, OcppAction.METER_VALUES, xsd);
    assertRefused(JsonDialect.XSD, OcppAction.METER_VALUES, js);
    assertRefused(JsonDialect.OCPPJS, OcppAction.METER_VALUES, xsd);
  }

  /** Verifies each dialect's 1.5 StopTransaction with transactionData. */
  @Test
  void stopTransaction15WithTransactionDataInBothDialects() throws Exception {
    Element xml = xml("<stopTransactionRequest xmlns='" + CS15 + "'>"
        + "<transactionId>9</transactionId><idTag>TAG</idTag>"
        + "<timestamp>2026-12-03T11:00:00Z</timestamp><meterStop>20</meterStop>"
        + "<transactionData><values><timestamp>2026-12-03T11:00:00Z</timestamp>"
        + "<value context='Transaction.End' unit='Wh'>20</value></values></transactionData>"
        + "</stopTransactionRequest>");

    JsonNode js = json(JsonDialect.OCPPJS, xml);
    JsonNode xsd = json(JsonDialect.XSD, xml);

    assertThat(js.at("/transactionData/0/values/0/values/0/value").asText()).isEqualTo("20");
    assertThat(xsd.at("/transactionData/0/values/0/value/0/value").asText()).isEqualTo("20");
    assertThat(xsd.at("/transactionData/0/values/0/values").isMissingNode()).isTrue();
    check(JsonDialect.OCPPJS, OcppAction.STOP_TRANSACTION, js);
    check(JsonDialect.XSD, OcppAction.STOP_TRANSACTION, xsd);
    assertRefused(JsonDialect.XSD, OcppAction.STOP_TRANSACTION, js);
    assertRefused(JsonDialect.OCPPJS, OcppAction.STOP_TRANSACTION, xsd);
  }

  /** Verifies that 1.2 has no difference: its MeterValue has one integer value. */
  @Test
  void meterValues12IsTheSameInBothDialects() throws Exception {
    Element xml = xml("<meterValuesRequest xmlns='urn://Ocpp/Cs/2010/08/'>"
        + "<connectorId>1</connectorId><values><timestamp>2026-12-03T10:00:00Z</timestamp>"
        + "<value>5</value></values></meterValuesRequest>");

    assertThat(json(JsonDialect.XSD, xml)).isEqualTo(json(JsonDialect.OCPPJS, xml));
    assertThat(new JsonSchemaGenerator().dialectDifferences(OcppVersion.V1_2, JsonDialect.XSD))
        .isEmpty();
  }

  /**
   * Verifies that the XSD dialect's schemas differ from the ocppjs ones in exactly the payloads
   * that hold a 1.5 MeterValue, both charger-initiated: no central-system call carries one.
   */
  @Test
  void schemasDifferOnlyWhereTheTableSays() {
    JsonSchemaGenerator generator = new JsonSchemaGenerator();
    assertThat(generator.dialectDifferences(OcppVersion.V1_5, JsonDialect.XSD).keySet())
        .containsExactlyInAnyOrder("MeterValues.json", "StopTransaction.json");
    assertThat(generator.dialectDifferences(OcppVersion.V1_6, JsonDialect.XSD)).isEmpty();
    assertThat(DialectNames.of(JsonDialect.XSD)).isEmpty();
    assertThat(DialectNames.propertyName(JsonDialect.OCPPJS, OcppVersion.V1_5, "MeterValue",
        "value")).isEqualTo("values");
  }

  /** Verifies that a family of translators and of schemas holds one instance per dialect. */
  @Test
  void translatorsOfAFamily() {
    assertThat(ocppjs.in(JsonDialect.OCPPJS)).isSameAs(ocppjs);
    assertThat(ocppjs.in(JsonDialect.XSD).dialect()).isEqualTo(JsonDialect.XSD);
    assertThat(ocppjs.in(JsonDialect.XSD).in(JsonDialect.OCPPJS)).isSameAs(ocppjs);
    assertThat(schemas.in(JsonDialect.XSD).in(JsonDialect.OCPPJS)).isSameAs(schemas);
  }

  private static JsonNode json(JsonDialect dialect, Element xml) throws Exception {
    return JSON.readTree(ocppjs.in(dialect).fromChargerRequest(xml).payloadJson());
  }

  private static void check(JsonDialect dialect, OcppAction action, JsonNode payload) {
    schemas.in(dialect).check(OcppVersion.V1_5, action, true, payload);
  }

  private static void assertRefused(JsonDialect dialect, OcppAction action, JsonNode payload) {
    assertThatThrownBy(() -> check(dialect, action, payload))
        .isInstanceOfSatisfying(OcppException.class, e -> assertThat(e.code()).isIn(
            OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
            OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION));
  }

  private static Element xml(String text) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    return dbf.newDocumentBuilder().parse(new InputSource(new StringReader(text)))
        .getDocumentElement();
  }
}
