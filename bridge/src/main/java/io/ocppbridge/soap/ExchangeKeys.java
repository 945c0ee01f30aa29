package io.ocppbridge.soap;

/** Keys under which the SOAP edge's interceptors and endpoint share facts on a CXF exchange. */
final class ExchangeKeys {

  /** The {@link ChargerRequestInfo}. */
  static final String REQUEST = "io.ocppbridge.soap.request";
  /**
   * Why the request names its charger ambiguously (header and URL path disagree, or the path is
   * not one identity): the request is refused with this text as a Sender fault.
   */
  static final String IDENTITY_REFUSAL = "io.ocppbridge.soap.identityRefusal";
  /** The {@code wsa:Action} of the response, {@code /<Action>Response}. */
  static final String RESPONSE_ACTION = "io.ocppbridge.soap.responseAction";
  /** The request's {@link RequestAddressing}; absent when it used no WS-Addressing. */
  static final String ADDRESSING = "io.ocppbridge.soap.addressing";
  /** The namespace of the OCPP service the request addressed, for fault subcodes. */
  static final String OCPP_NAMESPACE = "io.ocppbridge.soap.ocppNamespace";

  /** The request's {@code wsa:MessageID} (possibly invented), for the logging context. */
  static final String MESSAGE_ID = "io.ocppbridge.soap.messageId";

  /** The endpoint that counts this request as in flight until its answer is written. */
  static final String IN_FLIGHT = "io.ocppbridge.soap.inFlight";

  /** The request's HTTP basic-auth credentials, an {@code Optional<BasicCredentials>}. */
  static final String CREDENTIALS = "io.ocppbridge.soap.credentials";

  /** Set when the fault answers a refused basic authentication: HTTP 401 with a challenge. */
  static final String CHALLENGE = "io.ocppbridge.soap.challenge";

  /** The {@link EarlyRequestFacts}, read before CXF judged the request. */
  static final String EARLY_FACTS = "io.ocppbridge.soap.earlyFacts";

  /** The {@code OcppException} a fault from the endpoint stands for (its origin). */
  static final String FAILURE = "io.ocppbridge.soap.failure";

  private ExchangeKeys() {}
}
