package io.ocppbridge.ws;

import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;

/**
 * A connection to the central system that could not be made. {@link #refused()} tells a central
 * system that answered "no" (an HTTP status instead of the upgrade, a subprotocol it does not
 * accept) from one that could not be reached at all: calls waiting for a connection fail at once
 * on a refusal, and keep waiting (within their timeout) through the retries of the other kind.
 */
final class CsmsUnavailable extends OcppException {

  private static final long serialVersionUID = 1L;

  private final boolean refused;

  CsmsUnavailable(String description, boolean refused, Throwable cause) {
    super(OcppErrorCode.INTERNAL_ERROR, description, Origin.BRIDGE, cause);
    this.refused = refused;
  }

  boolean refused() {
    return refused;
  }
}
