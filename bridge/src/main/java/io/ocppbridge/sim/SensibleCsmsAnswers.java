package io.ocppbridge.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The answers of a central system that accepts everything, for every charger-initiated operation
 * of OCPP 1.2, 1.5 and 1.6: boots accepted with a 300 s heartbeat, id tags accepted,
 * transactions numbered from 1, the current time where one is asked for. The only difference
 * between the versions' answers is the name of the boot's heartbeat interval ({@code interval} in
 * 1.6). A connection with the subprotocol {@code ocpp2.0.1} is answered in OCPP 2.0.1
 * ({@link Ocpp201CsmsAnswers}).
 */
public final class SensibleCsmsAnswers implements Function<ReceivedCall, CsmsReply> {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String OCPP16 = "ocpp1.6";
  private static final String OCPP201 = "ocpp2.0.1";

  private final Clock clock;
  private final AtomicInteger transactions = new AtomicInteger();
  private final Ocpp201CsmsAnswers ocpp201;

  public SensibleCsmsAnswers(Clock clock) {
    this.clock = clock;
    this.ocpp201 = new Ocpp201CsmsAnswers(clock);
  }

  @Override
  public CsmsReply apply(ReceivedCall call) {
    ObjectNode payload = OCPP201.equals(call.subprotocol())
        ? ocpp201.answer(call.action(), call.payload()) : answer(call.action());
    if (payload != null && OCPP16.equals(call.subprotocol())
        && "BootNotification".equals(call.action())) {
      payload.set("interval", payload.remove("heartbeatInterval"));
    }
    if (payload == null) {
      return CsmsReply.now(call.error("NotImplemented",
          "the simulated central system does not know " + call.action()));
    }
    return CsmsReply.now(call.result(payload));
  }

  private ObjectNode answer(String action) {
    switch (action) {
      case "BootNotification":
        return JSON.objectNode().put("status", "Accepted").put("currentTime", now())
            .put("heartbeatInterval", 300);
      case "Heartbeat":
        return JSON.objectNode().put("currentTime", now());
      case "Authorize":
        return JSON.objectNode().set("idTagInfo", accepted());
      case "StartTransaction":
        ObjectNode start = JSON.objectNode().put("transactionId", transactions.incrementAndGet());
        start.set("idTagInfo", accepted());
        return start;
      case "StopTransaction":
        return JSON.objectNode().set("idTagInfo", accepted());
      case "DataTransfer":
        return JSON.objectNode().put("status", "Accepted");
      case "MeterValues":
      case "StatusNotification":
      case "FirmwareStatusNotification":
      case "DiagnosticsStatusNotification":
        return JSON.objectNode();
      default:
        return null;
    }
  }

  private ObjectNode accepted() {
    return JSON.objectNode().put("status", "Accepted")
        .put("expiryDate", clock.instant().plus(1, ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
