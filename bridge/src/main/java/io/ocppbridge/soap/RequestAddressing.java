package io.ocppbridge.soap;

import java.util.List;
import org.w3c.dom.Element;

/**
 * The WS-Addressing properties of a charger's request, as far as the bridge uses them (read by
 * {@link AddressingHeaderReader}). Absent properties are null; a request without any
 * WS-Addressing header has no {@code RequestAddressing} at all.
 *
 * @param namespace the WS-Addressing namespace of the request's headers (2005/08 or 2004/08);
 *     the answer's headers are written in it
 * @param action the {@code wsa:Action} text, or null
 * @param messageId the {@code wsa:MessageID} text as sent (the answer's {@code wsa:RelatesTo}),
 *     or null
 * @param to the {@code wsa:To} text, or null
 * @param from the {@code wsa:From} address, or null
 * @param replyTo the {@code wsa:ReplyTo} address, or null
 * @param replyToParameters the reference parameters of an anonymous {@code wsa:ReplyTo}, which
 *     the answer carries as headers (WS-Addressing 1.0 SOAP binding, 3.3)
 */
record RequestAddressing(String namespace, String action, String messageId, String to,
    String from, String replyTo, List<Element> replyToParameters) {

  RequestAddressing {
    replyToParameters = List.copyOf(replyToParameters);
  }

  /**
   * The callback address a header names: null when it names none (absent, blank, anonymous in
   * either version, or {@code none}).
   */
  static String usableAddress(String address) {
    if (address == null) {
      return null;
    }
    String value = address.trim();
    if (value.isEmpty() || isAnonymous(value) || isNone(value)) {
      return null;
    }
    return value;
  }

  /** True when the answer is to carry no addressing headers: ReplyTo names {@code none}. */
  boolean answerUnaddressed() {
    return replyTo != null && isNone(replyTo.trim());
  }

  /** True when ReplyTo asks for the answer somewhere else than on this HTTP exchange. */
  boolean replyToElsewhere() {
    return usableAddress(replyTo) != null;
  }

  private static boolean isAnonymous(String address) {
    // 2004/08 and the drafts before it name it .../role/anonymous
    return address.equals(SoapNamespaces.anonymous(SoapNamespaces.WSA_2005))
        || address.endsWith("/role/anonymous");
  }

  private static boolean isNone(String address) {
    return address.equals(SoapNamespaces.WSA_2005 + "/none");
  }
}
