package io.ocppbridge.soap;

import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes answers and faults in the echo-identity style when {@link AnswerStyles} says so: the
 * charger's {@code chargeBoxIdentity} header comes back under the name it was sent with, first
 * among the headers, and {@code wsa:To} is the charger's own {@code wsa:From} address (SOAP
 * stacks that match answers to requests this way drop any other answer).
 */
final class EchoIdentityInterceptor extends AbstractSoapInterceptor {

  private final AnswerStyles styles;

  EchoIdentityInterceptor(AnswerStyles styles) {
    super(Phase.PRE_LOGICAL);
    addAfter(ResponseAddressingInterceptor.class.getName());
    this.styles = styles;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    if (!(message.getExchange().get(ExchangeKeys.EARLY_FACTS) instanceof EarlyRequestFacts facts)
        || !styles.echo(facts)) {
      return;
    }
    boolean identityWritten = false;
    for (Header h : message.getHeaders()) {
      if (h.getDirection() == Header.Direction.DIRECTION_IN) {
        continue;
      }
      if (facts.from() != null && "To".equals(h.getName().getLocalPart())
          && h.getObject() instanceof Element to
          && message.getExchange().get(ExchangeKeys.ADDRESSING) instanceof RequestAddressing a
          && a.namespace().equals(h.getName().getNamespaceURI())) {
        to.setTextContent(facts.from());
      }
      // written already when an out-fault chain follows an out chain
      identityWritten |= h.getName().equals(facts.identityHeader());
    }
    if (identityWritten) {
      return;
    }
    Document doc = DOMUtils.createDocument();
    Element identity = doc.createElementNS(facts.identityHeader().getNamespaceURI(),
        "cs:" + facts.identityHeader().getLocalPart());
    identity.setTextContent(facts.identity());
    SoapHeader header = new SoapHeader(facts.identityHeader(), identity);
    header.setDirection(Header.Direction.DIRECTION_OUT);
    message.getHeaders().add(0, header);
  }
}
