package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.continuations.Continuation;
import org.apache.cxf.continuations.ContinuationProvider;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.transport.http.Servlet3ContinuationProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link SuspensionOnSoapMessage}: a request is suspended through the SOAP message the chain
 * runs on, and the HTTP message it was copied from is not asked for its context again.
 */
class SuspensionOnSoapMessageTest {

  /** The HTTP message as CXF's destination makes it, counting what reads its context. */
  private static final class HttpMessage extends MessageImpl {
    private static final long serialVersionUID = 1L;
    int contextReads;

    @Override
    public Object getContextualProperty(String key) {
      contextReads++;
      return super.getContextualProperty(key);
    }
  }

  /** A servlet request that records the methods called on it, and starts async cycles. */
  private static final class Request {
    final List<String> calls = new ArrayList<>();
    final HttpServletRequest proxy = (HttpServletRequest) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
        (self, method, args) -> {
          calls.add(method.getName());
          if (method.getName().equals("startAsync")) {
            return Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AsyncContext.class}, (c, m, a) -> null);
          }
          return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
        });
  }

  private final Request request = new Request();
  private final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
      getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
      (self, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);
  private final HttpMessage http = new HttpMessage();
  private final Exchange exchange = new ExchangeImpl();

  /** Sets up the request as CXF has it when the endpoint is about to run. */
  private SoapMessage soapMessageAsCxfMakesIt() {
    http.setExchange(exchange);
    exchange.setInMessage(http);
    http.put(AbstractHTTPDestination.HTTP_REQUEST, request.proxy);
    http.put(AbstractHTTPDestination.HTTP_RESPONSE, response);
    http.put(ContinuationProvider.class.getName(),
        new Servlet3ContinuationProvider(request.proxy, response, http));
    SoapMessage soap = new SoapMessage(http);
    soap.setExchange(exchange);
    exchange.setInMessage(soap);
    soap.getContextualProperty("built by the interceptors before the endpoint");
    return soap;
  }

  /**
   * Verifies that, with the interceptor, suspending starts the request's async cycle through the
   * SOAP message, and the HTTP message's context is never built.
   */
  @Test
  void suspendsThroughTheSoapMessage() {
    // GIVEN a request as CXF hands it to the interceptors before the endpoint
    SoapMessage soap = soapMessageAsCxfMakesIt();
    Object httpProvider = soap.get(ContinuationProvider.class);

    // WHEN the interceptor has run and the endpoint asks for the continuation and suspends
    new SuspensionOnSoapMessage().handleMessage(soap);
    Continuation continuation = soap.get(ContinuationProvider.class).getContinuation();

    // THEN a provider of the SOAP message's own gave it, the async cycle started once, and the
    // HTTP message was not asked for its context
    assertThat(soap.get(ContinuationProvider.class)).isNotSameAs(httpProvider)
        .isInstanceOf(DirectResumption.class);
    assertThat(continuation).isNotNull();
    assertThat(continuation.isNew()).isTrue();
    assertThat(request.calls).containsOnlyOnce("startAsync");
    assertThat(http.contextReads).isZero();
  }

  /** Verifies the control: without the interceptor, suspending builds the HTTP message's context. */
  @Test
  void withoutItTheHttpMessageContextIsBuiltAgain() {
    // GIVEN the same request, and no interceptor
    SoapMessage soap = soapMessageAsCxfMakesIt();

    // WHEN the endpoint asks for the continuation
    Continuation continuation = soap.get(ContinuationProvider.class).getContinuation();

    // THEN CXF's own provider read the HTTP message's context
    assertThat(continuation).isNotNull();
    assertThat(http.contextReads).isEqualTo(1);
  }

  /** Verifies that a request of another transport (no servlet continuation) is left as it is. */
  @Test
  void leavesOtherProvidersAlone() {
    // GIVEN a message whose provider is not a servlet one
    SoapMessage soap = new SoapMessage(new MessageImpl());
    ContinuationProvider other = (ContinuationProvider) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {ContinuationProvider.class},
        (self, method, args) -> null);
    soap.put(ContinuationProvider.class.getName(), other);

    // WHEN the interceptor runs
    new SuspensionOnSoapMessage().handleMessage(soap);

    // THEN the provider is the same
    assertThat(soap.get(ContinuationProvider.class)).isSameAs(other);
  }
}
