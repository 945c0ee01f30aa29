package io.ocppbridge.core;

import java.time.Duration;

/**
 * What the relays report about every message, for the operator's metrics. The core only says
 * what happened; the admin side decides how it is counted and exposed.
 */
public interface RelayMetrics {

  /** Which way a relayed operation went. */
  enum Direction {
    /** A charger's SOAP request relayed to the central system as a CALL. */
    CHARGER_TO_CSMS("charger_to_csms"),
    /** A central system's CALL relayed to the charger's SOAP server. */
    CSMS_TO_CHARGER("csms_to_charger");

    private final String label;

    Direction(String label) {
      this.label = label;
    }

    /** The value of the metric tag. */
    public String label() {
      return label;
    }
  }

  /** One network leg of a relayed operation, timed on its own. */
  enum Leg {
    /** The CALL to the central system until its answer, queueing and connecting included. */
    CSMS("csms"),
    /** The SOAP request to the charger's callback address until its answer. */
    CHARGER("charger");

    private final String label;

    Leg(String label) {
      this.label = label;
    }

    /** The value of the metric tag. */
    public String label() {
      return label;
    }
  }

  /**
   * A relayed operation ended.
   *
   * @param action the OCPP action, or {@code "unknown"} when the message named none the bridge
   *     knows
   * @param elapsed from the moment the bridge had the message until its answer was ready
   * @param error null when the operation was answered, else the OCPP error it failed with (its
   *     code and who produced it)
   */
  void relayed(Direction direction, String action, Duration elapsed, OcppException error);

  /** The OCPP error a failed future carries; any other failure counts as an internal error. */
  static OcppException errorOf(Throwable failure) {
    if (failure == null) {
      return null;
    }
    Throwable cause = Failures.cause(failure);
    return cause instanceof OcppException o ? o
        : new OcppException(OcppErrorCode.INTERNAL_ERROR, String.valueOf(cause.getMessage()));
  }

  /** A leg ended: {@code ok} when the other side answered (a CALLERROR or fault counts too). */
  void leg(Leg leg, String action, Duration elapsed, boolean ok);
}
