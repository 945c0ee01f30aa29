package io.ocppbridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The answers of an OCPP 2.0.1 central system that accepts everything a charging station sends:
 * boots accepted with a 300 s interval, id tokens accepted, the current time where one is asked
 * for, every notification acknowledged.
 */
final class Ocpp201CsmsAnswers {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Clock clock;

  Ocpp201CsmsAnswers(Clock clock) {
    this.clock = clock;
  }

  /** The CALLRESULT payload for a CALL, or null for an action this central system lacks. */
  ObjectNode answer(String action, JsonNode payload) {
    switch (action) {
      case "BootNotification":
        return JSON.objectNode().put("status", "Accepted").put("currentTime", now())
            .put("interval", 300);
      case "Heartbeat":
        return JSON.objectNode().put("currentTime", now());
      case "Authorize":
        return JSON.objectNode().set("idTokenInfo", accepted());
      case "TransactionEvent":
        return payload.has("idToken")
            ? JSON.objectNode().set("idTokenInfo", accepted()) : JSON.objectNode();
      case "DataTransfer":
        return JSON.objectNode().put("status", "Accepted");
      case "StatusNotification":
      case "MeterValues":
      case "FirmwareStatusNotification":
      case "LogStatusNotification":
      case "NotifyReport":
      case "NotifyEvent":
      case "SecurityEventNotification":
        return JSON.objectNode();
      default:
        return null;
    }
  }

  private ObjectNode accepted() {
    return JSON.objectNode().put("status", "Accepted").put("cacheExpiryDateTime",
        clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
