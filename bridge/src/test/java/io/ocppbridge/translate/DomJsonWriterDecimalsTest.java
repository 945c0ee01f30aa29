package io.ocppbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A decimal goes to the central system as the charger wrote it: {@code 20.0} stays {@code 20.0}
 * and {@code 100} stays {@code 100} on the wire (JAXB and Jackson together wrote {@code 2E+1} and
 * {@code 1E+2}, the same numbers, which some central systems' logs and parsers dislike).
 */
class DomJsonWriterDecimalsTest {

  private static Element compositeSchedule(String limit, String minRate) throws Exception {
    String xml = "<getCompositeScheduleResponse xmlns='urn://Ocpp/Cp/2015/10/'>"
        + "<status>Accepted</status><connectorId>1</connectorId><chargingSchedule>"
        + "<chargingRateUnit>W</chargingRateUnit><chargingSchedulePeriod>"
        + "<startPeriod>0</startPeriod><limit>" + limit + "</limit></chargingSchedulePeriod>"
        + "<minChargingRate>" + minRate + "</minChargingRate></chargingSchedule>"
        + "</getCompositeScheduleResponse>";
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    return dbf.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
        .getDocumentElement();
  }

  private static String onTheWire(String limit, String minRate) throws Exception {
    SoapJsonTranslator translator =
        new SoapJsonTranslator(OcppSchemaModel.loadAll(), JsonDialect.XSD);
    JsonNode json = translator.fromChargePointResponse(OcppVersion.V1_6,
        OcppAction.GET_COMPOSITE_SCHEDULE, compositeSchedule(limit, minRate), ChargerClock.UTC);
    return OcppJson.frameMapper().writeValueAsString(json);
  }

  @Test
  void decimalsKeepTheFormTheChargerGaveThem() throws Exception {
    String json = onTheWire("20.0", "100");
    assertThat(json).contains("\"limit\":20.0").contains("\"minChargingRate\":100")
        .doesNotContain("E+");
    assertThat(onTheWire(" +7.5 ", "0.1")).contains("\"limit\":7.5")
        .contains("\"minChargingRate\":0.1");
  }
}
