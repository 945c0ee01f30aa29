package io.ocppbridge.sim;

import io.ocppbridge.core.OcppErrorCode;
import java.util.Objects;

/**
 * What the simulated charge point answers to one request: a response body element as XML text,
 * or a SOAP fault carrying an OCPP error code (as a Subcode in SOAP 1.2, in the detail in 1.1).
 */
public record ChargePointReply(String payloadXml, OcppErrorCode faultCode, String faultReason) {

  public ChargePointReply {
    if ((payloadXml == null) == (faultCode == null)) {
      throw new IllegalArgumentException("a reply is either a payload or a fault");
    }
  }

  /** Answers with this body element, e.g. {@code <resetResponse xmlns="...">...}. */
  public static ChargePointReply payload(String payloadXml) {
    return new ChargePointReply(Objects.requireNonNull(payloadXml), null, null);
  }

  /**
   * Answers with the {@code <action>Response} of the call's operation, in the call's namespace,
   * around these children (unprefixed, so they inherit the namespace), e.g.
   * {@code response(call, "<status>Rejected</status>")}.
   */
  public static ChargePointReply response(ReceivedSoapCall call, String childrenXml) {
    if (call.action() == null || call.version() == null) {
      throw new IllegalArgumentException("not a ChargePointService request: "
          + call.bodyElement());
    }
    String name = call.action().responseElement();
    return payload("<" + name + " xmlns=\"" + call.version().chargePointNamespace() + "\">"
        + childrenXml + "</" + name + ">");
  }

  /** Answers with a SOAP fault. */
  public static ChargePointReply fault(OcppErrorCode code, String reason) {
    return new ChargePointReply(null, Objects.requireNonNull(code), reason);
  }

  public boolean isFault() {
    return faultCode != null;
  }
}
