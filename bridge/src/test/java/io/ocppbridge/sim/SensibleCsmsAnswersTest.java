package io.ocppbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The simulated central system answers each version in its own shape. */
class SensibleCsmsAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final SensibleCsmsAnswers answers = new SensibleCsmsAnswers(
      Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC));

  /** Verifies that a 1.6 boot gets "interval", a 1.5 boot "heartbeatInterval". */
  @Test
  void bootIntervalIsNamedPerVersion() throws Exception {
    JsonNode v16 = answer("ocpp1.6", "BootNotification");
    assertThat(v16.toString()).isEqualTo("{\"status\":\"Accepted\","
        + "\"currentTime\":\"2026-11-22T01:00:00Z\",\"interval\":300}");
    JsonNode v15 = answer("ocpp1.5", "BootNotification");
    assertThat(v15.get("heartbeatInterval").asInt()).isEqualTo(300);
    assertThat(v15.has("interval")).isFalse();
  }

  /** Verifies that transactions are numbered and unknown actions get NotImplemented. */
  @Test
  void transactionsAreNumberedAndUnknownActionsRefused() throws Exception {
    assertThat(answer("ocpp1.6", "StartTransaction").get("transactionId").asInt()).isEqualTo(1);
    assertThat(answer("ocpp1.5", "StartTransaction").get("transactionId").asInt()).isEqualTo(2);
    JsonNode frame = JSON.readTree(answers.apply(call("ocpp1.6", "SignCertificate"))
        .frameText());
    assertThat(frame.get(0).asInt()).isEqualTo(4);
    assertThat(frame.get(2).asText()).isEqualTo("NotImplemented");
  }

  private JsonNode answer(String subprotocol, String action) throws Exception {
    JsonNode frame = JSON.readTree(answers.apply(call(subprotocol, action)).frameText());
    assertThat(frame.get(0).asInt()).isEqualTo(3);
    return frame.get(2);
  }

  private static ReceivedCall call(String subprotocol, String action) {
    return new ReceivedCall("CB1", subprotocol, "m1", action,
        JsonNodeFactory.instance.objectNode());
  }
}
