package io.ocppbridge.corpus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import java.time.Duration;
import java.util.Map;

/**
 * A WireMock charger SOAP server that accepts every ChargePointService operation of both
 * versions, each charger of the corpus at its own path {@code /cp/<identity>}.
 */
final class ChargerStubs {

  /** Answer contents that are not {@code <status>Accepted</status>}. */
  private static final Map<String, String> CONTENT = Map.of(
      "GetDiagnostics", "",
      "UpdateFirmware", "",
      "GetConfiguration", "",
      "GetLocalListVersion", "<listVersion>1</listVersion>");

  private ChargerStubs() {}

  static void acceptEverything(WireMockServer charger) {
    for (OcppVersion version : OcppVersion.values()) {
      for (OcppAction action : OcppAction.all(version, Initiator.CENTRAL_SYSTEM)) {
        String ns = version.chargePointNamespace();
        String element = action.responseElement();
        charger.stubFor(post(urlPathMatching("/cp/.*"))
            .withRequestBody(containing(action.requestElement()))
            .withRequestBody(containing(ns))
            .willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/soap+xml; charset=utf-8")
                .withBody("<s:Envelope xmlns:s='" + Envelopes.SOAP12 + "'><s:Body><" + element
                    + " xmlns='" + ns + "'>"
                    + CONTENT.getOrDefault(action.wireName(), "<status>Accepted</status>")
                    + "</" + element + "></s:Body></s:Envelope>")));
      }
    }
  }

  /** Makes one charger answer a hard Reset only after {@code delay}. */
  static void answerHardResetAfter(WireMockServer charger, String identity, Duration delay) {
    charger.stubFor(post(urlEqualTo(path(identity))).atPriority(1)
        .withRequestBody(containing("<type>Hard</type>"))
        .willReturn(aResponse().withStatus(200).withFixedDelay((int) delay.toMillis())
            .withHeader("Content-Type", "application/soap+xml; charset=utf-8")
            .withBody("<s:Envelope xmlns:s='" + Envelopes.SOAP12 + "'><s:Body><resetResponse"
                + " xmlns='" + OcppVersion.V1_5.chargePointNamespace() + "'><status>Accepted"
                + "</status></resetResponse></s:Body></s:Envelope>")));
  }

  static String path(String identity) {
    return "/cp/" + identity;
  }

  /** How many requests the charger with this identity received. */
  static int requestsOf(WireMockServer charger, String identity) {
    return charger.findAll(postRequestedFor(urlEqualTo(path(identity)))).size();
  }
}
