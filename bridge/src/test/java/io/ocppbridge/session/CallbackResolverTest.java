package io.ocppbridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.config.CallbackConfig;
import io.ocppbridge.config.CallbackConfig.Policy;
import io.ocppbridge.config.CallbackConfig.Rewrite;
import io.ocppbridge.config.ChargersConfig;
import io.ocppbridge.config.ChargersConfig.ChargerSettings;
import io.ocppbridge.config.IpNetwork;
import io.ocppbridge.core.ChargerId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link CallbackResolver} alone (DESIGN "Callback address"): the order of the sources
 * (From, configured URL, ReplyTo, peer address with default port/path), rewrites, and the
 * callback policy. Only IP literals and {@code localhost} are used, so no test needs DNS.
 */
class CallbackResolverTest {

  private static final ChargerId CB1 = new ChargerId("CB1");
  private static final String PEER = "127.0.0.1";

  // ---------------------------------------------------------------- order of the sources

  /** Verifies that a From on the request's own host is used as named. */
  @Test
  void usesFromOnTheRequestsOwnHost() {
    // GIVEN the default policy (same-host) and nothing configured
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the request from 127.0.0.1 names a callback on 127.0.0.1
    CallbackDecision decision = resolver.resolve(CB1, "http://127.0.0.1:9302/cp", null, PEER);

    // THEN that address is used, from wsa:From, not rewritten
    CallbackDecision.Allowed allowed = allowed(decision);
    assertThat(allowed.target()).isEqualTo(URI.create("http://127.0.0.1:9302/cp"));
    assertThat(allowed.named()).isEqualTo("http://127.0.0.1:9302/cp");
    assertThat(allowed.source()).isEqualTo(CallbackDecision.Source.FROM);
    assertThat(allowed.rewritten()).isFalse();
  }

  /** Verifies that without From and without any fallback the decision is a non-policy refusal. */
  @Test
  void refusesWithoutFromAndWithoutFallback() {
    // GIVEN no configured URL and no default port
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the request named no From and no ReplyTo
    CallbackDecision decision = resolver.resolve(CB1, null, null, PEER);

    // THEN no call can be made, and the reason says that no usable From was sent
    CallbackDecision.Refused refused = refused(decision);
    assertThat(refused.byPolicy()).isFalse();
    assertThat(refused.reason()).contains("no usable wsa:From").contains("no fallback");
  }

  /** Verifies that the ocppjs From {@code http://:1:9302/} (no host) is not usable. */
  @Test
  void rejectsTheHostlessFromOfOcppjs() {
    // GIVEN no fallback
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the From has an empty host, as ocppjs writes it
    CallbackDecision decision = resolver.resolve(CB1, "http://:1:9302/", null, PEER);

    // THEN it is refused as unusable, not as a policy violation
    CallbackDecision.Refused refused = refused(decision);
    assertThat(refused.byPolicy()).isFalse();
    assertThat(refused.reason()).contains("http://:1:9302/").contains("not usable");
  }

  /** Verifies that a From with a scheme other than http(s) is not usable. */
  @Test
  void rejectsANonHttpFrom() {
    // GIVEN no fallback
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the From is an ftp URL on the peer's own host
    CallbackDecision decision = resolver.resolve(CB1, "ftp://127.0.0.1/cp", null, PEER);

    // THEN it is refused as unusable
    assertThat(refused(decision).reason()).contains("not usable");
  }

  /** Verifies that the configured callbackUrl is used when From is missing, and trusted. */
  @Test
  void usesTheConfiguredUrlWhenFromIsMissing() {
    // GIVEN chargers.CB1.callbackUrl naming a host other than the peer
    CallbackResolver resolver = resolver(sameHost(),
        chargers("CB1", "http://10.20.30.40:8080/ocpp"));

    // WHEN the request named no From
    CallbackDecision decision = resolver.resolve(CB1, null, null, PEER);

    // THEN the configured URL is used as written (the operator wrote it: no policy check)
    CallbackDecision.Allowed allowed = allowed(decision);
    assertThat(allowed.target()).isEqualTo(URI.create("http://10.20.30.40:8080/ocpp"));
    assertThat(allowed.source()).isEqualTo(CallbackDecision.Source.CONFIGURED);
  }

