package io.ocppbridge.upgrade.v201;

import static io.ocppbridge.upgrade.v201.V201Fixture.json;
import static io.ocppbridge.upgrade.v201.V201Fixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.upgrade.LossCase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charger's transaction messages as one TransactionEvent sequence. */
class TransactionMessagesTest {

  private static final String START = "{\"connectorId\":2,\"idTag\":\"04A2B3C4\","
      + "\"meterStart\":1000,\"timestamp\":\"2026-03-04T05:00:00Z\"}";
  private final V201Fixture fixture = new V201Fixture();
  private int starts;

  // Verifies that StartTransaction is a Started event of a new transaction whose answer gives the
  // charger an integer of its own, and that the central system's idTokenInfo becomes idTagInfo.
  @Test
  void startIsAStartedEventAndTheChargerGetsAnInteger() {
    // GIVEN a 1.6 StartTransaction
    ChargerExchange exchange = fixture.request("StartTransaction", START);

    // WHEN it is converted and answered
    JsonNode event = only(exchange).payload();
    JsonNode answer = exchange.answer(List.of(json(
        "{\"idTokenInfo\":{\"status\":\"NoCredit\",\"groupIdToken\":{\"idToken\":\"G1\","
            + "\"type\":\"Central\"}}}")));

    // THEN the event starts the sequence on EVSE 2, connector 1
    assertThat(only(exchange).action()).isEqualTo("TransactionEvent");
    assertThat(event.get("eventType").asText()).isEqualTo("Started");
    assertThat(event.get("seqNo").asInt()).isZero();
    assertThat(event.get("triggerReason").asText()).isEqualTo("Authorized");
    assertThat(event.at("/transactionInfo/transactionId").asText()).hasSize(36);
    assertThat(event.at("/evse/id").asInt()).isEqualTo(2);
    assertThat(event.at("/evse/connectorId").asInt()).isEqualTo(1);
    assertThat(event.at("/idToken/type").asText()).isEqualTo("ISO14443");
    assertThat(event.at("/meterValue/0/sampledValue/0").toString()).isEqualTo(
        "{\"value\":1000,\"context\":\"Transaction.Begin\","
            + "\"measurand\":\"Energy.Active.Import.Register\"}");
    // AND the charger gets an integer, and NoCredit as Invalid with its parent
    assertThat(answer.get("transactionId").isInt()).isTrue();
    assertThat(answer.get("idTagInfo").toString())
        .isEqualTo("{\"parentIdTag\":\"G1\",\"status\":\"Invalid\"}");
    assertThat(fixture.lossCases()).containsExactly(LossCase.ID_TOKEN_TYPE_INFERRED,
        LossCase.AUTHORIZATION_STATUS_NARROWED);
  }

  // Verifies that a StartTransaction sent again after a failure is the same transaction, with the
  // same sequence number, and a different one a new transaction.
  @Test
  void aRepeatedStartIsTheSameTransaction() {
    ChargerExchange first = fixture.request("StartTransaction", START);
    first.failed();

    ChargerExchange again = fixture.request("StartTransaction", START);
    ChargerExchange other = fixture.request("StartTransaction",
        START.replace("05:00:00", "05:30:00"));

    assertThat(only(again).payload()).isEqualTo(only(first).payload());
    assertThat(only(other).payload().at("/transactionInfo/transactionId"))
        .isNotEqualTo(only(first).payload().at("/transactionInfo/transactionId"));
    assertThat(only(other).payload().get("seqNo").asInt()).isZero();
  }

