package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.TypedCharger;
import io.ocppbridge.translate.JsonDialect;
import io.ocppbridge.translate.OcppJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every charger-initiated operation of OCPP 1.2 and 1.5, sent by a typed CXF client generated from
 * the project's WSDLs over SOAP 1.1 and 1.2, with and without WS-Addressing, through a real bridge
 * to a real WebSocket central system, all on 127.0.0.1.
 */
class ChargerInitiatedRelayTest {

  private static final ObjectMapper PAYLOADS = OcppJson.payloadMapper(JsonDialect.OCPPJS);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = BridgeFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.csms().clearReceived();
  }

  static Stream<Arguments> everyOperation() {
    List<Arguments> cases = new ArrayList<>();
    for (OcppVersion version : OcppVersion.values()) {
      for (OcppAction action : OcppAction.all(version, Initiator.CHARGE_POINT)) {
        for (boolean soap12 : new boolean[] {true, false}) {
          for (boolean addressing : new boolean[] {true, false}) {
            cases.add(Arguments.of(version, action, soap12, addressing));
          }
        }
      }
    }
    return cases.stream();
  }

  /**
   * Verifies that each operation arrives at the central system as one CALL with the charger's
   * subprotocol and identity and the sample's content, and that the central system's own answer
   * is what the charger receives.
   */
  @ParameterizedTest(name = "{0} {1} soap12={2} addressing={3}")
  @MethodSource("everyOperation")
  void relaysOperationAndReturnsCentralSystemAnswer(OcppVersion version, OcppAction action,
      boolean soap12, boolean addressing) throws Exception {
    String identity = "CB-" + version.label() + (soap12 ? "-s12" : "-s11")
        + (addressing ? "-wsa" : "");
    try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), version, soap12, addressing)) {
      // GIVEN the sample request of the operation
      Object request = charger.sampleRequest(action);

      // WHEN the charger sends it through the bridge
      Object response = charger.call(request, identity);

      // THEN the central system received exactly that operation, in the charger's subprotocol
      List<ReceivedCall> calls = fixture.csms().received();
      assertThat(calls).hasSize(1);
      ReceivedCall call = calls.get(0);
      assertThat(call.action()).isEqualTo(action.wireName());
      assertThat(call.subprotocol()).isEqualTo(version.subprotocol());
      assertThat(call.chargerId()).isEqualTo(identity);
      assertThat(call.messageId()).hasSizeLessThanOrEqualTo(36);
      assertThat(call.payload()).isEqualTo(PAYLOADS.valueToTree(request));
      // AND the charger got the answer the central system gave, field for field
      assertThat((JsonNode) PAYLOADS.valueToTree(response)).isEqualTo(answerTo(call));
    }
  }

  /** Verifies the 1.5 MeterValues JSON shape of the ocppjs mapping, attributes included. */
  @Test
  void meterValues15FollowsTheOcppjsMapping() throws Exception {
    try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5, true,
        true)) {
      charger.call(charger.sampleRequest(OcppAction.METER_VALUES), "CB-MV15");
    }
    assertThat(fixture.csms().received().get(0).payload()).isEqualTo(JSON.readTree("""
        {"connectorId":1,"transactionId":42,"values":[
          {"timestamp":"2026-11-21T10:15:00Z","values":[
            {"value":"12345","context":"Sample.Periodic","format":"Raw",
             "measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},
            {"value":"7200","measurand":"Power.Active.Import","unit":"W"}]},
          {"timestamp":"2026-11-21T10:30:00+01:00","values":[{"value":"12400"}]}]}
        """));
  }

  /** Verifies the 1.2 MeterValues JSON shape: one integer value per sample. */
  @Test
  void meterValues12CarriesIntegerValues() throws Exception {
    try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_2, false,
        false)) {
      charger.call(charger.sampleRequest(OcppAction.METER_VALUES), "CB-MV12");
    }
    assertThat(fixture.csms().received().get(0).payload()).isEqualTo(JSON.readTree("""
        {"connectorId":2,"values":[{"timestamp":"2026-11-21T10:15:00Z","value":1500},
                                   {"timestamp":"2026-11-21T10:30:00Z","value":1620}]}
        """));
  }

  /** Verifies StopTransaction's transactionData nests the ocppjs MeterValue shape. */
  @Test
  void stopTransaction15CarriesTransactionData() throws Exception {
    try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5, true,
        true)) {
      charger.call(charger.sampleRequest(OcppAction.STOP_TRANSACTION), "CB-STOP15");
    }
    assertThat(fixture.csms().received().get(0).payload()).isEqualTo(JSON.readTree("""
        {"transactionId":42,"idTag":"04A2B3C4D5","timestamp":"2026-11-21T11:00:00Z",
         "meterStop":19800,"transactionData":[{"values":[
           {"timestamp":"2026-11-21T10:00:00Z",
            "values":[{"value":"12000","context":"Transaction.Begin","unit":"Wh"}]},
           {"timestamp":"2026-11-21T11:00:00Z",
            "values":[{"value":"19800","context":"Transaction.End","unit":"Wh"}]}]}]}
        """));
  }

  /** Verifies that an identity with reserved characters is percent-encoded in the URL. */
  @Test
  void percentEncodesTheIdentityInTheWebSocketUrl() throws Exception {
    try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5, true,
        true)) {
      charger.call(charger.sampleRequest(OcppAction.HEARTBEAT), "CB 7/ä?x");
    }
    assertThat(fixture.csms().received().get(0).chargerId()).isEqualTo("CB 7/ä?x");
  }

  private static JsonNode answerTo(ReceivedCall call) {
    // The fixture's central system answers with SensibleCsmsAnswers; ask it again is not
    // possible (it numbers transactions), so read the answer from the fixture's record.
    // The simulator records an answer once its write completed, which may be a moment after the
    // bridge has already relayed it to the charger: wait for the record, boundedly.
    long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    JsonNode answer = fixture.csms().answers().get(call.messageId());
    while (answer == null && System.nanoTime() < end) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      answer = fixture.csms().answers().get(call.messageId());
    }
    return answer;
  }
}
