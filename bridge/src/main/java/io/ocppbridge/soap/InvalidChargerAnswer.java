package io.ocppbridge.soap;

import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;

/**
 * A charger's answer to a central-system call that is neither a usable response nor a SOAP
 * fault: the charger's defect (origin {@link OcppException.Origin#CHARGER}), an InternalError
 * toward the central system whose description says what was wrong.
 */
final class InvalidChargerAnswer extends OcppException {

  private final String what;

  private InvalidChargerAnswer(String description, String what) {
    super(OcppErrorCode.INTERNAL_ERROR, description, Origin.CHARGER, null);
    this.what = what;
  }

  /** An answer that is no SOAP message at all ("not SOAP: why"). */
  static InvalidChargerAnswer notSoap(OcppAction action, String why) {
    return new InvalidChargerAnswer("the charger's answer to " + action.wireName()
        + " is not SOAP: " + why, "is not SOAP: " + why);
  }

  /** A SOAP message that is not a valid answer ("invalid: why"). */
  static InvalidChargerAnswer invalid(OcppAction action, String why) {
    return new InvalidChargerAnswer("the charger's answer to " + action.wireName()
        + " is invalid: " + why, "is invalid: " + why);
  }

  /** What was wrong, after "the charger's answer to X ". */
  String what() {
    return what;
  }
}