  /** Verifies that the configured callbackUrl is used when From is unusable. */
  @Test
  void usesTheConfiguredUrlWhenFromIsUnusable() {
    // GIVEN chargers.CB1.callbackUrl
    CallbackResolver resolver = resolver(sameHost(),
        chargers("CB1", "http://127.0.0.1:8080/ocpp"));

    // WHEN the From is the hostless ocppjs form
    CallbackDecision decision = resolver.resolve(CB1, "http://:1:9302/", null, PEER);

    // THEN the configured URL is used
    assertThat(allowed(decision).source()).isEqualTo(CallbackDecision.Source.CONFIGURED);
  }

  /** Verifies that a usable From wins over the configured callbackUrl. */
  @Test
  void prefersFromOverTheConfiguredUrl() {
    // GIVEN chargers.CB1.callbackUrl
    CallbackResolver resolver = resolver(sameHost(),
        chargers("CB1", "http://127.0.0.1:8080/configured"));

    // WHEN the request names a usable From
    CallbackDecision decision = resolver.resolve(CB1, "http://127.0.0.1:9302/from", null, PEER);

    // THEN the From is used
    CallbackDecision.Allowed allowed = allowed(decision);
    assertThat(allowed.source()).isEqualTo(CallbackDecision.Source.FROM);
    assertThat(allowed.named()).isEqualTo("http://127.0.0.1:9302/from");
  }

  /** Verifies that the configured URL of one charger is not used for another. */
  @Test
  void configuredUrlBelongsToItsChargerOnly() {
    // GIVEN a callbackUrl for CB2 only
    CallbackResolver resolver = resolver(sameHost(),
        chargers("CB2", "http://127.0.0.1:8080/ocpp"));

    // WHEN CB1 sends no From
    CallbackDecision decision = resolver.resolve(CB1, null, null, PEER);

    // THEN CB1 has no callback address
    assertThat(refused(decision).byPolicy()).isFalse();
  }

  /** Verifies that a non-anonymous ReplyTo is used when From is missing and nothing configured. */
  @Test
  void usesReplyToWhenFromIsMissing() {
    // GIVEN nothing configured
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the request has no From but a ReplyTo on its own host
    CallbackDecision decision = resolver.resolve(CB1, null, "http://127.0.0.1:9302/reply", PEER);

    // THEN the ReplyTo is used
    CallbackDecision.Allowed allowed = allowed(decision);
    assertThat(allowed.source()).isEqualTo(CallbackDecision.Source.REPLY_TO);
    assertThat(allowed.target()).isEqualTo(URI.create("http://127.0.0.1:9302/reply"));
  }

  /** Verifies that the configured URL comes before the ReplyTo. */
  @Test
  void prefersTheConfiguredUrlOverReplyTo() {
    // GIVEN chargers.CB1.callbackUrl
    CallbackResolver resolver = resolver(sameHost(),
        chargers("CB1", "http://127.0.0.1:8080/configured"));

    // WHEN the request has no From but a ReplyTo
    CallbackDecision decision = resolver.resolve(CB1, null, "http://127.0.0.1:9302/reply", PEER);

    // THEN the configured URL is used
    assertThat(allowed(decision).source()).isEqualTo(CallbackDecision.Source.CONFIGURED);
  }

  /** Verifies that a ReplyTo, being named by the request, must pass the policy too. */
  @Test
  void rejectsReplyToOutsideThePolicy() {
    // GIVEN the default policy
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the ReplyTo names another host
    CallbackDecision decision = resolver.resolve(CB1, null, "http://127.0.0.2:9302/reply", PEER);

    // THEN it is refused by policy
    assertThat(refused(decision).byPolicy()).isTrue();
  }

