package io.ocppbridge.soap;

import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * Addresses the answer to a request that used WS-Addressing ({@link AddressingHeaderWriter}):
 * {@code wsa:Action} is {@code /<Action>Response}, faults included (the 1.2 WSDLs declare no
 * output actions, and a Provider endpoint knows no operations), or WS-Addressing's fault action
 * when the operation was never recognised; {@code wsa:RelatesTo} only when the request had a
 * MessageID. A request without WS-Addressing is answered without it.
 */
final class ResponseAddressingInterceptor extends AbstractSoapInterceptor {

  ResponseAddressingInterceptor() {
    super(Phase.PRE_LOGICAL);
  }

  @Override
  public void handleMessage(SoapMessage message) {
    if (!(message.getExchange().get(ExchangeKeys.ADDRESSING) instanceof RequestAddressing req)) {
      return;
    }
    Object responseAction = message.getExchange().get(ExchangeKeys.RESPONSE_ACTION);
    String action = responseAction instanceof String a
        ? a : AddressingHeaderWriter.FAULT_ACTION;
    List<Header> headers = message.getHeaders();
    // an out-fault chain after a failed out chain: address the fault instead
    headers.removeIf(h -> h.getDirection() == Header.Direction.DIRECTION_OUT
        && req.namespace().equals(h.getName().getNamespaceURI()));
    for (Element e : AddressingHeaderWriter.answerHeaders(req, action)) {
      SoapHeader header = new SoapHeader(new QName(e.getNamespaceURI(), e.getLocalName()), e);
      header.setDirection(Header.Direction.DIRECTION_OUT);
      headers.add(header);
    }
  }
}
