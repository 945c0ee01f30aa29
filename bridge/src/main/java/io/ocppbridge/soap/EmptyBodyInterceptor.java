package io.ocppbridge.soap;

import io.ocppbridge.core.OcppVersion;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.phase.Phase;

/**
 * A request whose SOAP Body is missing or empty never reaches the endpoint (CXF would fail on it
 * with an internal error): it is a FormationViolation of the charger's.
 */
final class EmptyBodyInterceptor extends AbstractSoapInterceptor {

  EmptyBodyInterceptor() {
    super(Phase.PRE_INVOKE);
  }

  @Override
  public void handleMessage(SoapMessage message) {
    List<Object> contents = MessageContentsList.getContentsList(message);
    if (contents == null || contents.isEmpty() || contents.get(0) == null) {
      SoapFault fault = new SoapFault("the SOAP body is missing or empty",
          message.getVersion().getSender());
      fault.setSubCodes(List.of(new QName(OcppVersion.V1_5.centralSystemNamespace(),
          "FormationViolation", "tns")));
      throw fault;
    }
  }
}
