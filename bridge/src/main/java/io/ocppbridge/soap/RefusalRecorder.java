package io.ocppbridge.soap;

import io.ocppbridge.access.AccessRefused;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.RefusalBook;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Makes every refusal of a charger request visible: each SOAP fault the bridge sends, whether
 * CXF raised it before the endpoint saw the request (MustUnderstand, VersionMismatch, not XML),
 * an access check refused the request, or the relay failed, is
 * <ul>
 *   <li>logged in one line with the charger's identity when it could be read, the peer address,
 *       the code and the reason: INFO when the charger or the central system caused it, WARN when
 *       the bridge did; at most one line per source address per {@link #LOG_INTERVAL}, the next
 *       one saying how many were not logged (access refusals are logged by
 *       {@code ChargerAccess}, rate-limited the same way, and not twice);
 *   <li>counted in the {@link RefusalBook} by code and origin, and kept as the charger's last
 *       refusal for the admin API.
 * </ul>
 * It runs after {@link FaultNormalizer}, so it sees the fault as the charger receives it.
 */
final class RefusalRecorder extends AbstractSoapInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalRecorder.class);
  static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
  private static final Set<String> SOAP_CODES = Set.of("MustUnderstand", "VersionMismatch",
      "DataEncodingUnknown", "Sender", "Receiver");
  private static final int MAX_REASON = 300;

  private final RefusalBook book;
  private final SourceRateLimit rateLimit = new SourceRateLimit(LOG_INTERVAL);

  RefusalRecorder(RefusalBook book) {
    super(Phase.PRE_LOGICAL);
    addAfter(FaultNormalizer.class.getName());
    this.book = book;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    Exception content = message.getContent(Exception.class);
    if (content == null) {
      return;
    }
    Exchange exchange = message.getExchange();
    FaultView fault = view(content);
    OcppException failure = exchange.get(ExchangeKeys.FAILURE) instanceof OcppException o
        ? o : null;
    RefusalBook.Origin origin = failure != null
        && failure.origin() == OcppException.Origin.CENTRAL_SYSTEM
        ? RefusalBook.Origin.CENTRAL_SYSTEM
        : fault.sender ? RefusalBook.Origin.CHARGER : RefusalBook.Origin.BRIDGE;
    String identity = identity(exchange);
    Message in = exchange.getInMessage();
    String peer = in == null ? null : ChargerHeadersInterceptor.peerAddress(in);
    String reason = shortened(fault.reason);
    book.record(identity, new RefusalBook.Refusal(Instant.now(), fault.code, reason, origin,
        peer));
    if (failure instanceof AccessRefused) {
      return;
    }
    long suppressed = rateLimit.admit(peer == null ? "?" : peer);
    if (suppressed < 0) {
      return;
    }
    String more = suppressed == 0 ? ""
        : " (" + suppressed + " more refusals from this address in the last "
            + LOG_INTERVAL.toSeconds() + " s not logged)";
    String who = identity == null ? "?" : identity;
    if (origin == RefusalBook.Origin.BRIDGE) {
      LOG.warn("[{}] request from {} refused by the bridge: {} {}{}", who, peer, fault.code,
          reason, more);
    } else if (origin == RefusalBook.Origin.CENTRAL_SYSTEM) {
      LOG.info("[{}] request from {} refused: the central system answered {} {}{}", who, peer,
          fault.code, reason, more);
    } else {
      LOG.info("[{}] request from {} refused as the charger's error: {} {}{}", who, peer,
          fault.code, reason, more);
    }
  }

  /**
   * The identity the request claimed, as parsed by CXF or read from its raw headers; null when
   * none was sent or it cannot name a charger (too long, control characters): such a refusal is
   * logged and counted without an identity.
   */
  private static String identity(Exchange exchange) {
    String claimed = null;
    if (exchange.get(ExchangeKeys.REQUEST) instanceof io.ocppbridge.relay.ChargerRequestInfo i
        && i.chargeBoxIdentity() != null) {
      claimed = i.chargeBoxIdentity().trim();
    } else if (exchange.get(ExchangeKeys.EARLY_FACTS) instanceof EarlyRequestFacts f) {
      claimed = f.identity();
    }
    try {
      return claimed == null ? null : new ChargerId(claimed).value();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String shortened(String text) {
    if (text == null || text.isBlank()) {
      return "(no reason given)";
    }
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "...";
  }

  private record FaultView(String code, String reason, boolean sender) {}

  private static FaultView view(Exception content) {
    if (content instanceof Fault f && f.getCause() instanceof SOAPFaultException e) {
      SOAPFault sf = e.getFault();
      String code = sf.getFaultCodeAsQName() == null
          ? null : sf.getFaultCodeAsQName().getLocalPart();
      String subcode = null;
      try {
        Iterator<QName> subcodes = sf.getFaultSubcodes();
        subcode = subcodes.hasNext() ? subcodes.next().getLocalPart() : null;
      } catch (UnsupportedOperationException soap11) {
        subcode = errorCode(sf.getDetail());
      }
      return view(code, subcode, sf.getFaultString());
    }
    if (content instanceof SoapFault sf) {
      List<QName> subcodes = sf.getSubCodes();
      String subcode = subcodes != null && !subcodes.isEmpty()
          ? subcodes.get(0).getLocalPart() : errorCode(sf.getDetail());
      return view(sf.getFaultCode() == null ? null : sf.getFaultCode().getLocalPart(), subcode,
          sf.getMessage());
    }
    if (content instanceof Fault f) {
      return view(f.getFaultCode() == null ? null : f.getFaultCode().getLocalPart(), null,
          f.getMessage());
    }
    return view("Receiver", null, content.getMessage());
  }

  private static FaultView view(String soapCode, String subcode, String reason) {
    String normalized = soapCode == null ? "Receiver"
        : "Client".equals(soapCode) ? "Sender"
        : "Server".equals(soapCode) ? "Receiver" : soapCode;
    Optional<OcppErrorCode> ocpp = OcppErrorCode.parse(subcode);
    boolean sender = !"Receiver".equals(normalized);
    String code = ocpp.map(OcppErrorCode::wireName)
        .orElse(SOAP_CODES.contains(normalized) ? normalized : "Other");
    return new FaultView(code, reason, sender);
  }

  private static String errorCode(Node detail) {
    if (detail == null) {
      return null;
    }
    for (Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "errorCode".equals(e.getLocalName())) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}
