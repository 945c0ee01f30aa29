package io.ocppbridge.core;

import java.util.Optional;

/**
 * The OCPP-J error codes of a CALLERROR (OCPP-J 1.6 section 4.2.3, the same set ocppjs used for
 * 1.2 and 1.5), and whether a SOAP fault carrying them blames the sender or the receiver.
 */
public enum OcppErrorCode {
  NOT_IMPLEMENTED("NotImplemented", true),
  NOT_SUPPORTED("NotSupported", true),
  INTERNAL_ERROR("InternalError", false),
  PROTOCOL_ERROR("ProtocolError", true),
  SECURITY_ERROR("SecurityError", true),
  FORMATION_VIOLATION("FormationViolation", true),
  PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation", true),
  /** The 1.6 specification's spelling; {@link #parse} also accepts "Occurrence". */
  OCCURENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation", true),
  TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation", true),
  GENERIC_ERROR("GenericError", false);

  private final String wireName;
  private final boolean senderFault;

  OcppErrorCode(String wireName, boolean senderFault) {
    this.wireName = wireName;
    this.senderFault = senderFault;
  }

  /** The code as written in a CALLERROR. */
  public String wireName() {
    return wireName;
  }

  /** True when a SOAP fault with this code is a Sender (SOAP 1.1: Client) fault. */
  public boolean isSenderFault() {
    return senderFault;
  }

  /**
   * Reads a code as the other side wrote it, accepting the OCPP 2.0.1 spellings too
   * ("OccurrenceConstraintViolation", "FormatViolation"), and the two codes 2.0.1 added for
   * frames its receiver could not handle (RpcFrameworkError, MessageTypeNotSupported) as
   * InternalError: they blame the frame the bridge sent.
   */
  public static Optional<OcppErrorCode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    switch (text) {
      case "OccurrenceConstraintViolation":
        return Optional.of(OCCURENCE_CONSTRAINT_VIOLATION);
      case "FormatViolation":
        return Optional.of(FORMATION_VIOLATION);
      case "RpcFrameworkError", "MessageTypeNotSupported":
        return Optional.of(INTERNAL_ERROR);
      default:
        break;
    }
    for (OcppErrorCode c : values()) {
      if (c.wireName.equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
