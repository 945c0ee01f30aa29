package io.ocppbridge.soap;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * The last step of an answer, fault or not: it has been written to the charger. Only then does
 * the endpoint stop counting the request as in flight, so a graceful shutdown never closes the
 * listener under an answer still being written.
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
    Object endpoint = message.getExchange().remove(ExchangeKeys.IN_FLIGHT);
    if (endpoint instanceof OcppSoapEndpoint counting) {
      counting.answered();
    }
  }
}