  // Verifies that the sequence numbers have no gaps: an event that was not delivered gives its
  // number to the next event, and a repeat of a delivered message keeps its own.
  @Test
  void sequenceNumbersHaveNoGaps() {
    // GIVEN a running transaction
    int localId = start();

    // WHEN a first MeterValues fails, a second one is delivered and then sent again
    ChargerExchange lost = fixture.request("MeterValues", meter(localId, "05:01:00", "1100"));
    lost.failed();
    ChargerExchange second = fixture.request("MeterValues", meter(localId, "05:02:00", "1200"));
    second.answer(List.of(json("{}")));
    ChargerExchange repeat = fixture.request("MeterValues", meter(localId, "05:02:00", "1200"));
    ChargerExchange stop = fixture.request("StopTransaction", "{\"transactionId\":" + localId
        + ",\"meterStop\":1300,\"timestamp\":\"2026-03-04T05:03:00Z\",\"reason\":\"Remote\"}");

    // THEN the numbers are 1, 1 (the repeat) and 2
    assertThat(only(lost).payload().get("seqNo").asInt()).isEqualTo(1);
    assertThat(only(second).payload().get("seqNo").asInt()).isEqualTo(1);
    assertThat(only(repeat).payload().get("seqNo").asInt()).isEqualTo(1);
    JsonNode ended = only(stop).payload();
    assertThat(ended.get("seqNo").asInt()).isEqualTo(2);
    assertThat(ended.get("eventType").asText()).isEqualTo("Ended");
    assertThat(ended.get("triggerReason").asText()).isEqualTo("RemoteStop");
    assertThat(ended.at("/transactionInfo/stoppedReason").asText()).isEqualTo("Remote");
    assertThat(ended.at("/meterValue/0/sampledValue/0/context").asText())
        .isEqualTo("Transaction.End");
  }

  // Verifies that a bridge restarted in the middle of a transaction (a new profile on the same
  // registry) continues its sequence under the same transactionId, and that an accepted remote
  // start still pending is kept too.
  @Test
  void aRestartContinuesTheSequence() {
    int localId = start();
    ChargerExchange meter = fixture.request("MeterValues", meter(localId, "05:01:00", "1100"));
    meter.answer(List.of(json("{}")));
    fixture.call("RequestStartTransaction", "{\"evseId\":3,\"remoteStartId\":9,"
        + "\"idToken\":{\"idToken\":\"R1\",\"type\":\"Central\"}}")
        .answer(List.of(new CsmsExchange.Outcome.Answered(json("{\"status\":\"Accepted\"}"))));

    V201Fixture restarted = new V201Fixture(fixture.store);
    JsonNode next = only(restarted.request("MeterValues", meter(localId, "05:02:00", "1200")))
        .payload();
    JsonNode remote = only(restarted.request("StartTransaction", "{\"connectorId\":3,"
        + "\"idTag\":\"R1\",\"meterStart\":0,\"timestamp\":\"2026-03-04T05:03:00Z\"}"))
        .payload();

    assertThat(next.get("seqNo").asInt()).isEqualTo(2);
    assertThat(next.at("/transactionInfo/transactionId"))
        .isEqualTo(only(meter).payload().at("/transactionInfo/transactionId"));
    assertThat(remote.at("/transactionInfo/remoteStartId").asInt()).isEqualTo(9);
    assertThat(remote.at("/idToken/type").asText()).isEqualTo("Central");
  }

  // Verifies the meter value conversion: numbers, units, and what 2.0.1 cannot carry dropped.
  @Test
  void meterValuesKeepWhat201CanCarry() {
    int localId = start();
    fixture.losses.clear();

    JsonNode event = only(fixture.request("MeterValues", "{\"connectorId\":2,\"transactionId\":"
        + localId + ",\"meterValue\":[{\"timestamp\":\"2026-03-04T05:01:00Z\",\"sampledValue\":["
        + "{\"value\":\"21.5\",\"measurand\":\"Temperature\",\"unit\":\"Celsius\"},"
        + "{\"value\":\"ABCDEF\",\"format\":\"SignedData\"},"
        + "{\"value\":\"16.0\",\"measurand\":\"Current.Import\",\"phase\":\"L1\","
        + "\"unit\":\"A\",\"context\":\"Sample.Clock\",\"location\":\"Outlet\"}]}]}"))
        .payload();

    assertThat(event.get("eventType").asText()).isEqualTo("Updated");
    assertThat(event.get("triggerReason").asText()).isEqualTo("MeterValueClock");
    assertThat(event.at("/meterValue/0/sampledValue").toString()).isEqualTo(
        "[{\"value\":16.0,\"context\":\"Sample.Clock\",\"measurand\":\"Current.Import\","
            + "\"phase\":\"L1\",\"location\":\"Outlet\",\"unitOfMeasure\":{\"unit\":\"A\"}}]");
    assertThat(fixture.lossCases()).containsExactly(LossCase.SAMPLE_DROPPED,
        LossCase.SAMPLE_DROPPED);
  }

