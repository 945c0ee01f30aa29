package io.ocppbridge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The OCPP 1.6 JSON contract as the Open Charge Alliance's schemas state it, made from what the
 * 1.6 WSDL generates: the two agree in every name, type, enumeration, length and
 * {@code multipleOf} but in three places, the same three that
 * {@link io.ocppbridge.translate.Ocpp16WireDifferences} bridges at run time.
 *
 * <ol>
 *   <li>MeterValues: {@code meterValue} is optional in the WSDL, required in JSON.
 *   <li>The temperature unit: the WSDL spells it {@code Celsius}; the official StopTransaction
 *       schema only {@code Celcius}, the MeterValues schema both.
 *   <li>Lists the WSDL requires at least one item of ({@code sampledValue},
 *       {@code chargingSchedulePeriod}) may be empty in JSON: no {@code minItems}.
 * </ol>
 *
 * <p>{@code Ocpp16SchemasTest} proves the result equivalent, constraint by constraint, to every
 * official 1.6 schema; the order of properties and enumerations is the WSDL's.
 */
final class Ocpp16JsonContract {

  static final String CELSIUS = "Celsius";
  static final String CELCIUS = "Celcius";

  private Ocpp16JsonContract() {}

  /** Applies the three differences to the generated 1.6 schemas, by file name, in place. */
  static void apply(Map<String, ObjectNode> schemas) {
    ObjectNode meterValues = schemas.get("MeterValues.json");
    ((ArrayNode) meterValues.get("required")).add("meterValue");
    schemas.values().forEach(Ocpp16JsonContract::dropMinItems);
    units(schemas.get("StopTransaction.json"), true);
    units(meterValues, false);
  }

  /** No {@code minItems} anywhere in the schema: JSON accepts empty lists. */
  private static void dropMinItems(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("minItems");
    }
    node.forEach(Ocpp16JsonContract::dropMinItems);
  }

  /** {@code Celcius} in place of {@code Celsius} ({@code only}) or before it (both accepted). */
  private static void units(JsonNode node, boolean only) {
    if (node instanceof ObjectNode object && object.get("enum") instanceof ArrayNode values) {
      for (int i = 0; i < values.size(); i++) {
        if (CELSIUS.equals(values.get(i).asText())) {
          if (only) {
            values.set(i, CELCIUS);
          } else {
            values.insert(i, CELCIUS);
          }
          return;
        }
      }
    }
    node.forEach(child -> units(child, only));
  }
}
