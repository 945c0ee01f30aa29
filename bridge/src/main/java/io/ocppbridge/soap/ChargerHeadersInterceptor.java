package io.ocppbridge.soap;

import io.ocppbridge.core.MessageIds;
import io.ocppbridge.access.BasicCredentials;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.relay.ChargerRequestInfo;
import java.util.HashSet;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * Reads what the endpoint needs from a charger's SOAP headers, with the addressing
 * {@link RequestAddressingInterceptor} read before, and notes the addressing quirks of real
 * chargers:
 * <ul>
 *   <li>declares {@code chargeBoxIdentity} of every OCPP namespace understood (ocppjs marks it
 *       {@code mustUnderstand="true"});
 *   <li>a request without {@code wsa:MessageID} (ocppjs sends none) is logged under a MessageID
 *       of the bridge's, and answered without {@code wsa:RelatesTo};
 *   <li>a non-anonymous {@code wsa:ReplyTo} is answered on the same HTTP exchange all the same
 *       (decoupled responses are never used), its address kept as a callback candidate.
 * </ul>
 * The quirks repaired earlier ({@link NonConformantRequestRepair}) and here travel with the
 * request ({@link ChargerRequestInfo#quirks()}), to be counted per charger.
 */
final class ChargerHeadersInterceptor extends AbstractSoapInterceptor {

  private static final Set<QName> UNDERSTOOD = new HashSet<>();

  static {
    for (OcppVersion v : OcppVersion.values()) {
      UNDERSTOOD.add(new QName(v.centralSystemNamespace(), "chargeBoxIdentity"));
    }
  }

  private final QuirkCounter quirks;
  private final String basePath;

  /**
   * @param basePath the path the endpoint is published on ({@code soap.path}); a request to
   *     {@code <basePath>/<identity>} names its charger in the URL as well
   */
  ChargerHeadersInterceptor(QuirkCounter quirks, String basePath) {
    super(Phase.PRE_LOGICAL);
    this.quirks = quirks;
    this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1)
        : basePath;
  }

  @Override
  public Set<QName> getUnderstoodHeaders() {
    return UNDERSTOOD;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    String identity = null;
    for (Header h : message.getHeaders()) {
      if (UNDERSTOOD.contains(h.getName()) && h.getObject() instanceof Element e) {
        identity = e.getTextContent();
      }
    }
    String soapVersion = message.getVersion() instanceof Soap12 ? "1.2" : "1.1";
    Set<String> seen = new java.util.TreeSet<>();
    if (message.getExchange().get(ExchangeKeys.EARLY_FACTS) instanceof EarlyRequestFacts early) {
      seen.addAll(early.quirks());
    }
    RequestAddressing addressing =
        message.getExchange().get(ExchangeKeys.ADDRESSING) instanceof RequestAddressing a
            ? a : null;
    String messageId = null;
    if (addressing != null) {
      messageId = addressing.messageId();
      if (messageId == null) {
        // only for the logs: the answer names no RelatesTo then
        quirks.record(QuirkCounter.MISSING_MESSAGE_ID);
        seen.add(QuirkCounter.MISSING_MESSAGE_ID);
        messageId = "urn:uuid:" + MessageIds.next();
      }
      if (addressing.replyToElsewhere()) {
        // answered on this HTTP exchange all the same; the address stays a callback candidate
        quirks.record(QuirkCounter.NON_ANONYMOUS_REPLY_TO);
        seen.add(QuirkCounter.NON_ANONYMOUS_REPLY_TO);
      }
      message.getExchange().put(ExchangeKeys.MESSAGE_ID, messageId);
    } else {
      quirks.record(QuirkCounter.NO_ADDRESSING);
      seen.add(QuirkCounter.NO_ADDRESSING);
    }
    message.getExchange().put(ExchangeKeys.CREDENTIALS, credentials(message));
    identity = withPathIdentity(message, identity);
    message.getExchange().put(ExchangeKeys.REQUEST, new ChargerRequestInfo(identity,
        soapVersion, addressing == null ? null : addressing.namespace(),
        addressing == null ? null : RequestAddressing.usableAddress(addressing.from()),
        addressing == null ? null : RequestAddressing.usableAddress(addressing.replyTo()),
        peerAddress(message), seen));
  }

  /**
   * The identity the request goes on with: the header's, or the URL path's when there is no
   * header (a load balancer routes by path: {@code /ocpp/{chargeBoxIdentity}}). When both are
   * given and differ, or the path holds more than one segment, the request is marked for a
   * Sender fault rather than served for either charger.
   */
  private String withPathIdentity(SoapMessage message, String header) {
    Object request = message.get("HTTP.REQUEST");
    if (!(request instanceof jakarta.servlet.http.HttpServletRequest http)) {
      return header;
    }
    String path = http.getRequestURI();
    if (path == null || !path.startsWith(basePath + "/")
        || path.length() == basePath.length() + 1) {
      return header;
    }
    String raw = path.substring(basePath.length() + 1);
    if (raw.contains("/")) {
      refuse(message, "the URL path must be " + basePath + " or " + basePath
          + "/{chargeBoxIdentity}, with the identity as one segment");
      return header;
    }
    String fromPath;
    try {
      fromPath = java.net.URLDecoder.decode(raw.replace("+", "%2B"),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      refuse(message, "the identity in the URL path is not valid percent-encoding");
      return header;
    }
    if (header == null) {
      return fromPath;
    }
    if (!header.trim().equals(fromPath)) {
      refuse(message, "the chargeBoxIdentity header '" + header.trim()
          + "' and the identity in the URL path '" + fromPath + "' name different chargers");
    }
    return header;
  }

  private static void refuse(SoapMessage message, String reason) {
    message.getExchange().put(ExchangeKeys.IDENTITY_REFUSAL, reason);
  }

  private static java.util.Optional<BasicCredentials> credentials(Message message) {
    Object request = message.get("HTTP.REQUEST");
    if (request instanceof jakarta.servlet.http.HttpServletRequest http) {
      return BasicCredentials.parse(http.getHeader("Authorization"));
    }
    return java.util.Optional.empty();
  }

  static String peerAddress(Message message) {
    Object request = message.get("HTTP.REQUEST");
    if (request instanceof jakarta.servlet.http.HttpServletRequest http) {
      String ip = http.getRemoteAddr();
      // Jetty writes IPv6 peers in brackets, as in a URL.
      return ip != null && ip.startsWith("[") && ip.endsWith("]")
          ? ip.substring(1, ip.length() - 1) : ip;
    }
    return null;
  }
}
