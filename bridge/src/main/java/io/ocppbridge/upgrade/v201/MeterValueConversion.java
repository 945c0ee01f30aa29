package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.upgrade.LossCase;
import io.ocppbridge.upgrade.LossyFields;
import io.ocppbridge.upgrade.MessageContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * OCPP 1.6 meter values as OCPP 2.0.1 MeterValueType (2.0.1 part 2, 2.40 and 2.48): the sampled
 * value becomes a number, the unit moves into {@code unitOfMeasure}; context, measurand, phase and
 * location keep their names and values. What 2.0.1 cannot carry is dropped, sample by sample
 * ({@link LossCase#SAMPLE_DROPPED}): values that are no number (SignedData, whose signing method
 * and public key 1.6 does not give), and the measurands 2.0.1 removed (Temperature, RPM).
 */
final class MeterValueConversion {

  private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
  private static final List<String> ATTRIBUTES = List.of("context", "measurand", "phase",
      "location");
  private static final Set<String> REMOVED_MEASURANDS = Set.of("Temperature", "RPM");

  private final LossyFields fields;

  MeterValueConversion(LossyFields fields) {
    this.fields = fields;
  }

  /** The 2.0.1 meter values of a 1.6 list (absent: empty); empty meter values are left out. */
  ArrayNode convert(MessageContext m, JsonNode meterValues) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    if (meterValues == null || !meterValues.isArray()) {
      return out;
    }
    for (JsonNode meterValue : meterValues) {
      ArrayNode samples = JsonNodeFactory.instance.arrayNode();
      for (JsonNode sample : meterValue.path("sampledValue")) {
        ObjectNode converted = sample(m, sample);
        if (converted != null) {
          samples.add(converted);
        }
      }
      if (samples.isEmpty()) {
        fields.losses().record(LossCase.EMPTY_METER_VALUE_DROPPED, m.charger(), m.action()
            + ": a meter value of " + meterValue.path("timestamp").asText("?")
            + " without samples 2.0.1 can carry left out");
        continue;
      }
      ObjectNode item = out.addObject();
      item.set("sampledValue", samples);
      fields.timestamp(m, meterValue, item, "timestamp");
    }
    return out;
  }

  /** One sampled value reading {@code valueWh} Wh of the active import register. */
  static ObjectNode register(String timestamp, JsonNode valueWh, String context) {
    ObjectNode meterValue = JsonNodeFactory.instance.objectNode();
    meterValue.putArray("sampledValue").addObject().put("value", valueWh.longValue())
        .put("context", context).put("measurand", "Energy.Active.Import.Register");
    meterValue.put("timestamp", timestamp);
    return meterValue;
  }

  private ObjectNode sample(MessageContext m, JsonNode in) {
    String text = in.path("value").asText();
    String measurand = in.path("measurand").asText("");
    if (REMOVED_MEASURANDS.contains(measurand)) {
      fields.losses().record(LossCase.SAMPLE_DROPPED, m.charger(), m.action() + " sample of "
          + measurand + " left out (OCPP 2.0.1 has no such measurand)");
      return null;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      fields.losses().record(LossCase.SAMPLE_DROPPED, m.charger(), m.action() + " sample "
          + (in.path("format").asText("").equals("SignedData") ? "in SignedData" : "'"
          + abbreviated(text) + "'") + " left out (OCPP 2.0.1 takes a number)");
      return null;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("value", EXACT.numberNode(value));
    for (String attribute : ATTRIBUTES) {
      LossyFields.copy(in, out, attribute);
    }
    JsonNode unit = in.get("unit");
    if (unit != null && unit.isTextual()) {
      // the official 1.6 StopTransaction schema spells Celsius "Celcius"
      String name = unit.asText().equals("Celcius") ? "Celsius" : unit.asText();
      out.putObject("unitOfMeasure").put("unit", name);
    }
    return out;
  }

  private static String abbreviated(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }
}
