package io.ocppbridge.soap;

import io.ocppbridge.access.AccessRefused;
import io.ocppbridge.access.BasicCredentials;
import io.ocppbridge.access.ChargerAccess;
import io.ocppbridge.core.DeadlineSweep;
import io.ocppbridge.core.Durations;
import io.ocppbridge.core.Failures;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.logging.LogContext;
import io.ocppbridge.relay.ChargerRequestInfo;
import io.ocppbridge.relay.ChargerRequestRelay;
import jakarta.xml.ws.AsyncHandler;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.annotations.UseAsyncMethod;
import org.apache.cxf.jaxws.ServerAsyncResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
  /** Safety margin over the link's own timeout, which always completes the call first. */
  private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);

  private final ChargerRequestRelay relay;
  private final ChargerAccess access;
  private final Duration callTimeout;
  private final DeadlineSweep deadlines;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;
  /** Whether the chain it is published on has {@link QuietSuspension} after CXF's invoker. */
  private volatile boolean quietSuspension;

  /**
   * @param access the checks a request passes before it is relayed (null: none)
   * @param deadlines where each request's last-resort deadline (the call timeout and a margin)
   *     is kept
   */
  public OcppSoapEndpoint(ChargerRequestRelay relay, ChargerAccess access, Duration callTimeout,
      DeadlineSweep deadlines) {
    this.relay = relay;
    this.access = access;
    this.callTimeout = callTimeout;
    this.deadlines = deadlines;
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
   * is out, and no thread waits for the central system. The request leaves its interceptor chain
   * without CXF's stack trace ({@link QuietSuspension}).
   */
  public Future<?> invokeAsync(DOMSource request, AsyncHandler<DOMSource> handler) {
    if (quietSuspension) {
      QuietSuspension.takeOver(PhaseInterceptorChain.getCurrentMessage());
    }
    ServerAsyncResponse<DOMSource> response = new ServerAsyncResponse<>();
    relay(request).whenComplete((answer, failure) -> {
      if (failure != null) {
        response.exception(Failures.cause(failure));
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
    ChargerRequestInfo info = (ChargerRequestInfo) exchange.get(ExchangeKeys.REQUEST);
    String messageId = (String) exchange.get(ExchangeKeys.MESSAGE_ID);
    try (LogContext log = LogContext.open(info == null ? null : info.chargeBoxIdentity(),
        messageId)) {
      return relay(request, exchange, info, messageId);
    }
  }

  private CompletableFuture<DOMSource> relay(DOMSource request, Exchange exchange,
      ChargerRequestInfo info, String messageId) {
    String soapVersion = info == null ? "1.2" : info.soapVersion();
    Element payload = payloadElement(request);
    String namespace = payload != null && payload.getNamespaceURI() != null
        && payload.getNamespaceURI().startsWith("urn://Ocpp/")
        ? payload.getNamespaceURI() : OcppVersion.V1_5.centralSystemNamespace();
    String identity = info == null ? null : info.chargeBoxIdentity();
    CompletableFuture<DOMSource> relayed;
    if (draining) {
      relayed = CompletableFuture.failedFuture(OcppException.backendUnavailable(
          "the bridge is shutting down; send the request again in a moment", null));
    } else {
      // counted until its answer has been written (ResponseSentInterceptor), not merely known
      inFlight.incrementAndGet();
      exchange.put(ExchangeKeys.IN_FLIGHT, this);
      relayed = relay(exchange, info, payload);
    }
    return deadlines.bound(relayed, callTimeout.plus(WAIT_MARGIN))
        .handle((answer, failure) -> {
          if (failure == null) {
            return answer;
          }
          OcppException e = asOcppException(Failures.cause(failure));
          // RefusalRecorder logs and counts it, with this origin
          exchange.put(ExchangeKeys.FAILURE, e);
          throw SoapFaults.toFault(e, soapVersion, namespace);
        });
  }

  /** The chain this endpoint is published on has {@link QuietSuspension} after CXF's invoker. */
  void suspendQuietly() {
    quietSuspension = true;
  }

  /** True once the bridge has started stopping: new requests are refused. */
  public boolean isDraining() {
    return draining;
  }

  /** The answer to a counted request has been written to the charger. */
  void answered() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (inFlight) {
        inFlight.notifyAll();
      }
    }
  }

  /**
   * Stops taking new requests (they get a Receiver fault saying the bridge is shutting down) and
   * waits up to {@code grace} for those in flight. Returns how many were still in flight.
   */
  public int drain(Duration grace) throws InterruptedException {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (inFlight) {
      while (inFlight.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        inFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
    return inFlight.get();
  }

  private CompletableFuture<DOMSource> relay(Exchange exchange, ChargerRequestInfo info,
      Element payload) {
    relay.recognise(payload).ifPresent(action ->
        exchange.put(ExchangeKeys.RESPONSE_ACTION, action.soapResponseAction()));
    Object identityRefusal = exchange.get(ExchangeKeys.IDENTITY_REFUSAL);
    if (identityRefusal != null) {
      return CompletableFuture.failedFuture(
          new OcppException(OcppErrorCode.PROTOCOL_ERROR, identityRefusal.toString()));
    }
    if (access != null && info != null && info.chargeBoxIdentity() != null
        && !info.chargeBoxIdentity().isBlank()) {
      try {
        @SuppressWarnings("unchecked")
        Optional<BasicCredentials> credentials = (Optional<BasicCredentials>) exchange
            .getOrDefault(ExchangeKeys.CREDENTIALS, Optional.empty());
        access.admit(info.chargeBoxIdentity().trim(), info.peerAddress(), credentials);
      } catch (AccessRefused e) {
        if (e.challenge()) {
          exchange.put(ExchangeKeys.CHALLENGE, Boolean.TRUE);
        }
        return CompletableFuture.failedFuture(e);
      }
    }
    return relay.relay(info, payload).thenApply(DOMSource::new);
  }

  private OcppException asOcppException(Throwable failure) {
    if (failure instanceof OcppException o) {
      return o;
    }
    if (failure instanceof TimeoutException) {
      LOG.warn("a charger request was still unsettled {} after the call timeout; answered with"
          + " a timeout fault (the link should have failed it first)", Durations.text(WAIT_MARGIN));
      return OcppException.backendUnavailable("no answer from the central system within "
          + Durations.text(callTimeout), null);
    }
    LOG.error("unexpected failure relaying a charger request", failure);
    return new OcppException(OcppErrorCode.INTERNAL_ERROR, "internal error in the bridge");
  }

  private static RuntimeException asRuntime(Throwable t) {
    Throwable c = Failures.cause(t);
    return c instanceof RuntimeException r ? r : new IllegalStateException(c);
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
}
