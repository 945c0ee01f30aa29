package io.ocppbridge.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.QuirkCounter;
import java.util.Map;

/**
 * The places where the OCPP 1.6 WSDL (what a 1.6 SOAP charger sends and accepts) and the OCPP 1.6
 * JSON schemas (what the central system sends and accepts) disagree, with one rule each. Every
 * rule that fires is counted in the {@link QuirkCounter}. The rules (README, "OCPP 1.6 SOAP"):
 *
 * <ol>
 *   <li>MeterValues: {@code meterValue} is optional in the WSDL ({@code minOccurs="0"}) but a
 *       required property in JSON. A MeterValues without it is sent as {@code "meterValue": []}
 *       (valid JSON; nothing is lost, connectorId and transactionId travel) and the charger gets
 *       the central system's real answer. Counted as {@link QuirkCounter#EMPTY_METER_VALUE_LIST}.
 *   <li>The temperature unit: the WSDL spells it {@code Celsius} only; the official
 *       StopTransaction JSON schema only {@code Celcius} (MeterValues accepts both). A
 *       StopTransaction sample in {@code Celsius} is sent as {@code Celcius}; MeterValues pass
 *       unchanged. Counted as {@link QuirkCounter#CELSIUS_AS_CELCIUS}.
 *   <li>Charging schedules: the WSDL requires at least one {@code chargingSchedulePeriod}, the
 *       JSON schemas accept an empty list. Such a SetChargingProfile or RemoteStartTransaction is
 *       answered with OccurenceConstraintViolation naming the field and never sent to the
 *       charger. Counted as {@link QuirkCounter#EMPTY_CHARGING_SCHEDULE}.
 * </ol>
 *
 * <p>Everything else (property names, required lists, types, enumerations, lengths,
 * {@code multipleOf 0.1} for {@code xs:decimal fractionDigits 1}) is the same on both sides;
 * where the WSDL is stricter than JSON on what the charger sends (at least one sampledValue, one
 * chargingSchedulePeriod in a GetCompositeSchedule answer), the JSON is valid all the same.
 */
public final class Ocpp16WireDifferences {

  static final String CELSIUS = "Celsius";
  static final String CELCIUS = "Celcius";
  private static final String PERIODS = "chargingSchedulePeriod";

  private final QuirkCounter quirks;

  public Ocpp16WireDifferences(QuirkCounter quirks) {
    this.quirks = quirks;
  }

  /** True when {@link #toJson} may change a payload of this action and direction. */
  public boolean touchesJson(OcppAction action, boolean request) {
    return request
        && (action == OcppAction.METER_VALUES || action == OcppAction.STOP_TRANSACTION);
  }

  /** Adjusts the JSON form of a 1.6 SOAP charger's request (rules 1 and 2), in place. */
  public void toJson(OcppAction action, ObjectNode payload) {
    if (action == OcppAction.METER_VALUES && !payload.has("meterValue")) {
      payload.putArray("meterValue");
      quirks.record(QuirkCounter.EMPTY_METER_VALUE_LIST);
    }
    if (action == OcppAction.STOP_TRANSACTION && payload.get("transactionData")
        instanceof ArrayNode data) {
      int renamed = 0;
      for (JsonNode meterValue : data) {
        for (JsonNode sample : meterValue.path("sampledValue")) {
          if (sample instanceof ObjectNode s && CELSIUS.equals(s.path("unit").asText(null))) {
            s.put("unit", CELCIUS);
            renamed++;
          }
        }
      }
      quirks.record(QuirkCounter.CELSIUS_AS_CELCIUS, renamed);
    }
  }

  /**
   * Refuses a central system's 1.6 CALL the charger's WSDL cannot carry (rule 3).
   *
   * @throws OcppException OccurenceConstraintViolation naming the empty list
   */
  public void checkToXml(OcppAction action, JsonNode payload) {
    String path = emptyPeriods(payload, "");
    if (path != null) {
      quirks.record(QuirkCounter.EMPTY_CHARGING_SCHEDULE);
      throw new OcppException(OcppErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, path
          + ": at least one period is required (the OCPP 1.6 SOAP interface of the charger has"
          + " no empty charging schedule); " + action.wireName() + " was not sent");
    }
  }

  /** The path of the first empty chargingSchedulePeriod list, or null. */
  private static String emptyPeriods(JsonNode node, String path) {
    if (!node.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (PERIODS.equals(field.getKey()) && field.getValue().isArray()
          && field.getValue().isEmpty()) {
        return here;
      }
      String deeper = emptyPeriods(field.getValue(), here);
      if (deeper != null) {
        return deeper;
      }
    }
    return null;
  }
}
