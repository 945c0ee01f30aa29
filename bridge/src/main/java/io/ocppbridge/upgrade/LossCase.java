package io.ocppbridge.upgrade;

/**
 * The lossy cases of the upgrade profile, each with its one policy. Every occurrence is reported
 * to the {@link LossRecorder} under the constant's value; a refusal is reported too, before the
 * error goes out. {@code docs/upgrade-profile.md} has the same list with the affected fields.
 */
public final class LossCase {

  private LossCase() {}

  /**
   * Free text longer than OCPP 1.6 allows (StatusNotification info/vendorId/vendorErrorCode, the
   * descriptive BootNotification fields of a 1.2 charger, a GetConfiguration value, a
   * GetDiagnostics file name). Policy: <b>truncate</b> to the 1.6 maximum (in code points).
   */
  public static final String TEXT_TRUNCATED = "text-truncated";

  /**
   * A required identifier longer than OCPP 1.6 allows (idTag of a 1.2 charger in Authorize or
   * StartTransaction, DataTransfer vendorId/messageId). A shortened identifier would name someone
   * or something else. Policy: <b>refuse</b> with PropertyConstraintViolation (a SOAP fault).
   */
  public static final String IDENTIFIER_TOO_LONG = "identifier-too-long";

  /**
   * An optional identifier longer than OCPP 1.6 allows (the idTag of a 1.2 StopTransaction).
   * Refusing would make the charger repeat a finished transaction's stop forever. Policy:
   * <b>drop</b> the field, send the rest.
   */
  public static final String IDENTIFIER_DROPPED = "identifier-dropped";

  /**
   * A configuration key longer than OCPP 1.6 allows (50) in a GetConfiguration answer; it can
   * appear neither in configurationKey nor in unknownKey. Policy: <b>drop</b> that entry.
   */
  public static final String CONFIGURATION_KEY_DROPPED = "configuration-key-dropped";

  /**
   * An identifier from the central system beyond the 32-bit {@code xs:int} of the charger
   * (transactionId, connectorId, reservationId, listVersion). Policy: <b>refuse</b>: toward the
   * central system a CALLERROR PropertyConstraintViolation; for an answer to the charger's own
   * request (StartTransaction transactionId) a fault to the charger (InternalError).
   */
  public static final String IDENTIFIER_OUT_OF_RANGE = "identifier-out-of-range";

  /**
   * A count or interval from the central system beyond 32 bits (heartbeat interval, retries,
   * retryInterval). Policy: <b>clamp</b> to the nearest 32-bit value.
   */
  public static final String INTEGER_CLAMPED = "integer-clamped";

  /**
   * A charger timestamp without offset (OCPP 1.6 requires one). The SOAP translation normally
   * adds the charger's configured zone first; this case is what reaches the profile without.
   * Policy: <b>assume UTC</b> (OCPP 1.6 section 3.14 recommends UTC) and send it with {@code Z}.
   */
  public static final String TIMESTAMP_OFFSET_ASSUMED = "timestamp-offset-assumed";

  /**
   * A charger timestamp that is no ISO 8601 date-time at all. Policy: <b>refuse</b> with
   * PropertyConstraintViolation.
   */
  public static final String TIMESTAMP_UNREADABLE = "timestamp-unreadable";

  /**
   * The chargingProfile of a RemoteStartTransaction: OCPP 1.2/1.5 has no smart charging. Policy:
   * <b>drop</b> the profile and forward the rest (the central system is told Accepted/Rejected by
   * the charger, but no profile was applied).
   */
  public static final String CHARGING_PROFILE_DROPPED = "charging-profile-dropped";

  /**
   * BootNotification status Pending from the central system: OCPP 1.2/1.5 have no such value.
   * Policy: answer the charger <b>Rejected</b> with the central system's interval as
   * heartbeatInterval (at least {@link BootAnswers#PENDING_RETRY_FLOOR_SECONDS}), so that it
   * boots again later and the central system can accept it then.
   */
  public static final String BOOT_PENDING_AS_REJECTED = "boot-pending-as-rejected";

  /**
   * A StopTransaction without a known reason: OCPP 1.2/1.5 send none, and 1.6 reads an absent
   * reason as Local. Policy: <b>infer</b> Remote after an accepted RemoteStopTransaction for that
   * transaction, else <b>omit</b> (the central system reads Local) and report.
   */
  public static final String STOP_REASON_OMITTED = "stop-reason-omitted";

  /**
   * StatusNotification errorCode Mode3Error, which OCPP 1.6 renamed EVCommunicationError with a
   * wider meaning. Policy: <b>rename</b>.
   */
  public static final String MODE3_ERROR_RENAMED = "mode3-error-renamed";

  /**
   * A StatusNotification of connector 0 with a status OCPP 1.6 forbids there (Occupied,
   * Reserved; section 4.9 allows Available, Unavailable, Faulted). Policy: send
   * <b>Available</b>.
   */
  public static final String CONNECTOR_ZERO_STATUS = "connector-zero-status";

  /**
   * A MeterValue without any sample (1.6 requires sampledValue). Policy: <b>drop</b> it.
   */
  public static final String EMPTY_METER_VALUE_DROPPED = "empty-meter-value-dropped";

  /**
   * SendLocalList answer HashError (removed in 1.6). Policy: send <b>Failed</b>.
   */
  public static final String HASH_ERROR_AS_FAILED = "hash-error-as-failed";

  /**
   * The hash of a 1.5 SendLocalList answer (removed in 1.6). Policy: <b>drop</b> (reported only
   * when it is not empty).
   */
  public static final String LOCAL_LIST_HASH_DROPPED = "local-list-hash-dropped";

  /**
   * DataTransfer data from the central system that is not a string (1.6 declares a string).
   * Policy: send its <b>JSON text</b>.
   */
  public static final String DATA_STRINGIFIED = "data-stringified";
}
