package io.ocppbridge.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the harmless quirks of real chargers that the bridge accepted (each one documented in
 * the README), so an operator can see which chargers bend the rules and how often. Thread-safe.
 */
public final class QuirkCounter {

  /** A namespace-qualified OCPP attribute ({@code tns:unit="Wh"}, ocppjs). */
  public static final String QUALIFIED_ATTRIBUTE = "qualified-attribute";
  /** An empty element standing for an empty list ({@code <unknownKey/>}, ocppjs). */
  public static final String EMPTY_LIST_ITEM = "empty-list-item";
  /** WS-Addressing headers without a MessageID (ocppjs). */
  public static final String MISSING_MESSAGE_ID = "missing-message-id";
  /** A non-anonymous ReplyTo or FaultTo, answered on the same HTTP exchange all the same. */
  public static final String NON_ANONYMOUS_REPLY_TO = "non-anonymous-reply-to";
  /**
   * A central-system operation whose request element and {@code chargeBoxIdentity} header come in
   * the charge-point namespace of the same OCPP version ({@code urn://Ocpp/Cp/2015/10/}), read as
   * the central-system namespace.
   */
  public static final String CHARGE_POINT_NAMESPACE = "charge-point-namespace";
  /** A {@code wsa:From} holding its URL as text, without the {@code wsa:Address} child. */
  public static final String FROM_AS_TEXT = "wsa-from-as-text";
  /** No WS-Addressing at all. */
  public static final String NO_ADDRESSING = "no-addressing";
  /** A value longer than the XSD allows, passed on for a charger set to lenient validation. */
  public static final String LENIENT_LENGTH = "lenient-length";
  /** An answer using the prefix SOAP-ENV without declaring it (ocppjs). */
  public static final String UNDECLARED_PREFIX = "undeclared-soap-env-prefix";
  /** A fault wrapped in a second Body element (ocppjs). */
  public static final String NESTED_FAULT_BODY = "nested-fault-body";
  /** An answer in the other SOAP version than the request (ocppjs). */
  public static final String SOAP_VERSION_MISMATCH = "soap-version-mismatch";

  /**
   * OCPP 1.6 SOAP: a MeterValues without {@code meterValue} (the WSDL allows none, OCPP 1.6-J
   * requires the property), sent as {@code "meterValue": []}.
   */
  public static final String EMPTY_METER_VALUE_LIST = "ocpp16-empty-meter-value-list";
  /**
   * OCPP 1.6 SOAP: the unit {@code Celsius} (the WSDL's only spelling) in a StopTransaction,
   * sent as {@code Celcius} (the official StopTransaction JSON schema's only spelling).
   */
  public static final String CELSIUS_AS_CELCIUS = "ocpp16-celsius-as-celcius";
  /**
   * OCPP 1.6-J: a charging schedule without periods from the central system (valid JSON, but
   * the 1.6 WSDL requires at least one period), refused and never sent to the charger.
   */
  public static final String EMPTY_CHARGING_SCHEDULE = "ocpp16-empty-charging-schedule";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  public void record(String quirk) {
    counts.computeIfAbsent(quirk, q -> new LongAdder()).increment();
  }

  public void record(String quirk, int times) {
    if (times > 0) {
      counts.computeIfAbsent(quirk, q -> new LongAdder()).add(times);
    }
  }

  /** How often each quirk was accepted so far, by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> result = new TreeMap<>();
    counts.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }
}
