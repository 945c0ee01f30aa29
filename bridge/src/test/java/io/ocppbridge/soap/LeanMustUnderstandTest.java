package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LeanMustUnderstand} over real sockets: an unknown header marked {@code mustUnderstand}
 * is refused when it is meant for the bridge (no role, the next role, the ultimate receiver's),
 * passed over when it names another node's role, and the understood ones keep being understood
 * request after request. (The corpus and {@code OwnAddressingTest} cover the headers the bridge
 * reads and an unknown header without a role.)
 */
class LeanMustUnderstandTest {

  private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
  private static final String NEXT12 = "http://www.w3.org/2003/05/soap-envelope/role/next";
  private static final String ULTIMATE12 =
      "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";
  private static final String NEXT11 = "http://schemas.xmlsoap.org/soap/actor/next";

  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Verifies that an unknown mustUnderstand header for the next or last node is refused. */
  @Test
  void refusesAnUnknownHeaderMeantForTheBridge() throws Exception {
    String[][] variants = {{SOAP12, "role", NEXT12, "true"}, {SOAP12, "role", ULTIMATE12, "1"},
        {SOAP12, "role", " " + NEXT12 + " ", "true"}, {SOAP11, "actor", NEXT11, "1"}};
    int n = 0;
    for (String[] v : variants) {
      // GIVEN a request with an unknown header marked mustUnderstand, meant for the bridge
      String identity = "CB-LEAN-MU-" + n++;
      String header = "<x:ticket xmlns:x='urn:example:ticket' s:" + v[1] + "='" + v[2] + "'"
          + " s:mustUnderstand='" + v[3] + "'>1</x:ticket>";
      // WHEN it is posted
      HttpResponse<String> response = post(v[0], identity, header);
      // THEN it gets a MustUnderstand fault naming the header, and is not relayed
      assertThat(response.body()).as(String.join(" ", v)).contains("MustUnderstand")
          .contains("ticket");
      assertThat(fixture.csms().received()).noneMatch(c -> identity.equals(c.chargerId()));
    }
  }

  /** Verifies that an unknown mustUnderstand header for another node's role is passed over. */
  @Test
  void passesOverAnUnknownHeaderForAnotherRole() throws Exception {
    // GIVEN a request with an unknown mustUnderstand header meant for another role
    String header = "<x:ticket xmlns:x='urn:example:ticket' s:role='urn:example:gateway'"
        + " s:mustUnderstand='true'>1</x:ticket>";
    // WHEN it is posted
    HttpResponse<String> response = post(SOAP12, "CB-LEAN-OTHER", header);
    // THEN it is relayed and answered
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("heartbeatResponse");
    assertThat(fixture.csms().received()).anyMatch(c -> "CB-LEAN-OTHER".equals(c.chargerId()));
  }

  /**
   * Verifies that what the chain understands stays understood over many requests (it is worked
   * out once), and an unknown header is refused after them as before them.
   */
  @Test
  void understandsTheSameRequestAfterRequest() throws Exception {
    String unknown = "<x:ticket xmlns:x='urn:example:ticket' s:mustUnderstand='true'>1</x:ticket>";
    assertThat(post(SOAP12, "CB-LEAN-BEFORE", unknown).body()).contains("MustUnderstand");
    for (int i = 0; i < 20; i++) {
      // GIVEN the identity header marked mustUnderstand
      // WHEN it is posted again and again
      HttpResponse<String> response = post(i % 2 == 0 ? SOAP12 : SOAP11, "CB-LEAN-" + i, "");
      // THEN each is answered
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
    assertThat(post(SOAP11, "CB-LEAN-AFTER", unknown).body()).contains("MustUnderstand");
  }

  private static HttpResponse<String> post(String soapNs, String identity, String headers)
      throws Exception {
    String mu = SOAP12.equals(soapNs) ? "true" : "1";
    String envelope = "<s:Envelope xmlns:s='" + soapNs + "' xmlns:cs='urn://Ocpp/Cs/2012/06/'>"
        + "<s:Header><cs:chargeBoxIdentity s:mustUnderstand='" + mu + "'>" + identity
        + "</cs:chargeBoxIdentity>" + headers + "</s:Header>"
        + "<s:Body><cs:heartbeatRequest/></s:Body></s:Envelope>";
    String contentType = SOAP12.equals(soapNs)
        ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
    return SoapPost.post(fixture.soapUrl(), contentType, envelope);
  }
}
