package io.ocppbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.SoapPost;
import io.ocppbridge.testsupport.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that passwords never appear in the logs (every logger at DEBUG, the message trace
 * included), in their base64 form neither, nor in the admin API's JSON, through a run that uses
 * them: profile 2 boots with a right and a wrong password, and charger basic authentication
 * with a right and a wrong one.
 */
class SecretsNeverLoggedTest {

  private static final String CSMS_PASSWORD = "csms-Secret-4711";
  private static final String WRONG_CSMS_PASSWORD = "wrong-Secret-0815";
  private static final String SOAP_PASSWORD = "soap-Secret-1234";

  @TempDir
  Path dir;

  @Test
  void passwordsAppearInNoLogLineAndNoAdminJson() throws Exception {
    TestPki pki = TestPki.create(dir, "ca");
    List<String> lines;
    String adminJson;
    try (LogCapture logs = LogCapture.of(org.slf4j.Logger.ROOT_LOGGER_NAME);
        CsmsSimulator csms = CsmsSecurityProfilesTest.tlsCsms(
            CsmsSecurityProfilesTest.serverTls(pki.server()),
            Map.of("CB1", CSMS_PASSWORD, "CB2", "the-right-one"));
        BridgeFixture bridge = BridgeFixture.start(CsmsSecurityProfilesTest.withExtra(
            CsmsSecurityProfilesTest.profile2(csms, CSMS_PASSWORD, pki.caPem()),
            Map.of("chargers.CB2.password", WRONG_CSMS_PASSWORD,
                "chargers.CB1.soapPassword", SOAP_PASSWORD)))) {
      HttpClient http = HttpClient.newHttpClient();
      URI url = bridge.soapUrl();
      assertThat(SoapPost.heartbeat15(http, url, "CB1", SoapPost.basic("CB1", SOAP_PASSWORD))
          .statusCode()).isEqualTo(200);
      assertThat(SoapPost.heartbeat15(http, url, "CB1", SoapPost.basic("CB1", "nope"))
          .statusCode()).isEqualTo(401);
      CsmsSecurityProfilesTest.bootFault(bridge, "CB2");
      adminJson = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + bridge.bridge().adminPort() + "/api/chargers")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      lines = logs.lines();
    }
    assertThat(lines).as("something was logged at all").isNotEmpty()
        .anySatisfy(l -> assertThat(l).contains("HTTP 401"));
    for (String secret : List.of(CSMS_PASSWORD, WRONG_CSMS_PASSWORD, SOAP_PASSWORD)) {
      String base64 = Base64.getEncoder().encodeToString(("CB1:" + secret)
          .getBytes(StandardCharsets.UTF_8));
      String base64Cb2 = Base64.getEncoder().encodeToString(("CB2:" + secret)
          .getBytes(StandardCharsets.UTF_8));
      assertThat(lines).noneSatisfy(l -> assertThat(l).contains(secret));
      assertThat(lines).noneSatisfy(l -> assertThat(l).contains(base64));
      assertThat(lines).noneSatisfy(l -> assertThat(l).contains(base64Cb2));
      assertThat(adminJson).contains("CB1").doesNotContain(secret);
    }
  }
}
