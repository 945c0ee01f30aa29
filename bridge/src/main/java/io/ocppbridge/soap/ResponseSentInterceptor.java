package io.ocppbridge.soap;

import org.apache.cxf.continuations.ContinuationProvider;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * The last step of an answer, fault or not: it has been written to the charger. Only then does
 * the endpoint stop counting the request as in flight, so a graceful shutdown never closes the
 * listener under an answer still being written.
 *
 * <p>The answer of a suspended request is written in the request's second dispatch, which
 * Jetty completes when it returns; CXF would still complete the asynchronous cycle once more,
 * which Jetty refuses with an exception built, with its state text, for every request. The
 * request forgets its continuation here, so CXF leaves that to Jetty.
 */
final class ResponseSentInterceptor extends AbstractPhaseInterceptor<Message> {

  ResponseSentInterceptor() {
    super(Phase.SETUP_ENDING);
  }

  @Override
  public void handleMessage(Message message) {
    done(message);
  }

  @Override
  public void handleFault(Message message) {
    done(message);
  }

  private static void done(Message message) {
    Message request = message.getExchange().getInMessage();
    if (request != null) {
      request.remove(ContinuationProvider.class.getName());
    }
    Object endpoint = message.getExchange().remove(ExchangeKeys.IN_FLIGHT);
    if (endpoint instanceof OcppSoapEndpoint counting) {
      counting.answered();
    }
  }
}
