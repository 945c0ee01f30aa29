package io.ocppbridge.upgrade;

/**
 * The lossy cases of the upgrade profiles, each with its one policy. Every occurrence is reported
 * to the {@link LossRecorder} under the constant's value; a refusal is reported too, before the
 * error goes out. The first group serves both profiles (the 2.0.1 profile reaches 1.2/1.5
 * chargers through the 1.6 conversion, with {@link Limits#TOWARD_OCPP201}); the second is the
 * OCPP 1.6 → 2.0.1 step's own. {@code docs/upgrade-profile.md} has the same list with the
 * affected fields.
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

  // ---- OCPP 1.6 -> 2.0.1 -------------------------------------------------------------------

  /**
   * BootNotification fields 2.0.1 has no place for: meterType, meterSerialNumber, and
   * chargeBoxSerialNumber when chargePointSerialNumber is there (else it becomes the serial
   * number). Policy: <b>drop</b>.
   */
  public static final String BOOT_FIELD_DROPPED = "boot-field-dropped";

  /**
   * A BootNotification whose reason the bridge does not know (1.x sends none; the bridge knows it
   * after a Reset, a TriggerMessage or a firmware installation it relayed). Policy: send
   * <b>Unknown</b>.
   */
  public static final String BOOT_REASON_UNKNOWN = "boot-reason-unknown";

  /**
   * An idTag sent as a 2.0.1 idToken, whose type the central system never told the bridge
   * (RequestStartTransaction, ReserveNow, SendLocalList teach it). Policy: <b>infer</b> from its
   * shape: 8, 14 or 20 hexadecimal digits ISO14443, 16 ISO15693, anything else Central; the
   * same type is used for that idTag afterwards (reported once).
   */
  public static final String ID_TOKEN_TYPE_INFERRED = "id-token-type-inferred";

  /**
   * A 2.0.1 authorization status 1.x lacks (NoCredit, NotAllowedTypeEVSE, NotAtThisLocation,
   * NotAtThisTime, Unknown). Policy: send <b>Invalid</b>.
   */
  public static final String AUTHORIZATION_STATUS_NARROWED = "authorization-status-narrowed";

  /**
   * Parts of a 2.0.1 idTokenInfo 1.x idTagInfo lacks (chargingPriority, language1/2, evseId,
   * personalMessage), or a groupIdToken longer than a parentIdTag (20). Policy: <b>drop</b>.
   */
  public static final String ID_TOKEN_INFO_DETAIL_DROPPED = "id-token-info-detail-dropped";

  /**
   * A TransactionEvent answer without idTokenInfo for a StartTransaction, whose 1.x answer
   * requires an idTagInfo. Policy: answer <b>Accepted</b> (the central system raised no
   * objection to the transaction it was told of).
   */
  public static final String ID_TAG_INFO_ASSUMED = "id-tag-info-assumed";

  /**
   * A StatusNotification of connector 0 (the whole charger): 2.0.1 has StatusNotification for
   * connectors only. Policy: <b>answer the charger</b>, send nothing.
   */
  public static final String STATION_STATUS_NOT_SENT = "station-status-not-sent";

  /**
   * StatusNotification errorCode (other than NoError), info, vendorId, vendorErrorCode: 2.0.1
   * reports problems through the device model. Policy: <b>drop</b>, keep the status.
   */
  public static final String STATUS_DETAIL_DROPPED = "status-detail-dropped";

  /**
   * A time 2.0.1 requires that the 1.x message lacks (StatusNotification timestamp, a composite
   * schedule's start). Policy: the bridge's <b>current time</b>.
   */
  public static final String TIMESTAMP_ASSUMED = "timestamp-assumed";

  /**
   * A sampled value 2.0.1 cannot carry: a value that is no number (SignedData among them, whose
   * signing method and key 1.x does not give), or the measurands Temperature and RPM, which 2.0.1
   * removed. Policy: <b>drop</b> the sample (a meter value left without samples is dropped too).
   */
  public static final String SAMPLE_DROPPED = "sample-dropped";

  /**
   * A MeterValues or StopTransaction naming a transaction number the bridge did not give, or one
   * that has ended. Policy: meter values are sent as <b>MeterValues</b> outside any transaction;
   * a stop as a TransactionEvent Ended with the number as the transactionId.
   */
  public static final String TRANSACTION_UNKNOWN = "transaction-unknown";

  /** StopTransaction reason SoftReset, which 2.0.1 lacks. Policy: stoppedReason <b>Reboot</b>. */
  public static final String STOP_REASON_APPROXIMATED = "stop-reason-approximated";

  /**
   * totalCost, chargingPriority, updatedPersonalMessage of a TransactionEvent answer, and
   * statusInfo of any answer to a charger's request: 1.x answers have no place. Policy:
   * <b>drop</b>.
   */
  public static final String ANSWER_DETAIL_DROPPED = "answer-detail-dropped";

  /**
   * A 1.x answer status 2.0.1 lacks (UnlockConnector NotSupported, SendLocalList NotSupported,
   * SetChargingProfile NotSupported, ChangeConfiguration NotSupported). Policy: the nearest
   * 2.0.1 value (UnlockFailed, Failed, Rejected, UnknownVariable) with a statusInfo naming the
   * original.
   */
  public static final String STATUS_NARROWED = "status-narrowed";

  /**
   * Parts of a 2.0.1 charging profile 1.6 lacks: a schedule's salesTariff, a period's phaseToUse;
   * and limits or minimum rates finer than 1.6's 0.1. Policy: <b>drop</b>, <b>round</b> to 0.1.
   */
  public static final String CHARGING_PROFILE_DETAIL_DROPPED = "charging-profile-detail-dropped";

  /**
   * Parts of a central system's request 1.x cannot express: RequestStartTransaction
   * groupIdToken, ReserveNow connectorType (and a groupIdToken over 20), UpdateFirmware
   * installDateTime. Policy: <b>drop</b>, forward the rest.
   */
  public static final String REQUEST_DETAIL_DROPPED = "request-detail-dropped";
}
