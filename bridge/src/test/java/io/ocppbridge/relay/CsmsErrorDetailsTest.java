package io.ocppbridge.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.JsonDialect;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.frame.CallErrorText;
import io.ocppbridge.sim.CsmsReply;
import io.ocppbridge.sim.DialectCheckingAnswers;
import io.ocppbridge.sim.ReceivedCall;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.LogCapture;
import io.ocppbridge.testsupport.TypedCharger;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/**
 * The central system's reason reaches the charger and the operator: the {@code errorDetails} of
 * its CALLERROR, bounded and cleaned, in the SOAP fault's reason and in a WARN line; and a
 * charger configured for the other JSON dialect than its central system's is told why it was
 * refused (the failure an operator meets when pointing the bridge at SteVe with
 * {@code csms.jsonDialect: ocppjs}).
 */
class CsmsErrorDetailsTest {

  private static final QName SENDER = new QName("http://www.w3.org/2003/05/soap-envelope",
      "Sender");

  /**
   * Verifies that, against a central system holding CALLs to the XSD names, a 1.5 StopTransaction
   * with transactionData passes from a charger in the XSD dialect and is refused, with the
   * central system's reason in the fault and the log, from one configured for ocppjs.
   */
  @Test
  void dialectMismatchIsRefusedWithTheCentralSystemsReason() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.startChecking(JsonDialect.XSD,
            Map.of("chargers.CB-JS.jsonDialect", "ocppjs"));
        LogCapture log = LogCapture.of("io.ocppbridge.ws.CsmsConnection");
        TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5, true,
            true)) {
      // GIVEN a 1.5 StopTransaction carrying transactionData
      Object stop = charger.sampleRequest(OcppAction.STOP_TRANSACTION);

      // WHEN a charger in the central system's dialect (the default, xsd) sends it
      charger.call(stop, "CB-XSD");
      // THEN it is accepted
      assertThat(fixture.csms().received()).singleElement().satisfies(call -> assertThat(
          call.payload().at("/transactionData/0/values/0/value/0/value").asText())
          .isEqualTo("12000"));
      assertThat(log.warnings()).isEmpty();

      // WHEN a charger configured for ocppjs sends it
      SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class,
          () -> charger.call(stop, "CB-JS"));

      // THEN it gets a Sender fault whose reason carries the central system's errorDetails
      assertThat(fault).isNotNull();
      assertThat(fault.getFault().getFaultCodeAsQName()).isEqualTo(SENDER);
      String reason = fault.getFault().getFaultString();
      assertThat(reason).startsWith(DialectCheckingAnswers.DESCRIPTION + " (details: {\"errorMsg\":")
          .contains("transactionData[0].values[0]");
      // AND the operator reads the same at WARN, naming the charger and the operation
      assertThat(log.warnings()).singleElement().asString()
          .contains("[CB-JS] the central system refused StopTransaction")
          .contains(reason);
    }
  }

  /**
   * Verifies that huge and hostile details (line breaks, control characters, markup) reach the
   * charger and the log cut to the bound, on one line, as text.
   */
  @Test
  void hugeAndHostileDetailsAreBounded() throws Exception {
    ObjectNode details = JsonNodeFactory.instance.objectNode()
        .put("errorMsg", "<x>&]]>\u0000\r\nsecond line " + "y".repeat(300_000));
    String description = "refused\r\n\u0007 " + "z".repeat(5_000);
    try (BridgeFixture fixture = BridgeFixture.start(
            (ReceivedCall call) -> CsmsReply.now(call.error("GenericError", description,
                details)), Map.of());
        LogCapture log = LogCapture.of("io.ocppbridge.ws.CsmsConnection");
        TypedCharger charger = new TypedCharger(fixture.soapUrl(), OcppVersion.V1_5, false,
            true)) {
      // WHEN the central system answers a Heartbeat with such a CALLERROR
      SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class,
          () -> charger.call(charger.sampleRequest(OcppAction.HEARTBEAT), "CB-HUGE"));

      // THEN the fault's reason is bounded, one line, free of control characters
      assertThat(fault).isNotNull();
      String reason = fault.getFault().getFaultString();
      assertThat(reason).hasSizeLessThanOrEqualTo(2 * CallErrorText.MAX_LENGTH + 20)
          .startsWith("refused zzz").contains("(details: {\"errorMsg\":\"<x>&]]>\\u0000\\r\\n")
          .endsWith("\u2026)");
      assertThat(reason.chars()).noneMatch(c -> c < 0x20);
      // AND so is the WARN line
      List<String> warnings = log.warnings();
      assertThat(warnings).singleElement().asString().contains("[CB-HUGE]").contains(reason)
          .hasSizeLessThan(3 * CallErrorText.MAX_LENGTH);
    }
  }
}
