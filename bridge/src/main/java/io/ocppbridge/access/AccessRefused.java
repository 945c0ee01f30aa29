package io.ocppbridge.access;

import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;

/**
 * A charger's request refused by {@link ChargerAccess}; {@link #challenge()} says whether the
 * HTTP answer should ask for basic authentication (status 401 with {@code WWW-Authenticate}).
 */
public final class AccessRefused extends OcppException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final boolean challenge;

  AccessRefused(OcppErrorCode code, String reason, String description, boolean challenge) {
    super(code, description, Origin.BRIDGE, null);
    this.reason = reason;
    this.challenge = challenge;
  }

  /** The short name it is counted under ({@code unknown-charger}, {@code rate-limit}, ...). */
  public String reason() {
    return reason;
  }

  /** True when the charger should be asked for (other) basic-auth credentials. */
  public boolean challenge() {
    return challenge;
  }
}
