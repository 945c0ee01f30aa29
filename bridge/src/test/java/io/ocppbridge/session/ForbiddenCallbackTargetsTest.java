package io.ocppbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.config.CallbackConfig;
import io.ocppbridge.config.CallbackConfig.Policy;
import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.config.IpNetwork;
import io.ocppbridge.core.ChargerId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Verifies that a callback address named by a request cannot reach the cloud metadata service or
 * the bridge's own loopback listeners (admin on 127.0.0.1:9090, the SOAP port) when the policy
 * does not allow those hosts, whatever scheme or spelling the request uses. (The same-host case
 * of a charger on a remote host naming 169.254.169.254 is covered by CallbackResolverTest.)
 */
class ForbiddenCallbackTargetsTest {

  private static final ChargerId CB1 = new ChargerId("CB1");
  private static final String REMOTE_PEER = "10.20.30.40";

  private static CallbackResolver resolver(Policy policy, String... networks) {
    CallbackConfig config = new CallbackConfig(Duration.ofSeconds(1), policy,
        List.of(networks).stream().map(IpNetwork::parse).toList(), null, "/", List.of(), null,
        null);
    return new CallbackResolver(config, new ChargersConfig(Duration.ofSeconds(30), Map.of(), true));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:9090/api/chargers",
      "http://localhost:9090/metrics",
      "https://127.0.0.1:9090/",
      "http://[::1]:9090/",
      "http://127.0.0.1:8080/ocpp",
      "http://169.254.169.254/latest/meta-data/iam/",
      "https://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/latest/meta-data/"})
  void sameHostPolicyRefusesLoopbackAndMetadataForARemoteCharger(String named) {
    CallbackDecision decision = resolver(Policy.SAME_HOST).resolve(CB1, named, null, REMOTE_PEER);
    assertThat(decision).isInstanceOf(CallbackDecision.Refused.class);
    assertThat(((CallbackDecision.Refused) decision).reason()).contains("outside the callback"
        + " policy");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:9090/api/chargers",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]:9090/"})
  void allowedNetworksPolicyRefusesWhatIsOutsideTheNetworks(String named) {
    CallbackDecision decision = resolver(Policy.ALLOWED_NETWORKS, "10.0.0.0/8")
        .resolve(CB1, named, null, "127.0.0.1");
    assertThat(decision).isInstanceOf(CallbackDecision.Refused.class);
  }

  /** Verifies that a ReplyTo naming the admin listener is refused like a From. */
  @Test
  void replyToIsHeldToTheSamePolicy() {
    CallbackDecision decision = resolver(Policy.SAME_HOST)
        .resolve(CB1, null, "http://127.0.0.1:9090/", REMOTE_PEER);
    assertThat(decision).isInstanceOf(CallbackDecision.Refused.class);
  }

  /** Verifies, as a control, that the charger's own host is still allowed. */
  @Test
  void theChargersOwnHostIsAllowed() {
    CallbackDecision decision = resolver(Policy.SAME_HOST)
        .resolve(CB1, "http://10.20.30.40:8080/cp", null, REMOTE_PEER);
    assertThat(decision).isInstanceOf(CallbackDecision.Allowed.class);
  }
}
