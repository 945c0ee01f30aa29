package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import java.util.Map;

/** Building blocks of the 2.0.1 answers the profile gives the central system. */
final class Answers {

  /** The longest StatusInfoType reasonCode. */
  static final int REASON_CODE = 20;
  /** The longest StatusInfoType additionalInfo. */
  static final int ADDITIONAL_INFO = 512;

  private final LossyFields fields;

  Answers(LossyFields fields) {
    this.fields = fields;
  }

  /** {@code {"status": status}}. */
  static ObjectNode status(String status) {
    return JsonNodeFactory.instance.objectNode().put("status", status);
  }

  /** {@code {"status": status, "statusInfo": {reasonCode, additionalInfo}}}. */
  static ObjectNode status(String status, String reasonCode, String additionalInfo) {
    ObjectNode out = status(status);
    out.set("statusInfo", statusInfo(reasonCode, additionalInfo));
    return out;
  }

  static ObjectNode statusInfo(String reasonCode, String additionalInfo) {
    ObjectNode info = JsonNodeFactory.instance.objectNode()
        .put("reasonCode", cut(reasonCode, REASON_CODE));
    if (additionalInfo != null) {
      info.put("additionalInfo", cut(additionalInfo, ADDITIONAL_INFO));
    }
    return info;
  }

  /**
   * The 2.0.1 answer for a 1.x answer's status: the same word when 2.0.1 has it, else the
   * nearest from {@code narrowed} with a statusInfo naming the original
   * ({@link LossCase#STATUS_NARROWED}).
   */
  ObjectNode mapped(MessageContext m, JsonNode answer, Map<String, String> narrowed) {
    String status = answer.path("status").asText();
    String nearest = narrowed.get(status);
    if (nearest == null) {
      return status(status);
    }
    fields.losses().record(LossCase.STATUS_NARROWED, m.charger(), m.action() + " answer "
        + status + " sent as " + nearest + " (OCPP 2.0.1 has no " + status + ")");
    return status(nearest, status, "the OCPP 1.x charger answered " + status);
  }

  private static String cut(String text, int max) {
    return text.codePointCount(0, text.length()) <= max ? text
        : text.substring(0, text.offsetByCodePoints(0, max));
  }
}
