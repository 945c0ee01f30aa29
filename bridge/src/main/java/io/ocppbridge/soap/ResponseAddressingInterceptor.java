package io.ocppbridge.soap;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.apache.cxf.ws.addressing.MAPAggregator;

/**
 * Sets the response's {@code wsa:Action} to {@code /<Action>Response}, faults included (the 1.2
 * WSDLs declare no output actions, and a Provider endpoint knows no operations), and drops the
 * {@code wsa:RelatesTo} that would point at a MessageID the bridge invented.
 */
final class ResponseAddressingInterceptor extends AbstractPhaseInterceptor<Message> {

  private static final String SOAP_FAULT_ACTION =
      "http://www.w3.org/2005/08/addressing/soap/fault";

  ResponseAddressingInterceptor() {
    super(Phase.PRE_LOGICAL);
    addAfter(MAPAggregator.class.getName());
  }

  @Override
  public void handleMessage(Message message) {
    AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, true, false);
    if (maps == null) {
      return;
    }
    Object action = message.getExchange().get(ExchangeKeys.RESPONSE_ACTION);
    if (action instanceof String a) {
      maps.setAction(ContextUtils.getAttributedURI(a));
    } else if (maps.getAction() == null || maps.getAction().getValue() == null
        || maps.getAction().getValue().isEmpty()) {
      // The operation was never recognised: WS-Addressing's own action for faults.
      maps.setAction(ContextUtils.getAttributedURI(SOAP_FAULT_ACTION));
    }
    if (Boolean.TRUE.equals(message.getExchange().get(ExchangeKeys.INVENTED_MESSAGE_ID))) {
      maps.setRelatesTo(null);
    }
  }
}
