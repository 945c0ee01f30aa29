package io.ocppbridge.soap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.cxf.continuations.ContinuationProvider;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.transport.http.Servlet3ContinuationProvider;

/**
 * Has CXF suspend a request through the SOAP message the chain runs on, not through the HTTP
 * message it was copied from.
 *
 * <p>CXF's HTTP destination makes the request's continuation provider with the HTTP message.
 * The SOAP binding then copies that message into the SOAP message the interceptors see, and
 * the copy keeps the provider. When the endpoint suspends, the provider reads a setting from
 * its message's context; that builds the message's whole context (bus, service, endpoint,
 * exchange and message properties: some fifty entries in a new map) a second time, for the
 * HTTP message nobody else reads. That was 1.7 % of the CPU of a relayed request at a thousand
 * chargers. The provider does nothing with its message but reach the exchange, which both
 * messages share, and read that setting, which both hold; so this interceptor, just before the
 * endpoint runs, gives the SOAP message a provider of its own, made with it. That provider is the
 * bridge's {@link DirectResumption}, which reads no setting at all and resumes the request
 * without a second servlet dispatch.
 */
final class SuspensionOnSoapMessage extends AbstractPhaseInterceptor<Message> {

  SuspensionOnSoapMessage() {
    super(Phase.PRE_INVOKE);
  }

  @Override
  public void handleMessage(Message message) {
    if (!(message.get(ContinuationProvider.class) instanceof Servlet3ContinuationProvider)) {
      return; // none, or another transport's
    }
    Object request = message.get(AbstractHTTPDestination.HTTP_REQUEST);
    Object response = message.get(AbstractHTTPDestination.HTTP_RESPONSE);
    if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp) {
      message.put(ContinuationProvider.class.getName(), new DirectResumption(req, resp, message));
    }
  }
}
