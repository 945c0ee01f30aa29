package io.ocppbridge.soap;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Answers a fault for missing or wrong basic authentication with HTTP 401 and a
 * {@code WWW-Authenticate} challenge (RFC 7235), so that a charger or an HTTP tool sees an
 * authentication failure at the HTTP level too, not only in the SOAP fault.
 */
final class ChallengeInterceptor extends AbstractPhaseInterceptor<Message> {

  ChallengeInterceptor() {
    super(Phase.PRE_LOGICAL);
  }

  @Override
  public void handleMessage(Message message) {
    if (message.getExchange() == null
        || !Boolean.TRUE.equals(message.getExchange().get(ExchangeKeys.CHALLENGE))) {
      return;
    }
    // CXF takes a fault's HTTP status from the Fault itself (default 500)
    if (message.getContent(Exception.class) instanceof Fault fault) {
      fault.setStatusCode(401);
    }
    message.put(Message.RESPONSE_CODE, 401);
    @SuppressWarnings("unchecked")
    Map<String, List<String>> headers =
        (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
    if (headers == null) {
      headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      message.put(Message.PROTOCOL_HEADERS, headers);
    }
    headers.put("WWW-Authenticate", List.of("Basic realm=\"ocpp\", charset=\"UTF-8\""));
  }
}
