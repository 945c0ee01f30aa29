package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.CsmsSimulator;
import io.ocppbridge.sim.SensibleCsmsAnswers;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.TypedCharger;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/**
 * What a charger gets when the central system is down, refuses, is slow, answers with an error
 * or with nonsense: always a SOAP fault that says which, within the call timeout; never a hang
 * and never an invented success.
 */
class CentralSystemFailureTest {

  private static final QName SENDER = new QName("http://www.w3.org/2003/05/soap-envelope",
      "Sender");
  private static final QName RECEIVER = new QName("http://www.w3.org/2003/05/soap-envelope",
      "Receiver");

  /** Verifies that an unreachable central system yields a Receiver fault saying so. */
  @Test
  void unreachableCentralSystemIsAReceiverFault() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (BridgeFixture fixture = BridgeFixture.start(
        Map.of("csms.url", "ws://127.0.0.1:" + closedPort + "/ocpp"))) {
      SOAPFaultException fault = heartbeatFault(fixture, "CB-DOWN");
      assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(RECEIVER);
      assertThat(fault.getFault().getFaultString()).contains("unreachable");
    }
  }

  /** Verifies that a refused WebSocket handshake names the HTTP status in the fault. */
  @Test
  void refusedHandshakeNamesTheStatus() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      fixture.csms().refuseHandshakes(HttpResponseStatus.NOT_FOUND);
      SOAPFaultException fault = heartbeatFault(fixture, "CB-404");
      assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(RECEIVER);
      assertThat(fault.getFault().getFaultString()).contains("HTTP 404");
    }
  }

  /** Verifies that a central system accepting none of the offered subprotocols is reported. */
  @Test
  void refusedSubprotocolIsReported() throws Exception {
    try (CsmsSimulator only16 = new CsmsSimulator("127.0.0.1", 0, "ocpp1.6",
            new SensibleCsmsAnswers(Clock.systemUTC()));
        BridgeFixture fixture = BridgeFixture.start(Map.of("csms.url", only16.url().toString()))) {
      SOAPFaultException fault = heartbeatFault(fixture, "CB-PROTO");
      assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(RECEIVER);
      assertThat(fault.getFault().getFaultString()).contains("subprotocol");
    }
  }

  /** Verifies that a slow central system yields a timeout fault after the call timeout. */
  @Test
  void slowCentralSystemTimesOutWithinTheCallTimeout() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(Map.of("csms.callTimeout", "1s"))) {
      fixture.csms().replyWith(call -> CsmsReply.after(Duration.ofSeconds(4),
          call.result(JsonNodeFactory.instance.objectNode().put("currentTime",
              "2026-11-21T10:00:00Z"))));
      long start = System.nanoTime();
      SOAPFaultException fault = heartbeatFault(fixture, "CB-SLOW");
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(RECEIVER);
      assertThat(fault.getFault().getFaultString())
          .contains("did not answer Heartbeat within 1 s");
      assertThat(elapsedMillis).isLessThan(4000);
    }
  }

  /** Verifies that a CALLERROR becomes a Sender fault with the OCPP code as subcode. */
  @Test
  void callErrorBecomesFaultWithOcppSubcode() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      fixture.csms().replyWith(call -> CsmsReply.now(call.error("SecurityError",
          "charger not registered")));
      SOAPFaultException fault = heartbeatFault(fixture, "CB-ERR");
      assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(SENDER);
      assertThat(fault.getFault().getFaultSubcodes().next())
          .isEqualTo(new QName(OcppVersion.V1_5.centralSystemNamespace(), "SecurityError"));
      assertThat(fault.getFault().getFaultString()).isEqualTo("charger not registered");

      fixture.csms().replyWith(call -> CsmsReply.now(call.error("InternalError", "db down")));
      SOAPFaultException internal = heartbeatFault(fixture, "CB-ERR");
      assertThat(internal.getFault().getFaultCodeAsQName()).isEqualTo(RECEIVER);
      assertThat(internal.getFault().getFaultSubcodes().next().getLocalPart())
          .isEqualTo("InternalError");
    }
  }

  /** Verifies that a CALLRESULT missing a required field is never passed on as a success. */
  @Test
  void invalidCallResultBecomesReceiverFault() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      fixture.csms().replyWith(call -> CsmsReply.now(call.result(
          JsonNodeFactory.instance.objectNode().put("status", "Accepted"))));
      try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5, true,
          true)) {
        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class,
            () -> charger.call(charger.sampleRequest(OcppAction.BOOT_NOTIFICATION), "CB-BAD"));
        assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(RECEIVER);
        assertThat(fault.getFault().getFaultString())
            .contains("answer to BootNotification is invalid")
            .contains("currentTime");
      }
    }
  }

  /** Verifies that a lost connection fails the waiting call at once, not after the timeout. */
  @Test
  void lostConnectionFailsTheOutstandingCallAtOnce() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(Map.of("csms.callTimeout", "20s"))) {
      fixture.csms().replyWith(call -> {
        CompletableFuture.runAsync(() -> fixture.csms().dropConnections(),
            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        return CsmsReply.silence();
      });
      long start = System.nanoTime();
      SOAPFaultException fault = heartbeatFault(fixture, "CB-CUT");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
      assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(RECEIVER);
      assertThat(fault.getFault().getFaultString()).contains("connection to the central system");

      // AND the next call reconnects and succeeds
      fixture.csms().replyWith(new SensibleCsmsAnswers(Clock.systemUTC()));
      try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5, true,
          true)) {
        assertThat(charger.call(charger.sampleRequest(OcppAction.HEARTBEAT), "CB-CUT"))
            .isNotNull();
      }
    }
  }

  /** Verifies that a missing chargeBoxIdentity header is a ProtocolError fault, not relayed. */
  @Test
  void missingIdentityIsAProtocolError() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      SOAPFaultException fault = heartbeatFault(fixture, null);
      assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(SENDER);
      assertThat(fault.getFault().getFaultSubcodes().next().getLocalPart())
          .isEqualTo("ProtocolError");
      assertThat(fault.getFault().getFaultString()).contains("chargeBoxIdentity");
      assertThat(fixture.csms().received()).isEmpty();
    }
  }

  /**
   * Verifies that calls of one charger reach the central system one at a time: the next CALL is
   * sent only after the previous one was answered (OCPP-J allows one outstanding CALL).
   */
  @Test
  void oneOutstandingCallPerCharger() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start()) {
      List<Long> receivedAt = java.util.Collections.synchronizedList(new ArrayList<>());
      fixture.csms().replyWith(call -> {
        receivedAt.add(System.nanoTime());
        return CsmsReply.after(Duration.ofMillis(300), call.result(
            JsonNodeFactory.instance.objectNode().put("currentTime", "2026-11-21T10:00:00Z")));
      });
      List<CompletableFuture<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5,
              true, true)) {
            return charger.call(charger.sampleRequest(OcppAction.HEARTBEAT), "CB-SERIAL");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      for (CompletableFuture<Object> c : calls) {
        assertThat(c.get(10, TimeUnit.SECONDS)).isNotNull();
      }
      assertThat(receivedAt).hasSize(3);
      List<Long> sorted = receivedAt.stream().sorted().toList();
      for (int i = 1; i < sorted.size(); i++) {
        assertThat(TimeUnit.NANOSECONDS.toMillis(sorted.get(i) - sorted.get(i - 1)))
            .isGreaterThanOrEqualTo(250);
      }
    }
  }

  private static SOAPFaultException heartbeatFault(BridgeFixture fixture, String identity)
      throws Exception {
    try (TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5, true,
        true)) {
      Object request = charger.sampleRequest(OcppAction.HEARTBEAT);
      SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class,
          () -> charger.call(request, identity));
      assertThat(fault).as("a SOAP fault").isNotNull();
      return fault;
    }
  }
}
