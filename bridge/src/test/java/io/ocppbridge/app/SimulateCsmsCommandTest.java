package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.config.ConfigLoader;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ReceivedSoapCall;
import io.ocppbridge.sim.SimulatedChargePointServer;
import io.ocppbridge.sim.SoapChargerSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code simulate-csms} over real sockets: remote operations typed on its input, subprotocols. */
class SimulateCsmsCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern URL = Pattern.compile("point csms.url at (ws://\\S+)");

  /**
   * Verifies that a line {@code <chargerId> <Action> <payload>} sends the CALL through the bridge
   * to a connected charger and prints its answer, and that wrong lines get a hint.
   */
  @Test
  void sendsATypedRemoteOperationAndPrintsTheAnswer() throws Exception {
    try (CommandRun csms = CommandRun.start("simulate-csms", "--port", "0", "--call-timeout",
        "10")) {
      // GIVEN a charger connected through a bridge to the simulated central system
      URI url = URI.create(csms.awaitMatch(URL, WAIT));
      try (Bridge bridge = Bridge.start(ConfigLoader.fromValues(Map.of("soap.host", "127.0.0.1",
              "soap.port", "0", "csms.url", url.toString(), "sessions.store", "memory",
              "admin.enabled", "false", "soap.shutdownGrace", "1s")));
          SimulatedChargePointServer chargePoint =
              new SimulatedChargePointServer("127.0.0.1", 0, "/cp");
          SoapChargerSimulator charger = new SoapChargerSimulator(bridge.soapAddress(),
              "CSMS-CB1", OcppVersion.V1_5, true, chargePoint.url().toString())) {
        assertThat(charger.send(OcppAction.HEARTBEAT,
            SoapChargerSimulator.sample(OcppVersion.V1_5, OcppAction.HEARTBEAT)).ok()).isTrue();
        csms.type("list");
        csms.awaitOutput("connected: [CSMS-CB1]", WAIT);

        // WHEN a Reset is typed
        csms.type("CSMS-CB1 Reset {\"type\":\"Hard\"}");

        // THEN it reaches the charger and its answer is printed
        csms.awaitOutput("<< CSMS-CB1 Reset CALLRESULT {\"status\":\"Accepted\"}", WAIT);
        assertThat(chargePoint.received()).extracting(ReceivedSoapCall::action)
            .containsExactly(OcppAction.RESET);
        assertThat(chargePoint.received().get(0).payloadXml()).contains("<type>Hard</type>");

        // AND a payload the bridge refuses comes back as the CALLERROR
        csms.type("CSMS-CB1 Reset {\"type\":\"Sideways\"}");
        csms.awaitOutput("<< CSMS-CB1 Reset CALLERROR TypeConstraintViolation", WAIT);

        // AND wrong lines get a hint
        csms.type("CSMS-CB1 Reset {oops");
        csms.awaitOutput("?? the payload is not JSON", WAIT);
        csms.type("NOPE ClearCache");
        csms.awaitOutput("!! NOPE ClearCache: the simulated central system has no open WebSocket"
            + " for charger 'NOPE'", WAIT);
        csms.type("lonely");
        csms.awaitOutput("?? expected <chargerId> <Action> [<json payload>]", WAIT);
      }
      // AND quit stops it
      csms.type("quit");
      assertThat(csms.awaitExit(WAIT)).isEqualTo(Main.EXIT_OK);
      assertThat(csms.output())
          .contains("simulated central system stopping; it answered 1 call(s)");
    }
  }

  /** Verifies that ocpp1.6 is accepted as a subprotocol at the handshake. */
  @Test
  void acceptsTheOcpp16Subprotocol() throws Exception {
    try (CommandRun csms = CommandRun.start("simulate-csms", "--port", "0", "--subprotocols",
        "ocpp1.6,ocpp1.5")) {
      URI url = URI.create(csms.awaitMatch(URL, WAIT));

      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .subprotocols("ocpp1.6").connectTimeout(WAIT)
          .buildAsync(URI.create(url + "/CB16"), new WebSocket.Listener() { })
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(socket.getSubprotocol()).isEqualTo("ocpp1.6");
      socket.abort();
      csms.type("quit");
      assertThat(csms.awaitExit(WAIT)).isEqualTo(Main.EXIT_OK);
    }
  }

  /**
   * Verifies that {@code refuse}, {@code accept}, {@code drop} and {@code freeze} typed on the
   * input change what a WebSocket client of the simulated central system sees.
   */
  @Test
  void consoleCommandsPutTheCentralSystemInTrouble() throws Exception {
    try (CommandRun csms = CommandRun.start("simulate-csms", "--port", "0")) {
      URI url = URI.create(csms.awaitMatch(URL, WAIT));
      HttpClient http = HttpClient.newHttpClient();

      // GIVEN handshakes refused with 503
      csms.type("refuse 503");
      csms.awaitOutput("refusing new handshakes with 503", WAIT);
      // WHEN a client connects THEN its handshake fails with that status
      java.util.concurrent.CompletableFuture<WebSocket> refused = http.newWebSocketBuilder()
          .subprotocols("ocpp1.5").buildAsync(URI.create(url + "/CB-R"),
              new WebSocket.Listener() { });
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
          () -> refused.get(WAIT.toSeconds(), TimeUnit.SECONDS));
      assertThat(failure).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
      assertThat(((java.net.http.WebSocketHandshakeException) failure.getCause())
          .getResponse().statusCode()).isEqualTo(503);
      csms.type("refuse 200");
      csms.awaitOutput("?? expected refuse <status>", WAIT);

      // GIVEN handshakes accepted again and one client connected
      csms.type("accept");
      csms.awaitOutput("accepting handshakes", WAIT);
      java.util.concurrent.CompletableFuture<Void> closed =
          new java.util.concurrent.CompletableFuture<>();
      WebSocket socket = http.newWebSocketBuilder().subprotocols("ocpp1.5")
          .buildAsync(URI.create(url + "/CB-D"), new WebSocket.Listener() {
            @Override
            public void onError(WebSocket webSocket, Throwable error) {
              closed.complete(null);
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(WebSocket webSocket,
                int statusCode, String reason) {
              closed.complete(null);
              return null;
            }
          }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      csms.type("list");
      csms.awaitOutput("connected: [CB-D]", WAIT);

      // WHEN its connections are frozen, THEN a CALL it sends gets no answer
      csms.type("freeze");
      csms.awaitOutput("frozen: open connections are no longer read", WAIT);
      socket.sendText("[2,\"f1\",\"Heartbeat\",{}]", true);

      // WHEN they are dropped THEN the client sees its connection end
      csms.type("drop");
      csms.awaitOutput("dropped every connection", WAIT);
      closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      csms.type("quit");
      assertThat(csms.awaitExit(WAIT)).isEqualTo(Main.EXIT_OK);
      assertThat(csms.output()).contains("it answered 0 call(s)");
    }
  }

  /** Verifies that an unknown subprotocol is an invalid option (exit 2). */
  @Test
  void refusesAnUnknownSubprotocol() throws Exception {
    try (CommandRun csms = CommandRun.start("simulate-csms", "--port", "0", "--subprotocols",
        "ocpp1.5,ocpp2.1")) {
      assertThat(csms.awaitExit(WAIT)).isEqualTo(Main.EXIT_CONFIG);
    }
  }

  /**
   * Verifies that it speaks OCPP 2.0.1 to a charger under the 2.0.1 profile: the charger's
   * messages are answered in 2.0.1, and a typed 2.0.1 call reaches the 1.5 charger as its 1.5
   * counterpart.
   */
  @Test
  void speaksOcpp201() throws Exception {
    try (CommandRun csms = CommandRun.start("simulate-csms", "--port", "0", "--call-timeout",
        "10")) {
      // GIVEN a 1.5 charger connected through a bridge with csms.protocol: ocpp2.0.1
      URI url = URI.create(csms.awaitMatch(URL, WAIT));
      try (Bridge bridge = Bridge.start(ConfigLoader.fromValues(Map.of("soap.host", "127.0.0.1",
              "soap.port", "0", "csms.url", url.toString(), "csms.protocol", "ocpp2.0.1",
              "sessions.store", "memory", "admin.enabled", "false", "soap.shutdownGrace", "1s")));
          SimulatedChargePointServer chargePoint =
              new SimulatedChargePointServer("127.0.0.1", 0, "/cp");
          SoapChargerSimulator charger = new SoapChargerSimulator(bridge.soapAddress(),
              "CSMS-CB201", OcppVersion.V1_5, true, chargePoint.url().toString())) {
        assertThat(charger.send(OcppAction.BOOT_NOTIFICATION, SoapChargerSimulator.sample(
            OcppVersion.V1_5, OcppAction.BOOT_NOTIFICATION)).ok()).isTrue();

        // WHEN a 2.0.1 remote start is typed
        csms.type("CSMS-CB201 RequestStartTransaction {\"idToken\":{\"idToken\":\"SIMTAG01\","
            + "\"type\":\"ISO14443\"},\"remoteStartId\":1,\"evseId\":1}");

        // THEN the charger gets its RemoteStartTransaction and the answer is printed
        csms.awaitOutput("<< CSMS-CB201 RequestStartTransaction CALLRESULT"
            + " {\"status\":\"Accepted\"}", WAIT);
        assertThat(chargePoint.received()).extracting(ReceivedSoapCall::action)
            .containsExactly(OcppAction.REMOTE_START_TRANSACTION);
        assertThat(chargePoint.received().get(0).payloadXml()).contains("SIMTAG01");
      }
      csms.type("quit");
      assertThat(csms.awaitExit(WAIT)).isEqualTo(Main.EXIT_OK);
    }
  }

  /**
   * Verifies that {@code --json-dialect xsd} makes the simulator refuse a 1.5 MeterValues named
   * the ocppjs way as SteVe does, with the reason in errorDetails, and accept the XSD names.
   */
  @Test
  void jsonDialectOptionRefusesTheOtherNamesWithDetails() throws Exception {
    try (CommandRun csms = CommandRun.start("simulate-csms", "--port", "0", "--json-dialect",
        "xsd")) {
      URI url = URI.create(csms.awaitMatch(URL, WAIT));
      java.util.concurrent.BlockingQueue<String> frames =
          new java.util.concurrent.LinkedBlockingQueue<>();
      StringBuilder partial = new StringBuilder();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("ocpp1.5")
          .buildAsync(URI.create(url + "/CB-DIALECT"), new WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket,
                CharSequence data, boolean last) {
              partial.append(data);
              if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
              }
              webSocket.request(1);
              return null;
            }
          }).get(WAIT.toSeconds(), TimeUnit.SECONDS);

      // WHEN a MeterValues with the ocppjs list name arrives THEN a CALLERROR with details
      socket.sendText("[2,\"m1\",\"MeterValues\",{\"connectorId\":1,\"values\":[{\"timestamp\":"
          + "\"2026-12-03T10:00:00Z\",\"values\":[{\"value\":\"5\"}]}]}]", true);
      String refused = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(refused).startsWith("[4,\"m1\",").contains("Message validation failed")
          .contains("\"errorMsg\":").contains("values[0]");

      // WHEN the same arrives with the XSD name THEN it is accepted
      socket.sendText("[2,\"m2\",\"MeterValues\",{\"connectorId\":1,\"values\":[{\"timestamp\":"
          + "\"2026-12-03T10:00:00Z\",\"value\":[{\"value\":\"5\"}]}]}]", true);
      assertThat(frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("[3,\"m2\",{}]");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }
  }
}
