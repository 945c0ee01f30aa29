package io.ocppbridge.soap;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * A request that is no SOAP envelope at all ({@code <foo/>}) gets the fault SOAP 1.2 prescribes
 * for it (part 1, 5.4.6): Code {@code VersionMismatch}. CXF would answer Code Receiver with
 * VersionMismatch as a subcode, which tells the charger the bridge is at fault.
 */
final class EnvelopeFaultInterceptor extends AbstractSoapInterceptor {

  EnvelopeFaultInterceptor() {
    super(Phase.PRE_LOGICAL);
  }

  @Override
  public void handleMessage(SoapMessage message) {
    if (message.getContent(Exception.class) instanceof Fault fault
        && fault.getFaultCode() != null
        && "VersionMismatch".equals(fault.getFaultCode().getLocalPart())) {
      SoapFault soapFault = SoapFault.createFault(fault, message.getVersion());
      soapFault.setFaultCode(message.getVersion().getVersionMismatch());
      soapFault.setSubCodes(null);
      message.setContent(Exception.class, soapFault);
    }
  }
}