  /** Verifies that the peer address with the default port and path is the last resort. */
  @Test
  void usesThePeerAddressWithDefaultPortAndPathLast() {
    // GIVEN callbacks.defaultPort 9302 and defaultPath /ocpp
    CallbackResolver resolver = resolver(
        config(Policy.SAME_HOST, List.of(), 9302, "/ocpp", List.of()), noChargers());

    // WHEN the request named nothing usable
    CallbackDecision decision = resolver.resolve(CB1, "http://:1:9302/", null, PEER);

    // THEN the peer address is called on that port and path
    CallbackDecision.Allowed allowed = allowed(decision);
    assertThat(allowed.target()).isEqualTo(URI.create("http://127.0.0.1:9302/ocpp"));
    assertThat(allowed.source()).isEqualTo(CallbackDecision.Source.PEER);
  }

  /** Verifies that the peer fallback comes after the ReplyTo. */
  @Test
  void prefersReplyToOverThePeerFallback() {
    // GIVEN callbacks.defaultPort
    CallbackResolver resolver = resolver(
        config(Policy.SAME_HOST, List.of(), 9302, "/ocpp", List.of()), noChargers());

    // WHEN the request has a ReplyTo
    CallbackDecision decision = resolver.resolve(CB1, null, "http://127.0.0.1:7000/reply", PEER);

    // THEN the ReplyTo is used
    assertThat(allowed(decision).source()).isEqualTo(CallbackDecision.Source.REPLY_TO);
  }

  /** Verifies that an IPv6 peer (as Java writes it) is put in brackets in the fallback URL. */
  @Test
  void bracketsAnIpv6PeerInTheFallback() {
    // GIVEN callbacks.defaultPort
    CallbackResolver resolver = resolver(
        config(Policy.SAME_HOST, List.of(), 9302, "/ocpp", List.of()), noChargers());

    // WHEN the request came from ::1
    CallbackDecision decision = resolver.resolve(CB1, null, null, "0:0:0:0:0:0:0:1");

    // THEN the URL is a valid one on that address
    URI target = allowed(decision).target();
    assertThat(target.getHost()).isEqualTo("[0:0:0:0:0:0:0:1]");
    assertThat(target.getPort()).isEqualTo(9302);
  }

  /**
   * Verifies that an IPv6 peer as Jetty 12 reports it ({@code [0:0:0:0:0:0:0:1]}, already
   * bracketed) gives a usable fallback URL rather than an exception.
   */
  @Test
  void acceptsABracketedIpv6PeerInTheFallback() {
    // GIVEN callbacks.defaultPort
    CallbackResolver resolver = resolver(
        config(Policy.SAME_HOST, List.of(), 9302, "/ocpp", List.of()), noChargers());

    // WHEN the peer address is written with brackets, as Jetty's getRemoteAddr() does
    CallbackDecision decision = resolver.resolve(CB1, null, null, "[0:0:0:0:0:0:0:1]");

    // THEN the fallback is http://[0:0:0:0:0:0:0:1]:9302/ocpp
    CallbackDecision.Allowed allowed = allowed(decision);
    assertThat(allowed.target().getHost()).isEqualTo("[0:0:0:0:0:0:0:1]");
    assertThat(allowed.target().getPort()).isEqualTo(9302);
  }

  // ---------------------------------------------------------------- rewrites

  /** Verifies that a rewrite rule turns the named address into the operator's. */
  @Test
  void appliesARewriteRule() {
    // GIVEN a rule for a charger behind a proxy
    CallbackResolver resolver = resolver(config(Policy.SAME_HOST, List.of(), null, "/",
        List.of(new Rewrite("http://127.0.0.1:9999/", "http://127.0.0.1:7000/proxied/"))),
        noChargers());

    // WHEN the From starts with the rule's prefix
    CallbackDecision decision = resolver.resolve(CB1, "http://127.0.0.1:9999/cp", null, PEER);

    // THEN the replacement is used, and marked rewritten
    CallbackDecision.Allowed allowed = allowed(decision);
    assertThat(allowed.target()).isEqualTo(URI.create("http://127.0.0.1:7000/proxied/cp"));
    assertThat(allowed.named()).isEqualTo("http://127.0.0.1:7000/proxied/cp");
    assertThat(allowed.rewritten()).isTrue();
  }

