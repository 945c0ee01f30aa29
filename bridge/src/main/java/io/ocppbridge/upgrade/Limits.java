package io.ocppbridge.upgrade;

/** The OCPP 1.6 length limits (CiString types) the upgrade profile enforces. */
final class Limits {

  private Limits() {}

  /** IdToken, CiString20Type. */
  static final int ID_TOKEN = 20;
  /** DataTransfer and StatusNotification vendorId, CiString255Type. */
  static final int VENDOR_ID = 255;
  /** DataTransfer messageId, CiString50Type. */
  static final int MESSAGE_ID = 50;
  /** StatusNotification info, CiString50Type. */
  static final int INFO = 50;
  /** StatusNotification vendorErrorCode, CiString50Type. */
  static final int VENDOR_ERROR_CODE = 50;
  /** Configuration key, CiString50Type. */
  static final int CONFIGURATION_KEY = 50;
  /** Configuration value, CiString500Type. */
  static final int CONFIGURATION_VALUE = 500;
  /** GetDiagnostics fileName, CiString255Type. */
  static final int FILE_NAME = 255;
}
