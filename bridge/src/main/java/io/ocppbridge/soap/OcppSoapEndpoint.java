package io.ocppbridge.soap;

import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsLink;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.session.CallbackDecision;
import io.ocppbridge.session.CallbackResolver;
import io.ocppbridge.session.ChargerSession;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.session.SoapDialect;
import io.ocppbridge.translate.ChargerRequest;
import io.ocppbridge.translate.SoapJsonTranslator;
import jakarta.xml.ws.AsyncHandler;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.annotations.UseAsyncMethod;
import org.apache.cxf.jaxws.ServerAsyncResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one endpoint every charger posts to: recognises the OCPP version and operation from the body
 * element, relays the operation to the central system and answers with its translated reply, or
 * with a SOAP fault carrying the OCPP error.
 */
@WebServiceProvider(serviceName = "OcppSoapBridge", portName = "OcppSoapBridgePort",
    targetNamespace = "urn://ocppbridge.io/soap")
@ServiceMode(Service.Mode.PAYLOAD)
public final class OcppSoapEndpoint implements Provider<DOMSource> {

  private static final Logger LOG = LoggerFactory.getLogger(OcppSoapEndpoint.class);
  private static final Logger TRACE = LoggerFactory.getLogger("io.ocppbridge.trace");
  /** Safety margin over the link's own timeout, which always completes the call first. */
  private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);

  private final SoapJsonTranslator translator;
  private final CsmsLink csms;
  private final SessionRegistry sessions;
  private final CallbackResolver callbacks;
  private final Duration callTimeout;

  public OcppSoapEndpoint(SoapJsonTranslator translator, CsmsLink csms, SessionRegistry sessions,
      CallbackResolver callbacks, Duration callTimeout) {
    this.translator = translator;
    this.csms = csms;
    this.sessions = sessions;
    this.callbacks = callbacks;
    this.callTimeout = callTimeout;
  }

  /**
   * The synchronous form, used by CXF only when the transport cannot suspend the exchange; the
   * wait is bounded like the asynchronous one.
   */
  @Override
  @UseAsyncMethod
  public DOMSource invoke(DOMSource request) {
    try {
      return relay(request).get(callTimeout.plus(WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw asRuntime(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("relay did not settle within its deadline", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The form CXF uses on Jetty: the HTTP exchange is suspended (a continuation) while the CALL
   * is out, and no thread waits for the central system.
   */
  public Future<?> invokeAsync(DOMSource request, AsyncHandler<DOMSource> handler) {
    ServerAsyncResponse<DOMSource> response = new ServerAsyncResponse<>();
    relay(request).whenComplete((answer, failure) -> {
      if (failure != null) {
        response.exception(unwrap(failure));
      } else {
        response.set(answer);
      }
      handler.handleResponse(response);
    });
    return response;
  }

  /**
   * Relays one request; the future completes with the SOAP answer or fails with the
   * {@link SOAPFaultException} to send, always within the call timeout.
   */
  private CompletableFuture<DOMSource> relay(DOMSource request) {
    Exchange exchange = PhaseInterceptorChain.getCurrentMessage().getExchange();
    InboundSoapRequest info = (InboundSoapRequest) exchange.get(ExchangeKeys.REQUEST);
    String soapVersion = info == null ? "1.2" : info.soapVersion();
    Element payload = payloadElement(request);
    String namespace = payload != null && payload.getNamespaceURI() != null
        && payload.getNamespaceURI().startsWith("urn://Ocpp/")
        ? payload.getNamespaceURI() : OcppVersion.V1_5.centralSystemNamespace();
    String identity = info == null ? null : info.chargeBoxIdentity();
    CompletableFuture<DOMSource> relayed;
    try {
      relayed = relay(exchange, info, payload);
    } catch (OcppException e) {
      relayed = CompletableFuture.failedFuture(e);
    }
    return relayed
        .orTimeout(callTimeout.plus(WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS)
        .handle((answer, failure) -> {
          if (failure == null) {
            return answer;
          }
          OcppException e = asOcppException(unwrap(failure));
          logFailure(identity, e);
          throw SoapFaults.toFault(e, soapVersion, namespace);
        });
  }

  private CompletableFuture<DOMSource> relay(Exchange exchange, InboundSoapRequest info,
      Element payload) {
    if (payload == null) {
      throw new OcppException(OcppErrorCode.FORMATION_VIOLATION, "the SOAP body is empty");
    }
    translator.recogniseChargerRequest(payload).ifPresent(action ->
        exchange.put(ExchangeKeys.RESPONSE_ACTION, action.soapResponseAction()));
    ChargerRequest request = translator.fromChargerRequest(payload);
    ChargerId id = chargerId(info);
    ChargerSession session = sessions.observe(id, request.version(),
        new SoapDialect(info.soapVersion(), info.addressingNamespace()), info.from());
    decideCallback(session, info);
    if (TRACE.isDebugEnabled()) {
      TRACE.debug("[{}] <<cp {} (OCPP {}, SOAP {}, from {})", id, request.action().wireName(),
          request.version().label(), info.soapVersion(),
          info.from() == null ? "-" : info.from());
    }
    String action = request.action().wireName();
    return csms.call(new ChargerContext(id, request.version()), action, request.payloadJson())
        .thenApply(answer -> {
          try {
            return new DOMSource(
                translator.toChargerResponse(request.version(), request.action(), answer));
          } catch (OcppException e) {
            LOG.warn("[{}] the central system's answer to {} cannot be given to the charger: {}",
                id, action, e.description());
            throw new OcppException(OcppErrorCode.INTERNAL_ERROR,
                "the central system's answer to " + action + " is invalid: " + e.description());
          }
        });
  }

  /** Refreshes the charger's callback decision when its request said something new about it. */
  private void decideCallback(ChargerSession session, InboundSoapRequest info) {
    if (!session.callbackInputsChanged(info.from(), info.replyTo(), info.peerAddress())) {
      return;
    }
    CallbackDecision decision =
        callbacks.resolve(session.id(), info.from(), info.replyTo(), info.peerAddress());
    CallbackDecision previous =
        session.updateCallback(info.from(), info.replyTo(), info.peerAddress(), decision);
    if (decision.equals(previous)) {
      return;
    }
    if (decision instanceof CallbackDecision.Allowed a) {
      if (previous instanceof CallbackDecision.Allowed p && !p.named().equals(a.named())) {
        LOG.warn("[{}] callback address changed from {} to {} (latest wins)", session.id(),
            p.named(), a.named());
      } else {
        LOG.info("[{}] callback address {} (from {}{})", session.id(), a.named(), a.source(),
            a.rewritten() ? ", rewritten" : "");
      }
    } else if (decision instanceof CallbackDecision.Refused r) {
      LOG.warn("[{}] no calls can reach this charger: {}", session.id(), r.reason());
    }
  }

  private OcppException asOcppException(Throwable failure) {
    if (failure instanceof OcppException o) {
      return o;
    }
    if (failure instanceof TimeoutException) {
      return OcppException.backendUnavailable("no answer from the central system within "
          + callTimeout.toSeconds() + " s", null);
    }
    LOG.error("unexpected failure relaying a charger request", failure);
    return new OcppException(OcppErrorCode.INTERNAL_ERROR, "internal error in the bridge");
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static RuntimeException asRuntime(Throwable t) {
    Throwable c = unwrap(t);
    return c instanceof RuntimeException r ? r : new IllegalStateException(c);
  }

  private static ChargerId chargerId(InboundSoapRequest info) {
    String raw = info == null ? null : info.chargeBoxIdentity();
    if (raw == null) {
      throw new OcppException(OcppErrorCode.PROTOCOL_ERROR,
          "the chargeBoxIdentity SOAP header is missing");
    }
    try {
      return new ChargerId(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new OcppException(OcppErrorCode.PROTOCOL_ERROR,
          "the chargeBoxIdentity SOAP header is unusable: " + e.getMessage());
    }
  }

  private static Element payloadElement(DOMSource source) {
    if (source == null) {
      return null;
    }
    Node node = source.getNode();
    if (node instanceof Document d) {
      return d.getDocumentElement();
    }
    if (node instanceof Element e) {
      return e;
    }
    return null;
  }

  private static void logFailure(String identity, OcppException e) {
    String who = identity == null ? "?" : identity;
    switch (e.origin()) {
      case CENTRAL_SYSTEM -> LOG.info("[{}] central system answered with {}: {}", who, e.code(),
          e.description());
      case BRIDGE -> {
        if (e.code().isSenderFault()) {
          LOG.info("[{}] refused the charger's request: {} {}", who, e.code(), e.description());
        } else {
          LOG.warn("[{}] {}", who, e.description());
        }
      }
      default -> LOG.info("[{}] {} {}", who, e.code(), e.description());
    }
  }

}