  /** Verifies that an address the rule does not match is left alone and checked by policy. */
  @Test
  void leavesAddressesOutsideTheRuleAlone() {
    // GIVEN a rule for another prefix
    CallbackResolver resolver = resolver(config(Policy.SAME_HOST, List.of(), null, "/",
        List.of(new Rewrite("http://127.0.0.1:9999/", "http://127.0.0.1:7000/proxied/"))),
        noChargers());

    // WHEN the From does not start with it and names another host
    CallbackDecision decision = resolver.resolve(CB1, "http://127.0.0.2:9999/cp", null, PEER);

    // THEN it is refused by policy, not rewritten
    assertThat(refused(decision).byPolicy()).isTrue();
  }

  /**
   * Verifies that a rewrite whose prefix ends without a slash cannot be abused with a user-info
   * suffix to send the call to a host of the charger's choosing, outside the policy.
   */
  @Test
  void rewriteCannotBeTurnedIntoAnotherHost() {
    // GIVEN a rule written without a trailing slash
    CallbackResolver resolver = resolver(config(Policy.SAME_HOST, List.of(), null, "/",
        List.of(new Rewrite("http://127.0.0.1:9999", "http://127.0.0.1:7000"))), noChargers());

    // WHEN the From continues the prefix with '@' and another host
    CallbackDecision decision = resolver.resolve(CB1,
        "http://127.0.0.1:9999@169.254.169.254/latest/meta-data/", null, PEER);

    // THEN no call may go to that other host
    if (decision instanceof CallbackDecision.Allowed allowed) {
      assertThat(allowed.target().getHost()).isEqualTo("127.0.0.1");
    } else {
      assertThat(decision).isInstanceOf(CallbackDecision.Refused.class);
    }
  }

  // ---------------------------------------------------------------- policy

  /** Verifies that a From on another host than the request's is refused under same-host. */
  @Test
  void rejectsCallbackOnAnotherHostThanTheRequest() {
    // GIVEN the default policy and no allowed networks
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN a request from 127.0.0.1 names 127.0.0.2
    CallbackDecision decision = resolver.resolve(CB1, "http://127.0.0.2:9302/cp", null, PEER);

    // THEN it is refused by policy, and the reason names the address and the rule
    CallbackDecision.Refused refused = refused(decision);
    assertThat(refused.byPolicy()).isTrue();
    assertThat(refused.reason()).contains("http://127.0.0.2:9302/cp").contains("policy")
        .contains("127.0.0.1");
  }

  /** Verifies that the cloud metadata address is refused under the default policy. */
  @Test
  void rejectsTheMetadataAddress() {
    // GIVEN the default policy
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the From names the link-local metadata service
    CallbackDecision decision =
        resolver.resolve(CB1, "http://169.254.169.254/latest/meta-data/", null, PEER);

    // THEN it is refused by policy
    assertThat(refused(decision).byPolicy()).isTrue();
  }

  /** Verifies that an allowed network admits a host other than the request's. */
  @Test
  void acceptsCallbackInsideAllowedNetworks() {
    // GIVEN callbacks.allowedNetworks=127.0.0.0/8
    CallbackResolver resolver = resolver(
        config(Policy.SAME_HOST, List.of(IpNetwork.parse("127.0.0.0/8")), null, "/", List.of()),
        noChargers());

    // WHEN a request from 127.0.0.1 names 127.0.0.2
    CallbackDecision decision = resolver.resolve(CB1, "http://127.0.0.2:9302/cp", null, PEER);

    // THEN it is allowed
    assertThat(allowed(decision).target()).isEqualTo(URI.create("http://127.0.0.2:9302/cp"));
  }

  /** Verifies that a host just outside the allowed network is refused. */
  @Test
  void rejectsCallbackOutsideAllowedNetworks() {
    // GIVEN callbacks.allowedNetworks=10.1.0.0/16
    CallbackResolver resolver = resolver(
        config(Policy.SAME_HOST, List.of(IpNetwork.parse("10.1.0.0/16")), null, "/", List.of()),
        noChargers());

    // WHEN the From names 10.2.0.1
    CallbackDecision decision = resolver.resolve(CB1, "http://10.2.0.1:9302/cp", null, PEER);

    // THEN it is refused by policy
    assertThat(refused(decision).byPolicy()).isTrue();
  }

