package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-charger lenient validation, and the counting of accepted quirks. */
class LenientValidationTest {

  private static final String ID_TAG_25 = "0123456789ABCDEF012345678"; // IdToken allows 20
  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start(Map.of("chargers.CB-LENIENT.validation", "lenient"));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.csms().clearReceived();
  }

  /** Verifies that a strict charger's over-long idTag is refused and never relayed. */
  @Test
  void refusesAnOverlongValueFromAStrictCharger() throws Exception {
    HttpResponse<String> response = authorize("CB-STRICT", ID_TAG_25);

    assertThat(response.statusCode()).isEqualTo(400); // SOAP 1.2 Sender fault
    assertThat(response.body()).contains("PropertyConstraintViolation").contains("maxLength");
    assertThat(fixture.csms().received()).isEmpty();
  }

  /** Verifies that a lenient charger's over-long idTag is relayed whole, and counted. */
  @Test
  void relaysAnOverlongValueFromALenientChargerWhole() throws Exception {
    long before = count(QuirkCounter.LENIENT_LENGTH);

    HttpResponse<String> response = authorize("CB-LENIENT", ID_TAG_25);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(fixture.csms().received()).hasSize(1);
    assertThat(fixture.csms().received().get(0).payload().get("idTag").asText())
        .isEqualTo(ID_TAG_25);
    assertThat(count(QuirkCounter.LENIENT_LENGTH)).isEqualTo(before + 1);
  }

  /** Verifies that leniency covers lengths only: a wrong enumeration value is still refused. */
  @Test
  void stillRefusesOtherViolationsFromALenientCharger() throws Exception {
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(),
        "application/soap+xml; charset=utf-8", envelope("CB-LENIENT",
            "<cs:statusNotificationRequest><cs:connectorId>1</cs:connectorId>"
                + "<cs:status>Broken</cs:status><cs:errorCode>NoError</cs:errorCode>"
                + "</cs:statusNotificationRequest>"));

    assertThat(response.statusCode()).isEqualTo(400); // SOAP 1.2 Sender fault
    assertThat(response.body()).contains("TypeConstraintViolation");
    assertThat(fixture.csms().received()).isEmpty();
  }

  /** Verifies that requests without a WS-Addressing MessageID are counted as a quirk. */
  @Test
  void countsTheMissingMessageIdQuirk() throws Exception {
    long before = count(QuirkCounter.MISSING_MESSAGE_ID);
    String noMessageId = "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/' xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
        + "<soap:Header><cs:chargeBoxIdentity>CB-Q</cs:chargeBoxIdentity>"
        + "<wsa:Action>/Heartbeat</wsa:Action></soap:Header>"
        + "<soap:Body><cs:heartbeatRequest/></soap:Body></soap:Envelope>";

    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(),
        "application/soap+xml; charset=utf-8", noMessageId);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(count(QuirkCounter.MISSING_MESSAGE_ID)).isEqualTo(before + 1);
  }

  private static long count(String quirk) {
    return fixture.bridge().quirks().snapshot().getOrDefault(quirk, 0L);
  }

  private static HttpResponse<String> authorize(String identity, String idTag) throws Exception {
    return SoapPost.post(fixture.soapUrl(), "application/soap+xml; charset=utf-8",
        envelope(identity, "<cs:authorizeRequest><cs:idTag>" + idTag
            + "</cs:idTag></cs:authorizeRequest>"));
  }

  private static String envelope(String identity, String body) {
    return "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/'><soap:Header><cs:chargeBoxIdentity>" + identity
        + "</cs:chargeBoxIdentity></soap:Header><soap:Body>" + body + "</soap:Body>"
        + "</soap:Envelope>";
  }
}
