package io.ocppbridge.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import java.io.StringReader;
import java.time.ZoneId;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Offset-less charger timestamps and chargers that want local time, through the translator. */
class ChargerClockTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ChargerClock AMSTERDAM =
      new ChargerClock(ZoneId.of("Europe/Amsterdam"), false);
  private static final ChargerClock AMSTERDAM_LOCAL =
      new ChargerClock(ZoneId.of("Europe/Amsterdam"), true);
  private static SoapJsonTranslator translator;

  @BeforeAll
  static void build() {
    translator = new SoapJsonTranslator(OcppSchemaModel.loadAll(),
        JsonDialect.OCPPJS);
  }

  /** Verifies that a timestamp without offset is read in the charger's zone (winter time). */
  @Test
  void readsOffsetlessTimestampInTheChargersZone() throws Exception {
    String json = translator.fromChargerRequest(status("2026-11-21T10:00:00"), AMSTERDAM)
        .payloadJson();
    assertThat(JSON.readTree(json).get("timestamp").asText())
        .isEqualTo("2026-11-21T10:00:00+01:00");
  }

  /** Verifies that the zone's daylight saving time applies to a summer timestamp. */
  @Test
  void appliesDaylightSavingTime() throws Exception {
    String json = translator.fromChargerRequest(status("2026-07-01T10:00:00.250"), AMSTERDAM)
        .payloadJson();
    assertThat(JSON.readTree(json).get("timestamp").asText())
        .isEqualTo("2026-07-01T10:00:00.250+02:00");
  }

  /** Verifies the default: an offset-less timestamp is UTC. */
  @Test
  void readsOffsetlessTimestampAsUtcByDefault() throws Exception {
    String json = translator.fromChargerRequest(status("2026-11-21T10:00:00")).payloadJson();
    assertThat(JSON.readTree(json).get("timestamp").asText()).isEqualTo("2026-11-21T10:00:00Z");
  }

  /** Verifies that a timestamp the charger wrote with an offset keeps it. */
  @Test
  void keepsAnOffsetTheChargerWrote() throws Exception {
    String json = translator.fromChargerRequest(status("2026-11-21T10:00:00-05:00"), AMSTERDAM)
        .payloadJson();
    assertThat(JSON.readTree(json).get("timestamp").asText())
        .isEqualTo("2026-11-21T10:00:00-05:00");
  }

  /** Verifies that a charger wanting local time gets the central system's time in its zone. */
  @Test
  void sendsLocalTimeWithoutOffsetWhenAsked() {
    Element xml = translator.toChargerResponse(OcppVersion.V1_5, OcppAction.HEARTBEAT,
        "{\"currentTime\":\"2026-11-21T09:00:00Z\"}", AMSTERDAM_LOCAL);
    assertThat(xml.getTextContent()).isEqualTo("2026-11-21T10:00:00");
  }

  /** Verifies that by default the central system's timestamp keeps its offset. */
  @Test
  void keepsTheCentralSystemsOffsetByDefault() {
    Element xml = translator.toChargerResponse(OcppVersion.V1_5, OcppAction.HEARTBEAT,
        "{\"currentTime\":\"2026-11-21T09:00:00Z\"}", AMSTERDAM);
    assertThat(xml.getTextContent()).isEqualTo("2026-11-21T09:00:00Z");
  }

  private static Element status(String timestamp) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    return dbf.newDocumentBuilder().parse(new InputSource(new StringReader(
        "<statusNotificationRequest xmlns='urn://Ocpp/Cs/2012/06/'><connectorId>1</connectorId>"
            + "<status>Available</status><errorCode>NoError</errorCode><timestamp>" + timestamp
            + "</timestamp></statusNotificationRequest>"))).getDocumentElement();
  }
}