  /** Verifies that policy allowed-networks without networks refuses even the request's host. */
  @Test
  void allowedNetworksPolicyWithoutNetworksRefusesEverything() {
    // GIVEN callbacks.policy=allowed-networks and no networks
    CallbackResolver resolver =
        resolver(config(Policy.ALLOWED_NETWORKS, List.of(), null, "/", List.of()), noChargers());

    // WHEN the From names the request's own address
    CallbackDecision decision = resolver.resolve(CB1, "http://127.0.0.1:9302/cp", null, PEER);

    // THEN it is refused by policy
    CallbackDecision.Refused refused = refused(decision);
    assertThat(refused.byPolicy()).isTrue();
    assertThat(refused.reason()).contains("allowedNetworks");
  }

  /** Verifies that policy any allows a host other than the request's. */
  @Test
  void anyPolicyAllowsAnotherHost() {
    // GIVEN callbacks.policy=any
    CallbackResolver resolver =
        resolver(config(Policy.ANY, List.of(), null, "/", List.of()), noChargers());

    // WHEN a request from 127.0.0.1 names 127.0.0.2
    CallbackDecision decision = resolver.resolve(CB1, "http://127.0.0.2:9302/cp", null, PEER);

    // THEN it is allowed
    assertThat(allowed(decision).source()).isEqualTo(CallbackDecision.Source.FROM);
  }

  /** Verifies that a host name is pinned to the IP address the policy checked. */
  @Test
  void pinsAHostNameToTheCheckedAddress() {
    // GIVEN the default policy
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the From names localhost (resolved from the hosts file) from a request of 127.0.0.1
    CallbackDecision decision = resolver.resolve(CB1, "http://localhost:9302/cp", null, PEER);

    // THEN the target is the checked address, while wsa:To keeps the name
    CallbackDecision.Allowed allowed = allowed(decision);
    assertThat(allowed.target()).isEqualTo(URI.create("http://127.0.0.1:9302/cp"));
    assertThat(allowed.named()).isEqualTo("http://localhost:9302/cp");
  }

  /** Verifies that the integer form of an IP address cannot slip past the policy. */
  @Test
  void rejectsAnotherHostWrittenAsOneNumber() {
    // GIVEN the default policy
    CallbackResolver resolver = resolver(sameHost(), noChargers());

    // WHEN the From names 127.0.0.2 as the number 2130706434
    CallbackDecision decision = resolver.resolve(CB1, "http://2130706434:9302/cp", null, PEER);

    // THEN it is not allowed
    assertThat(decision).isInstanceOf(CallbackDecision.Refused.class);
  }

  // ---------------------------------------------------------------- helpers

  private static CallbackResolver resolver(CallbackConfig config, ChargersConfig chargers) {
    return new CallbackResolver(config, chargers);
  }

  private static CallbackConfig sameHost() {
    return config(Policy.SAME_HOST, List.of(), null, "/", List.of());
  }

  private static CallbackConfig config(Policy policy, List<IpNetwork> networks,
      Integer defaultPort, String defaultPath, List<Rewrite> rewrites) {
    return new CallbackConfig(Duration.ofSeconds(10), policy, networks, defaultPort, defaultPath,
        rewrites, null, null);
  }

  private static ChargersConfig noChargers() {
    return new ChargersConfig(Duration.ofSeconds(30), Map.of(), true);
  }

  private static ChargersConfig chargers(String identity, String callbackUrl) {
    return new ChargersConfig(Duration.ofSeconds(30),
        Map.of(identity, new ChargerSettings(URI.create(callbackUrl), null, false, false, null,
            null, null, List.of(), null, null, null, null)), true);
  }

  private static CallbackDecision.Allowed allowed(CallbackDecision decision) {
    assertThat(decision).isInstanceOf(CallbackDecision.Allowed.class);
    return (CallbackDecision.Allowed) decision;
  }

  private static CallbackDecision.Refused refused(CallbackDecision decision) {
    assertThat(decision).isInstanceOf(CallbackDecision.Refused.class);
    return (CallbackDecision.Refused) decision;
  }
}
