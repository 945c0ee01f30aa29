package io.ocppbridge.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.sim.SimulatedChargePointServer;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad OCPP 1.6 input both ways: each bad SOAP request of a 1.6 charger is refused with its exact
 * fault (subcode in the 1.6 namespace) and nothing reaches the central system; each bad 1.6 CALL
 * is refused with its exact CALLERROR and nothing reaches the charger; the bridge keeps serving.
 */
class Ocpp16BadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CS16 = OcppVersion.V1_6.centralSystemNamespace();
  private static final String CHARGER = "CP16-BAD-CALLS";

  private static BridgeFixture fixture;
  private static SimulatedChargePointServer chargerServer;

  @BeforeAll
  static void start() throws Exception {
    fixture = BridgeFixture.start();
    chargerServer = new SimulatedChargePointServer("127.0.0.1", 0, "/bad16");
    HttpResponse<String> boot = SoapPost.post(fixture.soapUrl(), Envelopes.contentType("1.2"),
        Envelopes.heartbeatFrom("1.6", CHARGER, chargerServer.url().toString()));
    assertThat(boot.statusCode()).as(boot.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    chargerServer.close();
    fixture.close();
  }

  @BeforeEach
  void clear() {
    chargerServer.clearReceived();
  }

  /**
   * Verifies that a bad 1.6 SOAP request gets HTTP 400/500 with exactly its fault, nothing reaches
   * the central system, and a valid Heartbeat of the same charger follows unharmed.
   */
  @ParameterizedTest(name = "{0} over SOAP {1}")
  @CsvSource(delimiter = '|', textBlock = """
      authorize-idTag-too-long | 1.2 | PropertyConstraintViolation | idTag | <authorizeRequest xmlns='urn://Ocpp/Cs/2015/10/'><idTag>0123456789012345678901</idTag></authorizeRequest>
      status-occupied-is-15-only | 1.1 | TypeConstraintViolation | Occupied | <statusNotificationRequest xmlns='urn://Ocpp/Cs/2015/10/'><connectorId>1</connectorId><status>Occupied</status><errorCode>NoError</errorCode></statusNotificationRequest>
      meter-value-without-sample | 1.2 | OccurenceConstraintViolation | sampledValue | <meterValuesRequest xmlns='urn://Ocpp/Cs/2015/10/'><connectorId>1</connectorId><meterValue><timestamp>2026-11-21T10:00:00Z</timestamp></meterValue></meterValuesRequest>
      sampled-value-15-attribute | 1.2 | PropertyConstraintViolation | unit | <meterValuesRequest xmlns='urn://Ocpp/Cs/2015/10/'><connectorId>1</connectorId><meterValue><timestamp>2026-11-21T10:00:00Z</timestamp><sampledValue unit='Wh'><value>1</value></sampledValue></meterValue></meterValuesRequest>
      stop-reason-unknown | 1.1 | TypeConstraintViolation | Tired | <stopTransactionRequest xmlns='urn://Ocpp/Cs/2015/10/'><transactionId>1</transactionId><timestamp>2026-11-21T10:00:00Z</timestamp><meterStop>5</meterStop><reason>Tired</reason></stopTransactionRequest>
      unknown-operation | 1.2 | NotImplemented | signCertificateRequest | <signCertificateRequest xmlns='urn://Ocpp/Cs/2015/10/'/>
      chargepoint-service-element | 1.2 | ProtocolError | resetRequest | <resetRequest xmlns='urn://Ocpp/Cp/2015/10/'><type>Soft</type></resetRequest>
      """)
  void refusesABad16SoapRequest(String name, String soap, String code, String reason,
      String body) throws Exception {
    // GIVEN a fresh 1.6 charger and the central system's traffic so far
    String identity = "CP16-BAD-" + name;
    int callsBefore = fixture.csms().received().size();
    // WHEN it posts the bad request
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(),
        Envelopes.contentType(soap), Envelopes.wrap(soap, "1.6", identity, body));
    // THEN it gets exactly its fault
    assertThat(response.statusCode()).as(response.body())
        .isEqualTo(Envelopes.faultStatus(soap, faultCode(code)));
    assertThat(SoapFaultView.read(response.body())
        .differencesFrom(soap, faultCode(code), code, namespaceOf(code), reason)).isEmpty();
    // AND nothing reached the central system, no session was opened
    assertThat(fixture.csms().received()).hasSize(callsBefore);
    assertThat(fixture.bridge().sessions().find(new ChargerId(identity))).isEmpty();
    // AND a valid request of the same charger right after is relayed as ocpp1.6
    HttpResponse<String> valid = SoapPost.post(fixture.soapUrl(), Envelopes.contentType(soap),
        Envelopes.wrap(soap, "1.6", identity, "<heartbeatRequest xmlns='" + CS16 + "'/>"));
    assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
    assertThat(fixture.csms().received()).filteredOn(c -> c.chargerId().equals(identity))
        .extracting(ReceivedCall::action, ReceivedCall::subprotocol)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Heartbeat", "ocpp1.6"));
  }

  /**
   * Verifies that a bad 1.6 CALL gets exactly its CALLERROR and never reaches the charger, and
   * that a valid call right after does.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      TriggerMessage | {"requestedMessage":"SignCertificate"} | TypeConstraintViolation | requestedMessage
      TriggerMessage | {"connectorId":1} | OccurenceConstraintViolation | requestedMessage
      SetChargingProfile | {"connectorId":1} | OccurenceConstraintViolation | csChargingProfiles
      SetChargingProfile | {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.05}]}}} | PropertyConstraintViolation | limit
      GetCompositeSchedule | {"connectorId":1,"duration":60,"chargingRateUnit":"kW"} | TypeConstraintViolation | chargingRateUnit
      ClearChargingProfile | {"chargingProfilePurpose":"Everything"} | TypeConstraintViolation | chargingProfilePurpose
      UnlockConnector | {"connectorId":"1"} | TypeConstraintViolation | connectorId
      Heartbeat | {} | NotSupported | Heartbeat
      SignCertificate | {} | NotImplemented | SignCertificate
      """)
  void refusesABad16Call(String action, String payload, String code, String text)
      throws Exception {
    // WHEN the central system sends the bad CALL to a 1.6 charger
    JsonNode frame = fixture.csms().sendCall(CHARGER, action, JSON.readTree(payload), WAIT)
        .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    // THEN it is refused with its code, the description naming the field
    assertThat(frame.get(0).asInt()).as(frame.toString()).isEqualTo(4);
    assertThat(frame.get(2).asText()).as(frame.toString()).isEqualTo(code);
    assertThat(frame.get(3).asText()).contains(text);
    // AND nothing reached the charger; a valid call right after does
    assertThat(chargerServer.received()).isEmpty();
    JsonNode ok = fixture.csms().sendCall(CHARGER, "TriggerMessage",
        JSON.readTree("{\"requestedMessage\":\"Heartbeat\"}"), WAIT)
        .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    assertThat(ok.get(2)).isEqualTo(JSON.readTree("{\"status\":\"Accepted\"}"));
    assertThat(chargerServer.received()).hasSize(1);
  }

  private static String faultCode(String ocppCode) {
    return ocppCode.equals("InternalError") ? "Receiver" : "Sender";
  }

  /** The fault's subcode is in the namespace of the body element (the CP one for a reset). */
  private static String namespaceOf(String ocppCode) {
    return ocppCode.equals("ProtocolError") ? OcppVersion.V1_6.chargePointNamespace() : CS16;
  }
}
