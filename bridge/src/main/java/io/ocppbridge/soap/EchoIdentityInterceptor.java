package io.ocppbridge.soap;

import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.apache.cxf.ws.addressing.EndpointReferenceUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes answers and faults in the echo-identity style when {@link AnswerStyles} says so: the
 * charger's {@code chargeBoxIdentity} header comes back under the name it was sent with, and
 * {@code wsa:To} is the charger's own {@code wsa:From} address (SOAP stacks that match answers
 * to requests this way drop any other answer).
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
    AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, true, false);
    if (maps != null && facts.from() != null) {
      maps.setTo(EndpointReferenceUtils.getEndpointReference(facts.from()));
    }
    for (Header h : message.getHeaders()) {
      if (h.getName().equals(facts.identityHeader())
          && h.getDirection() != Header.Direction.DIRECTION_IN) {
        return; // written already (an out-fault chain after an out chain)
      }
    }
    Document doc = DOMUtils.createDocument();
    Element identity = doc.createElementNS(facts.identityHeader().getNamespaceURI(),
        "cs:" + facts.identityHeader().getLocalPart());
    identity.setTextContent(facts.identity());
    SoapHeader header = new SoapHeader(facts.identityHeader(), identity);
    header.setDirection(Header.Direction.DIRECTION_OUT);
    message.getHeaders().add(header);
  }
}
