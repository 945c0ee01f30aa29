package io.ocppbridge.sim;

import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;

/**
 * A SOAP request the simulated charge point received from a central system (the bridge).
 *
 * @param action the operation, or null when the body element is no ChargePointService request
 * @param version the OCPP version of the body's namespace, or null when it is none of them
 * @param bodyElement the local name of the body element, e.g. {@code resetRequest}
 * @param chargeBoxIdentity the {@code chargeBoxIdentity} header, or null when absent
 * @param payloadXml the body element as XML text
 * @param soapVersion {@code 1.1} or {@code 1.2}
 * @param addressing the WS-Addressing headers, or null when the request carried none
 */
public record ReceivedSoapCall(OcppAction action, OcppVersion version, String bodyElement,
    String chargeBoxIdentity, String payloadXml, String soapVersion, Addressing addressing) {

  /**
   * The WS-Addressing headers of a request; a missing header is null.
   *
   * @param namespace the addressing namespace, e.g. {@code http://www.w3.org/2005/08/addressing}
   */
  public record Addressing(String namespace, String to, String action, String messageId,
      String from, String replyTo) {}

  /** The OCPP-J name of the operation ({@code Reset}), or the body element's name if unknown. */
  public String actionName() {
    return action == null ? bodyElement : action.wireName();
  }
}
