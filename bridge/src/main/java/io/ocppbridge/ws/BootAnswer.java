package io.ocppbridge.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Reads what the connection needs from the central system's answer to a BootNotification: was
 * the charger rejected, and how long did the central system ask it to wait. The field is
 * {@code heartbeatInterval} in OCPP 1.2/1.5 JSON and {@code interval} from 1.6 on (OCPP 1.6,
 * BootNotification: when the status is not Accepted, the interval is the minimum wait before the
 * next boot).
 */
final class BootAnswer {

  private static final String ACTION = "BootNotification";

  private BootAnswer() {}

  /** Tells {@code line} about a BootNotification answer; returns {@code answer} unchanged. */
  static JsonNode noteOn(ChargerLine line, String action, JsonNode answer) {
    if (!ACTION.equals(action)) {
      return answer;
    }
    String status = answer.path("status").asText("");
    if ("Rejected".equals(status)) {
      line.bootAnswered(false, interval(answer));
    } else if ("Accepted".equals(status)) {
      line.bootAnswered(true, null);
    }
    return answer;
  }

  private static Duration interval(JsonNode tree) {
    JsonNode seconds = tree.has("interval") ? tree.get("interval")
        : tree.get("heartbeatInterval");
    return seconds != null && seconds.canConvertToLong() && seconds.asLong() > 0
        ? Duration.ofSeconds(seconds.asLong()) : null;
  }
}
