package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate-charger} against a real bridge and simulated central system over 127.0.0.1:
 * the scripted session, its refusals, and the interactive console.
 */
class SimulateChargerCommandTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Not what SensibleCsmsAnswers would number, so only the answer's id can match it. */
  private static final int TRANSACTION_ID = 4711;

  private final ObjectMapper json = new ObjectMapper();
  private BridgeFixture fixture;

  @BeforeEach
  void startBridge() {
    fixture = BridgeFixture.start();
    fixture.csms().replyWith(sensibleBut("StartTransaction", call -> {
      ObjectNode answer = JsonNodeFactory.instance.objectNode().put("transactionId",
          TRANSACTION_ID);
      answer.putObject("idTagInfo").put("status", "Accepted");
      return answer;
    }));
  }

  @AfterEach
  void stopBridge() {
    fixture.close();
  }

  /**
   * Verifies that the scripted session reaches the central system step by step, in order, with
   * the transactionId of the StartTransaction answer in MeterValues and StopTransaction.
   */
  @Test
  void scriptedSessionReachesTheCentralSystemInOrder() throws Exception {
    // GIVEN a bridge in front of a central system that numbers the transaction 4711
    // WHEN the charger plays its session with two meter values
    int exit;
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "SCRIPT-15", "--connectors", "2", "--heartbeats",
        "2", "--heartbeat-every", "0", "--meter-values", "2", "--id-tag", "TAG-42",
        "--meter-start", "10000")) {
      exit = run.awaitExit(WAIT);
      // THEN it reports every step, in one line each way
      assertThat(run.output())
          .contains(">> BootNotification chargePointVendor=ocpp-soap-bridge")
          .contains("<< BootNotificationResponse status=Accepted")
          .contains("<< StartTransactionResponse transactionId=4711 status=Accepted")
          .contains(">> StopTransaction transactionId=4711 idTag=TAG-42")
          .contains("== scripted session complete")
          .doesNotContain("!!");
    }

    // AND exits 0 after the central system received every step in order
    assertThat(exit).isEqualTo(Main.EXIT_OK);
    List<ReceivedCall> calls = fixture.csms().received();
    assertThat(calls).extracting(ReceivedCall::action).containsExactly("BootNotification",
        "StatusNotification", "StatusNotification", "Heartbeat", "Heartbeat", "Authorize",
        "StartTransaction", "StatusNotification", "MeterValues", "MeterValues",
        "StopTransaction", "StatusNotification");
    assertThat(calls).allMatch(c -> c.chargerId().equals("SCRIPT-15")
        && c.subprotocol().equals("ocpp1.5"));
    assertThat(calls).extracting(c -> c.payload().path("connectorId").asInt(-1) + "/"
            + c.payload().path("status").asText("-"))
        .containsExactly("-1/-", "1/Available", "2/Available", "-1/-", "-1/-", "-1/-", "1/-",
            "1/Occupied", "1/-", "1/-", "-1/-", "1/Available");
    assertThat(calls.get(5).payload().get("idTag").asText()).isEqualTo("TAG-42");
    assertThat(calls.get(6).payload().get("meterStart").asInt()).isEqualTo(10_000);
    JsonNode firstMeter = calls.get(8).payload();
    assertThat(firstMeter.get("transactionId").asInt()).isEqualTo(TRANSACTION_ID);
    assertThat(firstMeter.at("/values/0/value/0/value").asText()).isEqualTo("10250");
    assertThat(firstMeter.at("/values/0/value/0/unit").asText()).isEqualTo("Wh");
    assertThat(calls.get(9).payload().get("transactionId").asInt()).isEqualTo(TRANSACTION_ID);
    assertThat(calls.get(9).payload().at("/values/0/value/0/value").asText())
        .isEqualTo("10500");
    JsonNode stop = calls.get(10).payload();
    assertThat(stop.get("transactionId").asInt()).isEqualTo(TRANSACTION_ID);
    assertThat(stop.get("meterStop").asInt()).isEqualTo(10_500);
    assertThat(stop.get("idTag").asText()).isEqualTo("TAG-42");
  }

  /**
   * Verifies that the 1.6 session (SOAP 1.1) reaches the central system as ocpp1.6: Charging
   * instead of Occupied, sampled values as elements, the interval of the boot answer learnt.
   */
  @Test
  void scriptedSessionOf16SpeaksOcpp16() throws Exception {
    int exit;
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "SCRIPT-16", "--ocpp", "1.6", "--soap", "1.1",
        "--heartbeats", "1", "--meter-values", "1", "--meter-start", "10000")) {
      exit = run.awaitExit(WAIT);
      assertThat(run.output()).contains("charger SCRIPT-16 (OCPP 1.6 over SOAP 1.1)")
          .contains("<< BootNotificationResponse status=Accepted")
          .contains("interval=300")
          .contains("== scripted session complete").doesNotContain("!!");
    }

    assertThat(exit).isEqualTo(Main.EXIT_OK);
    List<ReceivedCall> calls = fixture.csms().received();
    assertThat(calls).extracting(ReceivedCall::action).containsExactly("BootNotification",
        "StatusNotification", "Heartbeat", "Authorize", "StartTransaction",
        "StatusNotification", "MeterValues", "StopTransaction", "StatusNotification");
    assertThat(calls).allMatch(c -> c.subprotocol().equals("ocpp1.6"));
    assertThat(calls.get(5).payload().get("status").asText()).isEqualTo("Charging");
    JsonNode meter = calls.get(6).payload();
    assertThat(meter.get("transactionId").asInt()).isEqualTo(TRANSACTION_ID);
    assertThat(meter.at("/meterValue/0/sampledValue/0/value").asText()).isEqualTo("10250");
    assertThat(meter.at("/meterValue/0/sampledValue/0/unit").asText()).isEqualTo("Wh");
    assertThat(calls.get(7).payload().get("meterStop").asInt()).isEqualTo(10_250);
  }

  /** Verifies that the 1.2 session over SOAP 1.1 stops the transaction the answer numbered. */
  @Test
  void scriptedSessionOf12StopsTheAnsweredTransaction() throws Exception {
    int exit;
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "SCRIPT-12", "--ocpp", "1.2", "--soap", "1.1",
        "--heartbeats", "0", "--meter-values", "1", "--meter-start", "10000")) {
      exit = run.awaitExit(WAIT);
    }

    assertThat(exit).isEqualTo(Main.EXIT_OK);
    List<ReceivedCall> calls = fixture.csms().received();
    assertThat(calls).extracting(ReceivedCall::action).containsExactly("BootNotification",
        "StatusNotification", "Authorize", "StartTransaction", "StatusNotification",
        "MeterValues", "StopTransaction", "StatusNotification");
    assertThat(calls).allMatch(c -> c.subprotocol().equals("ocpp1.2"));
    assertThat(calls.get(5).payload().has("transactionId")).isFalse(); // no such field in 1.2
    assertThat(calls.get(5).payload().at("/values/0/value").asInt()).isEqualTo(10_250);
    assertThat(calls.get(6).payload().get("transactionId").asInt()).isEqualTo(TRANSACTION_ID);
    // the run's own id tag, the same from Authorize to StopTransaction
    String tag = calls.get(2).payload().get("idTag").asText();
    assertThat(tag).matches("SIM[0-9A-F]{8}");
    assertThat(calls.get(3).payload().get("idTag").asText()).isEqualTo(tag);
    assertThat(calls.get(6).payload().get("idTag").asText()).isEqualTo(tag);
  }

  /**
   * Verifies that two runs without options use different id tags and meter starts that do not
   * go back: a real central system sees two sessions of one plausible charger.
   */
  @Test
  void eachRunHasItsOwnIdTagAndARisingMeter() throws Exception {
    for (int i = 0; i < 2; i++) {
      try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
          fixture.soapUrl().toString(), "--id", "RUNS-1", "--heartbeats", "0",
          "--meter-values", "0")) {
        assertThat(run.awaitExit(WAIT)).isEqualTo(Main.EXIT_OK);
      }
    }
    List<JsonNode> starts = fixture.csms().received().stream()
        .filter(c -> c.action().equals("StartTransaction")).map(ReceivedCall::payload).toList();
    assertThat(starts).hasSize(2);
    assertThat(starts.get(0).get("idTag").asText())
        .isNotEqualTo(starts.get(1).get("idTag").asText());
    assertThat(starts.get(1).get("meterStart").asInt())
        .isGreaterThanOrEqualTo(starts.get(0).get("meterStart").asInt());
  }

  /**
   * Verifies that a transaction is never left open: when the central system numbers it but
   * refuses its id tag, the charger stops it at once (1.6: reason DeAuthorized) and reports the
   * session as failed; and when a later step fails, the transaction is still stopped.
   */
  @Test
  void aStartedTransactionIsAlwaysStopped() throws Exception {
    // GIVEN a central system that numbers the transaction but refuses the tag
    fixture.csms().replyWith(sensibleBut("StartTransaction", call -> {
      ObjectNode answer = JsonNodeFactory.instance.objectNode().put("transactionId", 5150);
      answer.putObject("idTagInfo").put("status", "Invalid");
      return answer;
    }));
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "TIDY-16", "--ocpp", "1.6", "--heartbeats",
        "0")) {
      assertThat(run.awaitExit(WAIT)).isEqualTo(Main.EXIT_FAILURE);
    }
    List<ReceivedCall> calls = fixture.csms().received();
    assertThat(calls).extracting(ReceivedCall::action).containsExactly("BootNotification",
        "StatusNotification", "Authorize", "StartTransaction", "StopTransaction",
        "StatusNotification");
    assertThat(calls.get(4).payload().get("transactionId").asInt()).isEqualTo(5150);
    assertThat(calls.get(4).payload().get("reason").asText()).isEqualTo("DeAuthorized");
    assertThat(calls.get(5).payload().get("status").asText()).isEqualTo("Available");

    // GIVEN a central system that fails the MeterValues of an accepted transaction
    fixture.csms().clearReceived();
    fixture.csms().replyWith(call -> call.action().equals("MeterValues")
        ? CsmsReply.now(call.error("InternalError", "meter store down"))
        : sensibleBut("StartTransaction", c -> {
          ObjectNode answer = JsonNodeFactory.instance.objectNode().put("transactionId", 5151);
          answer.putObject("idTagInfo").put("status", "Accepted");
          return answer;
        }).apply(call));
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "TIDY-15", "--heartbeats", "0")) {
      assertThat(run.awaitExit(WAIT)).isEqualTo(Main.EXIT_FAILURE);
      assertThat(run.output()).contains("!! MeterValues got no real answer");
    }
    List<String> actions = fixture.csms().received().stream().map(ReceivedCall::action).toList();
    assertThat(actions).endsWith("MeterValues", "StopTransaction", "StatusNotification");
    assertThat(fixture.csms().received().get(actions.indexOf("StopTransaction")).payload()
        .get("transactionId").asInt()).isEqualTo(5151);
  }

  /**
   * Verifies that --all sends every operation once with data that hangs together: the run's id
   * tag throughout, the transaction the central system numbered metered and stopped, no sample
   * tag or made-up transaction id.
   */
  @Test
  void everyOperationOnceWithCoherentData() throws Exception {
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "ALL-15", "--all", "--id-tag", "TAG-ALL")) {
      assertThat(run.awaitExit(WAIT)).isEqualTo(Main.EXIT_OK);
      assertThat(run.output()).contains("[ALL-15] ok   StopTransaction").doesNotContain("FAIL");
    }
    List<ReceivedCall> calls = fixture.csms().received();
    assertThat(calls).extracting(ReceivedCall::action).containsExactlyInAnyOrder(
        "BootNotification", "Heartbeat", "StatusNotification", "Authorize", "StartTransaction",
        "MeterValues", "StopTransaction", "DataTransfer", "DiagnosticsStatusNotification",
        "FirmwareStatusNotification");
    for (ReceivedCall call : calls) {
      if (call.payload().has("idTag")) {
        assertThat(call.payload().get("idTag").asText()).as(call.action()).isEqualTo("TAG-ALL");
      }
      if (call.payload().has("transactionId")) {
        assertThat(call.payload().get("transactionId").asInt()).as(call.action())
            .isEqualTo(TRANSACTION_ID);
      }
    }
  }

  /** Verifies that a Rejected boot is reported, ends the session and exits 1. */
  @Test
  void rejectedBootExitsOne() throws Exception {
    // GIVEN a central system that rejects the boot
    fixture.csms().replyWith(sensibleBut("BootNotification", call -> JsonNodeFactory.instance
        .objectNode().put("status", "Rejected").put("currentTime", "2026-11-22T01:00:00Z")
        .put("heartbeatInterval", 60)));

    // WHEN the charger plays its session
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "REJECTED-1")) {
      // THEN it exits 1, saying why, and sends nothing after the boot
      assertThat(run.awaitExit(WAIT)).isEqualTo(Main.EXIT_FAILURE);
      assertThat(run.output())
          .contains("<< BootNotificationResponse status=Rejected")
          .contains("!! BootNotification was not accepted: status Rejected")
          .contains("== scripted session stopped at the step above");
    }
    assertThat(fixture.csms().received()).extracting(ReceivedCall::action)
        .containsExactly("BootNotification");
  }

  /** Verifies that an id tag the central system refuses ends the session before the start. */
  @Test
  void rejectedIdTagEndsTheSessionBeforeTheTransaction() throws Exception {
    fixture.csms().replyWith(sensibleBut("Authorize", call -> {
      ObjectNode answer = JsonNodeFactory.instance.objectNode();
      answer.putObject("idTagInfo").put("status", "Blocked");
      return answer;
    }));

    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "BLOCKED-1", "--heartbeats", "0")) {
      assertThat(run.awaitExit(WAIT)).isEqualTo(Main.EXIT_FAILURE);
      assertThat(run.output()).contains("!! Authorize was not accepted: status Blocked");
    }
    assertThat(fixture.csms().received()).extracting(ReceivedCall::action)
        .containsExactly("BootNotification", "StatusNotification", "Authorize");
  }

  /**
   * Verifies that the interactive charger runs typed commands in order, hints at a wrong one,
   * and prints a remote operation of the central system as it arrives.
   */
  @Test
  void interactiveChargerRunsTypedCommandsAndShowsRemoteOperations() throws Exception {
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "TYPED-1", "--interactive")) {
      // GIVEN a booted interactive charger
      run.type("boot");
      run.awaitOutput("<< BootNotificationResponse status=Accepted", WAIT);

      // WHEN the central system sends it a Reset
      JsonNode answer = fixture.csms().sendCall("TYPED-1", "Reset",
          json.readTree("{\"type\":\"Soft\"}"), WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);

      // THEN the charger shows it and answers it
      run.awaitOutput("<< remote Reset type=Soft", WAIT);
      assertThat(answer.get(2).get("status").asText()).isEqualTo("Accepted");

      // AND WHEN the user types a session, with mistakes
      run.type("status 1 Occupied");
      run.type("bogus");
      run.type("status 1 Resting");
      run.type("stop");
      run.type("start 1 TAG-7 2000");
      run.type("meter 1 2600");
      run.type("stop Local");
      run.type("send DataTransfer");
      run.type("quit");

      // THEN each valid one is sent, each wrong one hinted at, and the exit code is 0
      assertThat(run.awaitExit(WAIT)).isEqualTo(Main.EXIT_OK);
      assertThat(run.output())
          .contains("?? unknown command 'bogus'; type 'help' for the list")
          .contains("?? no status 'Resting' in OCPP 1.5")
          .contains("?? no transaction is in progress; start one first")
          .contains("<< StartTransactionResponse transactionId=4711")
          .contains("(reason Local is not sent")
          .contains("<< DataTransferResponse status=Accepted");
    }
    List<ReceivedCall> calls = fixture.csms().received();
    assertThat(calls).extracting(ReceivedCall::action).containsExactly("BootNotification",
        "StatusNotification", "StartTransaction", "MeterValues", "StopTransaction",
        "DataTransfer");
    assertThat(calls.get(2).payload().get("meterStart").asInt()).isEqualTo(2000);
    assertThat(calls.get(3).payload().get("transactionId").asInt()).isEqualTo(TRANSACTION_ID);
    assertThat(calls.get(4).payload().get("transactionId").asInt()).isEqualTo(TRANSACTION_ID);
    assertThat(calls.get(4).payload().get("meterStop").asInt()).isEqualTo(2600);
  }

  /** Verifies that the end of the input ends the interactive charger like quit. */
  @Test
  void endOfInputEndsTheInteractiveCharger() throws Exception {
    try (CommandRun run = CommandRun.start("simulate-charger", "--bridge",
        fixture.soapUrl().toString(), "--id", "TYPED-2", "--interactive")) {
      run.type("heartbeat");
      run.endInput();

      assertThat(run.awaitExit(WAIT)).isEqualTo(Main.EXIT_OK);
      assertThat(run.output()).contains("<< HeartbeatResponse currentTime=");
    }
    assertThat(fixture.csms().received()).extracting(ReceivedCall::action)
        .containsExactly("Heartbeat");
  }

  /** Sensible answers, except for one action whose result payload this function gives. */
  private static Function<ReceivedCall, CsmsReply> sensibleBut(String action,
      Function<ReceivedCall, JsonNode> result) {
    SensibleCsmsAnswers sensible = new SensibleCsmsAnswers(Clock.systemUTC());
    return call -> call.action().equals(action)
        ? CsmsReply.now(call.result(result.apply(call))) : sensible.apply(call);
  }
}
