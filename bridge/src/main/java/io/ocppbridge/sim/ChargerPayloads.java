package io.ocppbridge.sim;

import io.ocppbridge.core.OcppVersion;
import java.time.Instant;

/**
 * The request payloads a simulated charger sends, as the body element's XML text, built from the
 * JAXB classes generated from the version's {@code CentralSystemService.wsdl} (so names, order and
 * enumerations are the XSD's). Where a version has no field for a value (OCPP 1.2 MeterValues
 * carry no transactionId, its StatusNotification no timestamp) the value is left out.
 */
public interface ChargerPayloads {

  /** The builder for a version. */
  static ChargerPayloads of(OcppVersion version) {
    return switch (version) {
      case V1_2 -> new Ocpp12Payloads();
      case V1_5 -> new Ocpp15Payloads();
      case V1_6 -> new Ocpp16Payloads();
    };
  }

  /** The status of a connector with a transaction: {@code Occupied}, in 1.6 {@code Charging}. */
  default String inUseStatus() {
    return "Occupied";
  }

  OcppVersion version();

  String bootNotification(String vendor, String model, String serialNumber);

  String heartbeat();

  /**
   * A StatusNotification with error code {@code NoError}.
   *
   * @param status a ChargePointStatus value of the version, e.g. {@code Available}
   * @throws IllegalArgumentException when the version has no such status
   */
  String statusNotification(int connectorId, String status, Instant at);

  String authorize(String idTag);

  String startTransaction(int connectorId, String idTag, int meterStartWh, Instant at);

  /**
   * One reading of the energy register, in Wh.
   *
   * @param transactionId the running transaction, or null; OCPP 1.2 has no field for it
   */
  String meterValues(int connectorId, Integer transactionId, int registerWh, Instant at);

  String stopTransaction(int transactionId, String idTag, int meterStopWh, Instant at);

  /**
   * Same with a reason, where the version has the field (1.6); 1.2 and 1.5 leave it out.
   *
   * @throws IllegalArgumentException when the version has no such reason
   */
  default String stopTransaction(int transactionId, String idTag, int meterStopWh, Instant at,
      String reason) {
    return stopTransaction(transactionId, idTag, meterStopWh, at);
  }

  /** True when StopTransaction carries a reason (1.6). */
  default boolean hasStopReason() {
    return false;
  }

  /** The element of the BootNotification answer with the heartbeat interval. */
  default String heartbeatIntervalElement() {
    return "heartbeatInterval";
  }
}
