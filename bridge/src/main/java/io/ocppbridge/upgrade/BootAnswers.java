package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The central system's BootNotification answer for a 1.2/1.5 charger (mapping document 2.2):
 * {@code interval} becomes {@code heartbeatInterval}, and the status Pending, which 1.2/1.5 lack,
 * becomes Rejected.
 *
 * <p>Why Rejected: a 1.6 Pending means "registered, not yet accepted: try again after the
 * interval". Rejected with the same interval is the only 1.5 answer that makes the charger send
 * BootNotification again later, giving the central system its chance to accept it then. Answering
 * Accepted instead would have the charger start sessions the central system has not agreed to.
 * What is lost: during Pending a 1.6 charger keeps its connection and may be configured by the
 * central system; whether a rejected 1.5 charger still answers the central system's calls is up
 * to the charger. An interval of 0 ("charger chooses") is sent as
 * {@value #PENDING_RETRY_FLOOR_SECONDS} seconds, so that a charger that takes 0 literally does
 * not boot in a tight loop.
 */
final class BootAnswers {

  /** The least heartbeatInterval given with a Pending turned Rejected, in seconds. */
  static final int PENDING_RETRY_FLOOR_SECONDS = 60;

  private final LossyFields fields;

  BootAnswers(LossyFields fields) {
    this.fields = fields;
  }

  ObjectNode downgrade(MessageContext m, JsonNode in) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    String status = in.path("status").asText();
    int interval = fields.clamp(m, "interval", in.path("interval"));
    if (status.equals("Pending")) {
      int retry = Math.max(interval, PENDING_RETRY_FLOOR_SECONDS);
      fields.losses().record(LossCase.BOOT_PENDING_AS_REJECTED, m.charger(), m.action()
          + " status Pending sent as Rejected, heartbeatInterval " + retry + " s");
      status = "Rejected";
      interval = retry;
    }
    out.put("status", status);
    LossyFields.copy(in, out, "currentTime");
    out.put("heartbeatInterval", interval);
    return out;
  }
}
