package io.ocppbridge.frame;

import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;

/**
 * A text that is not a valid OCPP-J frame. Carries the message id when one could be read, so the
 * sender of a bad CALL can still be answered with a CALLERROR.
 */
public final class FrameException extends OcppException {

  private static final long serialVersionUID = 1L;

  private final String messageId;
  private final int messageType;

  FrameException(OcppErrorCode code, String description, String messageId, int messageType) {
    super(code, description);
    this.messageId = messageId;
    this.messageType = messageType;
  }

  /** The id of the broken frame, or null when none could be read. */
  public String messageId() {
    return messageId;
  }

  /** The message type number of the broken frame, or 0 when unreadable. */
  public int messageType() {
    return messageType;
  }
}
