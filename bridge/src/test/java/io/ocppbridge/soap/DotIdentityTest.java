package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identities {@code .} and {@code ..} cannot be a charger's URL path segment: a request
 * naming one is refused as the charger's mistake and never opens a WebSocket (a central system
 * would see {@code <base>/} or the parent path instead).
 */
class DotIdentityTest {

  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Verifies that both dot identities get a Sender fault saying why, and no handshake. */
  @Test
  void dotSegmentsAreRefused() throws Exception {
    for (String identity : new String[] {".", ".."}) {
      HttpResponse<String> answer = SoapPost.heartbeat15(fixture.soapUrl(), identity, null);
      assertThat(answer.body()).as(identity).contains("Sender")
          .contains("cannot name a charger in a WebSocket URL");
    }
    assertThat(fixture.csms().acceptedConnections()).isZero();
    // the bridge keeps serving
    assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-DOTS", null).body())
        .contains("heartbeatResponse");
  }
}
