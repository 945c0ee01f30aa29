package io.ocppbridge.relay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the bridge sends a central-system call (DESIGN "Callback address"): wsa:From, else the
 * configured URL, else a non-anonymous ReplyTo, else the peer address with the default port and
 * path, after the operator's rewrites; and the callback policy, under which the bridge never
 * opens a connection to an address outside it. Every case runs over real sockets: a bridge, the
 * simulated central system, and WireMock (or a bare listening socket) as the charger's server.
 */
class CallbackAddressPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOAP12 = "application/soap+xml; charset=utf-8";
  private static final String WSA = "http://www.w3.org/2005/08/addressing";
  private static final String ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous";
  private static final String RESET_ACCEPTED =
      "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body>"
          + "<resetResponse xmlns='urn://Ocpp/Cp/2012/06/'><status>Accepted</status>"
          + "</resetResponse></s:Body></s:Envelope>";

  private WireMockServer charger;
  private BridgeFixture fixture;
  private ServerSocket listener;

  @AfterEach
  void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    if (charger != null) {
      charger.stop();
    }
    if (listener != null) {
      listener.close();
    }
  }

  // ---------------------------------------------------------------- where the call goes

  /** Verifies that without From and without a fallback the call is refused, saying why. */
  @Test
  void refusesWhenFromIsMissingAndNothingElseApplies() throws Exception {
    // GIVEN a charger that sent WS-Addressing headers without From, and no fallback configured
    fixture = BridgeFixture.start(Map.of());
    register("CB-NOFROM", "<wsa:Action>/Heartbeat</wsa:Action>");

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-NOFROM");

    // THEN it is an InternalError saying there is no usable wsa:From
    assertCallError(answer, "InternalError", "no usable wsa:From");
  }

  /** Verifies that a request without any WS-Addressing and no fallback is refused the same way. */
  @Test
  void refusesWhenThereIsNoAddressingAtAll() throws Exception {
    // GIVEN a charger that sends no WS-Addressing headers at all
    fixture = BridgeFixture.start(Map.of());
    register("CB-NOWSA", "");

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-NOWSA");

    // THEN it is an InternalError saying there is no usable wsa:From
    assertCallError(answer, "InternalError", "no usable wsa:From");
  }

  /** Verifies that an anonymous From counts as no From. */
  @Test
  void refusesAnAnonymousFrom() throws Exception {
    // GIVEN a charger whose From is the WS-Addressing anonymous URI
    fixture = BridgeFixture.start(Map.of());
    register("CB-ANON", from(ANONYMOUS));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-ANON");

    // THEN it is an InternalError saying there is no usable wsa:From
    assertCallError(answer, "InternalError", "no usable wsa:From");
  }

  /** Verifies that the ocppjs From {@code http://:1:9302/} is named as not usable. */
  @Test
  void refusesTheHostlessFromOfOcppjs() throws Exception {
    // GIVEN a charger that names its server as ocppjs does, with an empty host
    fixture = BridgeFixture.start(Map.of());
    register("CB-OCPPJS", from("http://:1:9302/"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-OCPPJS");

    // THEN it is an InternalError naming that From as not usable
    assertCallError(answer, "InternalError", "http://:1:9302/", "not usable");
  }

  /** Verifies that the configured callbackUrl is used when the request has no From. */
  @Test
  void usesTheConfiguredUrlWhenFromIsMissing() throws Exception {
    // GIVEN chargers.CB-CONF.callbackUrl pointing at the charger's server
    charger = wireMock("127.0.0.1", "/configured");
    fixture = BridgeFixture.start(Map.of("chargers.CB-CONF.callbackUrl",
        "http://127.0.0.1:" + charger.port() + "/configured"));
    register("CB-CONF", "<wsa:Action>/Heartbeat</wsa:Action>");

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-CONF");

    // THEN the charger got it at the configured URL, and its answer came back
    assertAccepted(answer);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo("/configured")))).hasSize(1);
  }

  /** Verifies that a non-anonymous ReplyTo is used when the request has no From. */
  @Test
  void usesReplyToWhenFromIsMissing() throws Exception {
    // GIVEN a charger that names its server only in ReplyTo
    charger = wireMock("127.0.0.1", "/reply");
    fixture = BridgeFixture.start(Map.of());
    register("CB-REPLY", replyTo("http://127.0.0.1:" + charger.port() + "/reply"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-REPLY");

    // THEN the charger got it at the ReplyTo address
    assertAccepted(answer);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo("/reply")))).hasSize(1);
  }

  /** Verifies that the peer address with the default port and path is used last. */
  @Test
  void usesThePeerAddressWithDefaultPortAndPath() throws Exception {
    // GIVEN callbacks.defaultPort/defaultPath naming the charger's server on the peer address
    charger = wireMock("127.0.0.1", "/soap/cp");
    fixture = BridgeFixture.start(Map.of("callbacks.defaultPort",
        Integer.toString(charger.port()), "callbacks.defaultPath", "/soap/cp"));
    register("CB-PEER", "<wsa:Action>/Heartbeat</wsa:Action>");

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-PEER");

    // THEN the charger got it at http://127.0.0.1:<port>/soap/cp
    assertAccepted(answer);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo("/soap/cp")))).hasSize(1);
  }

  /** Verifies that the peer fallback also works for a charger talking to the bridge over IPv6. */
  @Test
  void usesThePeerFallbackForAnIpv6Charger() throws Exception {
    // GIVEN a bridge and a charger server on ::1, found by callbacks.defaultPort
    charger = wireMock("::1", "/soap/cp");
    fixture = BridgeFixture.start(Map.of("soap.host", "[::1]",
        "callbacks.defaultPort", Integer.toString(charger.port()),
        "callbacks.defaultPath", "/soap/cp"));
    URI bridge = URI.create("http://[::1]:" + fixture.soapUrl().getPort()
        + fixture.soapUrl().getPath());
    assertThat(SoapPost.post(bridge, SOAP12, heartbeat("CB-V6", "")).statusCode())
        .isEqualTo(200);

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-V6");

    // THEN the charger got it on [::1]
    assertAccepted(answer);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo("/soap/cp")))).hasSize(1);
  }

  /** Verifies that a rewrite rule sends the call to the operator's replacement address. */
  @Test
  void appliesARewriteRule() throws Exception {
    // GIVEN a charger that names 127.0.0.1:9999, and a rule mapping that to the real server
    charger = wireMock("127.0.0.1", "/proxied/cp");
    fixture = BridgeFixture.start(Map.of("callbacks.rewrites",
        "http://127.0.0.1:9999/ => http://127.0.0.1:" + charger.port() + "/proxied/"));
    register("CB-REWRITE", from("http://127.0.0.1:9999/cp"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-REWRITE");

    // THEN the charger got it at the rewritten address, which is also its wsa:To
    assertAccepted(answer);
    charger.verify(1, postRequestedFor(urlEqualTo("/proxied/cp")).withRequestBody(
        containing("http://127.0.0.1:" + charger.port() + "/proxied/cp<")));
  }

  /**
   * Verifies that a From continuing a rewrite prefix with {@code @host} cannot move the call to a
   * host outside the policy.
   */
  @Test
  void rewriteCannotBeTurnedIntoACallToAnotherHost() throws Exception {
    // GIVEN a rule written without a trailing slash, and a listener on 127.0.0.2
    listener = listen("127.0.0.2");
    fixture = BridgeFixture.start(Map.of("chargers.callTimeout", "1s", "callbacks.rewrites",
        "http://127.0.0.1:9999 => http://127.0.0.1:" + (listener.getLocalPort() + 1)));
    register("CB-SMUGGLE", from("http://127.0.0.1:9999@127.0.0.2:" + listener.getLocalPort()
        + "/cp"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-SMUGGLE");

    // THEN it is refused by policy, and nobody connected to 127.0.0.2
    assertCallError(answer, "SecurityError", "policy");
    assertNoConnection(listener);
  }

  /** Verifies that when the From changes, the latest request's From is called. */
  @Test
  void latestFromWins() throws Exception {
    // GIVEN a charger that named /old first and /new in its latest request
    charger = wireMock("127.0.0.1", "/new");
    charger.stubFor(post(urlEqualTo("/old")).willReturn(soap(RESET_ACCEPTED)));
    fixture = BridgeFixture.start(Map.of());
    String base = "http://127.0.0.1:" + charger.port();
    assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-MOVE", base + "/old").statusCode())
        .isEqualTo(200);
    assertThat(SoapPost.heartbeat15(fixture.soapUrl(), "CB-MOVE", base + "/new").statusCode())
        .isEqualTo(200);

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-MOVE");

    // THEN only the new address was called
    assertAccepted(answer);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo("/new")))).hasSize(1);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo("/old")))).isEmpty();
  }

  // ---------------------------------------------------------------- policy

  /** Verifies that a From on another host than the request's is refused with no connection. */
  @Test
  void rejectsCallbackOnAnotherHostThanTheRequest() throws Exception {
    // GIVEN a listening socket on 127.0.0.2, named as From by a request from 127.0.0.1
    listener = listen("127.0.0.2");
    fixture = BridgeFixture.start(Map.of());
    String from = "http://127.0.0.2:" + listener.getLocalPort() + "/cp";
    register("CB-OTHER", from(from));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-OTHER");

    // THEN it is a SecurityError naming the address and the policy, and nobody connected
    assertCallError(answer, "SecurityError", from, "policy");
    assertNoConnection(listener);
  }

  /** Verifies that the cloud metadata address is refused at once, without a connection attempt. */
  @Test
  void rejectsTheMetadataAddressAtOnce() throws Exception {
    // GIVEN a charger naming the link-local metadata service as its server
    fixture = BridgeFixture.start(Map.of());
    register("CB-META", from("http://169.254.169.254/latest/meta-data/"));

    // WHEN the central system sends Reset
    long start = System.nanoTime();
    JsonNode answer = reset("CB-META");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // THEN it is a SecurityError, and it came back without waiting on any connection
    assertCallError(answer, "SecurityError", "169.254.169.254", "policy");
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  /** Verifies that callbacks.allowedNetworks admits a host other than the request's. */
  @Test
  void acceptsCallbackInsideAllowedNetworks() throws Exception {
    // GIVEN callbacks.allowedNetworks=127.0.0.0/8 and the charger's server on 127.0.0.2
    charger = wireMock("127.0.0.2", "/cp");
    fixture = BridgeFixture.start(Map.of("callbacks.allowedNetworks", "127.0.0.0/8"));
    register("CB-NET", from("http://127.0.0.2:" + charger.port() + "/cp"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-NET");

    // THEN the charger on 127.0.0.2 got it
    assertAccepted(answer);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo("/cp")))).hasSize(1);
  }

  /** Verifies that a host outside callbacks.allowedNetworks is refused with no connection. */
  @Test
  void rejectsCallbackOutsideAllowedNetworks() throws Exception {
    // GIVEN callbacks.allowedNetworks=127.0.0.3/32 and a listener on 127.0.0.2 named as From
    listener = listen("127.0.0.2");
    fixture = BridgeFixture.start(Map.of("callbacks.allowedNetworks", "127.0.0.3/32"));
    register("CB-NONET", from("http://127.0.0.2:" + listener.getLocalPort() + "/cp"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-NONET");

    // THEN it is a SecurityError, and nobody connected
    assertCallError(answer, "SecurityError", "127.0.0.2", "policy");
    assertNoConnection(listener);
  }

  /** Verifies that policy allowed-networks without networks refuses even the request's host. */
  @Test
  void allowedNetworksPolicyWithoutNetworksRefusesTheRequestsOwnHost() throws Exception {
    // GIVEN callbacks.policy=allowed-networks, no networks, and a listener on 127.0.0.1
    listener = listen("127.0.0.1");
    fixture = BridgeFixture.start(Map.of("callbacks.policy", "allowed-networks"));
    register("CB-STRICT", from("http://127.0.0.1:" + listener.getLocalPort() + "/cp"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-STRICT");

    // THEN it is a SecurityError, and nobody connected
    assertCallError(answer, "SecurityError", "policy");
    assertNoConnection(listener);
  }

  /** Verifies that policy any allows a host other than the request's. */
  @Test
  void anyPolicyAllowsAnotherHost() throws Exception {
    // GIVEN callbacks.policy=any and the charger's server on 127.0.0.2
    charger = wireMock("127.0.0.2", "/cp");
    fixture = BridgeFixture.start(Map.of("callbacks.policy", "any"));
    register("CB-ANY", from("http://127.0.0.2:" + charger.port() + "/cp"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-ANY");

    // THEN the charger on 127.0.0.2 got it
    assertAccepted(answer);
    assertThat(charger.findAll(postRequestedFor(urlEqualTo("/cp")))).hasSize(1);
  }

  /** Verifies that a ReplyTo on another host is held to the policy like a From. */
  @Test
  void rejectsReplyToOnAnotherHost() throws Exception {
    // GIVEN a charger naming a server on 127.0.0.2 in ReplyTo only
    listener = listen("127.0.0.2");
    fixture = BridgeFixture.start(Map.of());
    register("CB-REPLY2", replyTo("http://127.0.0.2:" + listener.getLocalPort() + "/cp"));

    // WHEN the central system sends Reset
    JsonNode answer = reset("CB-REPLY2");

    // THEN it is a SecurityError, and nobody connected
    assertCallError(answer, "SecurityError", "policy");
    assertNoConnection(listener);
  }

  // ---------------------------------------------------------------- helpers

  private static WireMockServer wireMock(String bindAddress, String path) {
    WireMockServer server = new WireMockServer(options().bindAddress(bindAddress).dynamicPort());
    server.start();
    server.stubFor(post(urlEqualTo(path)).willReturn(soap(RESET_ACCEPTED)));
    return server;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder soap(
      String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", SOAP12).withBody(body);
  }

  /** A listening socket nobody accepts on: any connection would wait in its backlog. */
  private static ServerSocket listen(String address) throws Exception {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
    return socket;
  }

  private static void assertNoConnection(ServerSocket socket) throws Exception {
    socket.setSoTimeout(300);
    assertThatThrownBy(socket::accept).isInstanceOf(SocketTimeoutException.class);
  }

  private static String from(String address) {
    return "<wsa:Action>/Heartbeat</wsa:Action><wsa:From><wsa:Address>" + address
        + "</wsa:Address></wsa:From>";
  }

  private static String replyTo(String address) {
    return "<wsa:Action>/Heartbeat</wsa:Action><wsa:ReplyTo><wsa:Address>" + address
        + "</wsa:Address></wsa:ReplyTo>";
  }

  /** A 1.5 Heartbeat over SOAP 1.2 with the given addressing headers (MessageID added if any). */
  private static String heartbeat(String identity, String addressing) {
    String headers = addressing.isEmpty() ? ""
        : addressing + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>";
    return "<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'"
        + " xmlns:cs='urn://Ocpp/Cs/2012/06/' xmlns:wsa='" + WSA + "'>"
        + "<soap:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + headers + "</soap:Header>"
        + "<soap:Body><cs:heartbeatRequest/></soap:Body></soap:Envelope>";
  }

  /** Makes the bridge know the charger (and open its WebSocket) with one Heartbeat. */
  private void register(String identity, String addressing) throws Exception {
    assertThat(SoapPost.post(fixture.soapUrl(), SOAP12, heartbeat(identity, addressing))
        .statusCode()).isEqualTo(200);
  }

  private JsonNode reset(String identity) throws Exception {
    return fixture.csms().sendCall(identity, "Reset", JSON.readTree("{\"type\":\"Soft\"}"),
        Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
  }

  private static void assertAccepted(JsonNode answer) throws Exception {
    assertThat(answer.get(0).asInt()).as("frame %s", answer).isEqualTo(3);
    assertThat(answer.get(2)).isEqualTo(JSON.readTree("{\"status\":\"Accepted\"}"));
  }

  private static void assertCallError(JsonNode answer, String code, String... fragments) {
    assertThat(answer.get(0).asInt()).as("frame %s", answer).isEqualTo(4);
    assertThat(answer.get(2).asText()).as("frame %s", answer).isEqualTo(code);
    assertThat(answer.get(3).asText()).contains(fragments);
    assertThat(answer.get(4)).isEqualTo(JSON.createObjectNode());
  }
}
