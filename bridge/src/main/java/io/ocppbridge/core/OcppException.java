package io.ocppbridge.core;

/**
 * A failure that the other side must see as an OCPP error: a CALLERROR toward the central system,
 * a SOAP fault toward a charger. The description is written for the remote side: it names what
 * went wrong and never carries stack traces or internal host names.
 */
public class OcppException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final OcppErrorCode code;
  private final Origin origin;

  /** Who produced the error: decides nothing on the wire, but tells the operator in the logs. */
  public enum Origin {
    /** The central system answered with a CALLERROR. */
    CENTRAL_SYSTEM,
    /** The charger answered with a SOAP fault. */
    CHARGER,
    /** The bridge itself refused or could not complete the message. */
    BRIDGE
  }

  public OcppException(OcppErrorCode code, String description) {
    this(code, description, Origin.BRIDGE, null);
  }

  public OcppException(OcppErrorCode code, String description, Origin origin, Throwable cause) {
    super(description, cause);
    this.code = code;
    this.origin = origin;
  }

  public OcppErrorCode code() {
    return code;
  }

  /** The text for the remote side. */
  public String description() {
    return getMessage();
  }

  public Origin origin() {
    return origin;
  }

  /** The central system could not be reached or did not answer: a Receiver fault for chargers. */
  public static OcppException backendUnavailable(String description, Throwable cause) {
    return new OcppException(OcppErrorCode.INTERNAL_ERROR, description, Origin.BRIDGE, cause);
  }
}
