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
  private final boolean security;

  CsmsUnavailable(String description, boolean refused, Throwable cause) {
    this(description, refused, false, cause);
  }

  /**
   * @param security true for a failed authentication (HTTP 401/403 on the handshake, a failed
   *     TLS handshake): retrying at once cannot help, so a new request waits out the backoff
   */
  CsmsUnavailable(String description, boolean refused, boolean security, Throwable cause) {
    super(OcppErrorCode.INTERNAL_ERROR, description, Origin.BRIDGE, cause);
    this.refused = refused;
    this.security = security;
  }

  boolean refused() {
    return refused;
  }

  /** True when TLS or the central system's authentication refused the connection. */
  boolean security() {
    return security;
  }
}
