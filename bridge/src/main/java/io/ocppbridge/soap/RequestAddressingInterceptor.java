package io.ocppbridge.soap;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Reads a request's WS-Addressing headers ({@link AddressingHeaderReader}) and keeps them on the
 * exchange for the endpoint and for the answer's headers ({@link ResponseAddressingInterceptor}).
 * It declares the headers it reads understood, so a {@code mustUnderstand} on them is honoured
 * (ocppjs marks every header so). Headers it refuses are answered with a Sender fault whose
 * subcode is the WS-Addressing fault (in the 2005/08 namespace, as CXF's addressing layer
 * answered before), itself addressed from what could be read.
 *
 * <p>The bridge reads and writes addressing itself instead of through CXF's WS-Addressing
 * feature, which cost 6-9 % of the CPU per relayed request (docs/performance.md) for properties
 * the bridge mostly does not use, and which had to be repaired before it judged real chargers'
 * requests (no MessageID, a non-anonymous ReplyTo).
 */
final class RequestAddressingInterceptor extends AbstractSoapInterceptor {

  RequestAddressingInterceptor() {
    super(Phase.PRE_PROTOCOL);
    // after the headers are read and repaired, before CXF checks mustUnderstand, so that even
    // a MustUnderstand fault is answered with addressing
    addAfter(NonConformantRequestRepair.class.getName());
    addBefore(LeanMustUnderstand.class.getName());
  }

  @Override
  public Set<QName> getUnderstoodHeaders() {
    return AddressingHeaderReader.UNDERSTOOD;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    try {
      RequestAddressing read = AddressingHeaderReader.read(message.getHeaders());
      if (read != null) {
        message.getExchange().put(ExchangeKeys.ADDRESSING, read);
      }
    } catch (AddressingHeaderReader.Refused e) {
      message.getExchange().put(ExchangeKeys.ADDRESSING, e.read());
      SoapFault fault = new SoapFault(e.getMessage(), message.getVersion().getSender());
      fault.setSubCode(new QName(SoapNamespaces.WSA_2005, e.subcode()));
      throw fault;
    }
  }
}
