package io.ocppbridge.upgrade;

import java.util.Map;

/**
 * The length limits (in code points) the 1.2/1.5 → 1.6 conversion enforces, and the protocol
 * whose limits they are, for loss reports and refusals. {@link #OCPP16} when the 1.6 form goes to
 * the central system; {@link #TOWARD_OCPP201} when it is the first step toward OCPP 2.0.1, whose
 * limits are wider for some fields and absent for the fields 2.0.1 does not carry at all (the
 * 2.0.1 step decides about those).
 *
 * @param target "OCPP 1.6", "OCPP 2.0.1": whose limits these are
 * @param idToken idTag (1.6 IdToken, 2.0.1 IdTokenType.idToken)
 * @param vendorId DataTransfer and StatusNotification vendorId
 * @param messageId DataTransfer messageId
 * @param statusText StatusNotification info and vendorErrorCode (its vendorId: {@code vendorId})
 * @param configurationKey a GetConfiguration key
 * @param configurationValue a GetConfiguration value
 * @param fileName the GetDiagnostics fileName
 * @param bootFields BootNotification fields and their limits
 */
public record Limits(String target, int idToken, int vendorId, int messageId, int statusText,
    int configurationKey, int configurationValue, int fileName, Map<String, Integer> bootFields) {

  private static final int NONE = Integer.MAX_VALUE;

  /** OCPP 1.6 (CiString types of the 1.6 messages). */
  public static final Limits OCPP16 = new Limits("OCPP 1.6", 20, 255, 50, 50, 50, 500, 255,
      Map.of("chargePointVendor", 20, "chargePointModel", 20, "chargePointSerialNumber", 25,
          "chargeBoxSerialNumber", 25, "firmwareVersion", 50, "iccid", 20, "imsi", 20,
          "meterType", 25, "meterSerialNumber", 25));

  /**
   * OCPP 2.0.1, for the fields it carries: IdTokenType.idToken 36, ChargingStationType vendorName
   * 50, model 20, serialNumber 25, firmwareVersion 50, ModemType iccid/imsi 20, a variable's name
   * 50 and value 2500, GetLog filename 255, DataTransfer as in 1.6. No limit where 2.0.1 has no
   * place for the field (StatusNotification texts, chargeBoxSerialNumber, meter type and serial).
   */
  public static final Limits TOWARD_OCPP201 = new Limits("OCPP 2.0.1", 36, 255, 50, NONE, 50,
      2500, 255, Map.of("chargePointVendor", 50, "chargePointModel", 20,
          "chargePointSerialNumber", 25, "chargeBoxSerialNumber", NONE, "firmwareVersion", 50,
          "iccid", 20, "imsi", 20, "meterType", NONE, "meterSerialNumber", NONE));

  public Limits {
    bootFields = Map.copyOf(bootFields);
  }

  /** The limit of a BootNotification field. */
  int bootField(String name) {
    return bootFields.getOrDefault(name, NONE);
  }
}
