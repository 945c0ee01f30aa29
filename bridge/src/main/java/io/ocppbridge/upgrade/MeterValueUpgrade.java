package io.ocppbridge.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppVersion;
import java.util.List;
import java.util.Map;

/**
 * Rewrites meter values from the ocppjs shape into the OCPP 1.6 shape (mapping document 2.7):
 * 1.5 {@code {timestamp, values:[{value, unit, ...}]}} becomes
 * {@code {timestamp, sampledValue:[{value, unit, ...}]}}; a 1.2 {@code {timestamp, value: <int>}}
 * becomes one sampled value with the default semantics (an active import register in Wh), which
 * both versions give a value without attributes. Units renamed in 1.6: Amp to A, Volt to V.
 */
final class MeterValueUpgrade {

  /** The 1.5 sampled-value attributes, all of which 1.6 has under the same name. */
  private static final List<String> ATTRIBUTES =
      List.of("context", "format", "measurand", "location", "unit");
  private static final Map<String, String> UNITS = Map.of("Amp", "A", "Volt", "V");

  private final LossyFields fields;

  MeterValueUpgrade(LossyFields fields) {
    this.fields = fields;
  }

  /**
   * The 1.6 meter values for the charger's list (absent: an empty list).
   *
   * @param celsius how to write the unit Celsius (the official StopTransaction schema spells it
   *     "Celcius")
   */
  ArrayNode upgrade(MessageContext m, JsonNode values, String celsius) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    if (values == null || !values.isArray()) {
      return result;
    }
    for (JsonNode meterValue : values) {
      ArrayNode samples = m.version() == OcppVersion.V1_2
          ? singleSample(meterValue) : samples(meterValue.get("values"), celsius);
      if (samples.isEmpty()) {
        fields.losses().record(LossCase.EMPTY_METER_VALUE_DROPPED, m.charger(), m.action()
            + ": a meter value of " + meterValue.path("timestamp").asText("?")
            + " without samples left out");
        continue;
      }
      ObjectNode out = result.addObject();
      fields.timestamp(m, meterValue, out, "timestamp");
      out.set("sampledValue", samples);
    }
    return result;
  }

  private static ArrayNode singleSample(JsonNode meterValue) {
    ArrayNode samples = JsonNodeFactory.instance.arrayNode();
    JsonNode value = meterValue.get("value");
    if (value != null && !value.isNull()) {
      samples.addObject().put("value", value.asText());
    }
    return samples;
  }

  private static ArrayNode samples(JsonNode values, String celsius) {
    ArrayNode samples = JsonNodeFactory.instance.arrayNode();
    if (values == null || !values.isArray()) {
      return samples;
    }
    for (JsonNode value : values) {
      ObjectNode sample = samples.addObject();
      sample.put("value", value.path("value").asText());
      for (String attribute : ATTRIBUTES) {
        LossyFields.copy(value, sample, attribute);
      }
      JsonNode unit = sample.get("unit");
      if (unit != null) {
        String name = unit.asText();
        sample.put("unit", name.equals("Celsius") ? celsius : UNITS.getOrDefault(name, name));
      }
    }
    return samples;
  }
}