  // Verifies that meter values outside a transaction are a 2.0.1 MeterValues of the EVSE.
  @Test
  void meterValuesWithoutTransaction() {
    OutgoingCall call = only(fixture.request("MeterValues", "{\"connectorId\":3,\"meterValue\":"
        + "[{\"timestamp\":\"2026-03-04T05:01:00Z\",\"sampledValue\":[{\"value\":\"7\","
        + "\"unit\":\"Celcius\"}]}]}"));

    assertThat(call.action()).isEqualTo("MeterValues");
    assertThat(call.payload().toString()).isEqualTo("{\"evseId\":3,\"meterValue\":[{"
        + "\"sampledValue\":[{\"value\":7,\"unitOfMeasure\":{\"unit\":\"Celsius\"}}],"
        + "\"timestamp\":\"2026-03-04T05:01:00Z\"}]}");
  }

  // Verifies that a 1.6 charging state change of a running transaction is an Updated event.
  @Test
  void chargingStateChangeIsAnUpdatedEvent() {
    start();
    String status = "{\"connectorId\":2,\"errorCode\":\"NoError\",\"status\":\"%s\","
        + "\"timestamp\":\"2026-03-04T05:01:00Z\"}";

    ChargerExchange charging = fixture.request("StatusNotification",
        String.format(status, "Charging"));
    ChargerExchange suspended = fixture.request("StatusNotification",
        String.format(status, "SuspendedEV"));

    assertThat(charging.calls()).hasSize(1);
    assertThat(suspended.calls()).extracting(OutgoingCall::action)
        .containsExactly("StatusNotification", "TransactionEvent");
    assertThat(suspended.calls().get(0).payload().get("connectorStatus").asText())
        .isEqualTo("Occupied");
    JsonNode event = suspended.calls().get(1).payload();
    assertThat(event.get("triggerReason").asText()).isEqualTo("ChargingStateChanged");
    assertThat(event.at("/transactionInfo/chargingState").asText()).isEqualTo("SuspendedEV");
    assertThat(event.get("seqNo").asInt()).isEqualTo(1);
  }

  // Verifies the stop reasons 2.0.1 names otherwise.
  @Test
  void stopReasonsIn201Terms() {
    String[][] cases = {{"SoftReset", "Reboot", "ResetCommand"},
        {"UnlockCommand", "Other", "UnlockCommand"}, {"HardReset", "ImmediateReset",
            "ResetCommand"}, {"EVDisconnected", "EVDisconnected", "EVCommunicationLost"}};
    for (String[] c : cases) {
      int localId = start();
      JsonNode ended = only(fixture.request("StopTransaction", "{\"transactionId\":" + localId
          + ",\"meterStop\":1300,\"timestamp\":\"2026-03-04T05:03:00Z\",\"reason\":\"" + c[0]
          + "\"}")).payload();
      assertThat(ended.at("/transactionInfo/stoppedReason").asText()).as(c[0]).isEqualTo(c[1]);
      assertThat(ended.get("triggerReason").asText()).as(c[0]).isEqualTo(c[2]);
    }
    assertThat(fixture.lossCases()).contains(LossCase.STOP_REASON_APPROXIMATED);
  }

  // Verifies that a stop of a transaction the bridge never started still reaches the central
  // system, under the charger's number, and is reported.
  @Test
  void stopOfAnUnknownTransaction() {
    JsonNode ended = only(fixture.request("StopTransaction", "{\"transactionId\":77,"
        + "\"meterStop\":1300,\"timestamp\":\"2026-03-04T05:03:00Z\"}")).payload();

    assertThat(ended.at("/transactionInfo/transactionId").asText()).isEqualTo("77");
    assertThat(ended.get("seqNo").asInt()).isZero();
    assertThat(ended.at("/transactionInfo").has("stoppedReason")).isFalse();
    assertThat(fixture.lossCases()).containsExactly(LossCase.TRANSACTION_UNKNOWN);
  }

  private int start() {
    starts++;
    ChargerExchange exchange = fixture.request("StartTransaction",
        START.replace("05:00:00", "05:00:" + (10 + starts)));
    return exchange.answer(List.of(json("{\"idTokenInfo\":{\"status\":\"Accepted\"}}")))
        .get("transactionId").intValue();
  }

  private static String meter(int localId, String time, String value) {
    return "{\"connectorId\":2,\"transactionId\":" + localId + ",\"meterValue\":[{\"timestamp\":"
        + "\"2026-03-04T" + time + "Z\",\"sampledValue\":[{\"value\":\"" + value + "\"}]}]}";
  }
}
