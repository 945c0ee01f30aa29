package io.ocppbridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A CALL the simulated central system received, with the connection it came on. */
public record ReceivedCall(String chargerId, String subprotocol, String messageId, String action,
    JsonNode payload) {

  /** {@code [3, id, payload]} for this call. */
  public String result(JsonNode resultPayload) {
    return JsonNodeFactory.instance.arrayNode().add(3).add(messageId).add(resultPayload)
        .toString();
  }

  /** {@code [4, id, code, description, {}]} for this call. */
  public String error(String code, String description) {
    return error(code, description, JsonNodeFactory.instance.objectNode());
  }

  /** {@code [4, id, code, description, details]} for this call. */
  public String error(String code, String description, JsonNode details) {
    return JsonNodeFactory.instance.arrayNode().add(4).add(messageId).add(code).add(description)
        .add(details).toString();
  }
}
