package io.ocppbridge.soap;

import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppVersion;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Gives every fault the bridge sends the shape its own faults have, including those CXF raises
 * before the endpoint sees the request (not XML, no envelope, a body CXF cannot read):
 * <ul>
 *   <li>in the SOAP version of the request: a {@code text/xml} request is SOAP 1.1 even when its
 *       body could not be read far enough to tell;
 *   <li>with an OCPP code: FormationViolation for a Sender fault, InternalError for a Receiver
 *       fault (whose text is then replaced: it may carry an internal exception message);
 *   <li>a request that is no SOAP envelope at all gets Code {@code VersionMismatch} (SOAP 1.2
 *       part 1, 5.4.6) instead of CXF's Receiver.
 * </ul>
 */
final class FaultNormalizer extends AbstractSoapInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(FaultNormalizer.class);
  private static final String OCPP_NS = OcppVersion.V1_5.centralSystemNamespace();

  private final int senderStatus;

  /**
   * @param senderStatus the HTTP status of a SOAP 1.2 Sender fault
   *     ({@code soap.senderFaultStatus})
   */
  FaultNormalizer(int senderStatus) {
    super(Phase.PRE_LOGICAL);
    this.senderStatus = senderStatus;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    normalize(message);
    setStatus(message);
  }

  /**
   * The SOAP 1.2 HTTP binding answers a Sender fault with 400 ({@code soap.senderFaultStatus})
   * and a Receiver fault with 500; SOAP 1.1 answers every fault with 500 (CXF's default, kept).
   */
  private void setStatus(SoapMessage message) {
    if (message.getContent(Exception.class) instanceof Fault fault
        && message.getVersion() != Soap11.getInstance()
        && "Sender".equals(codeOf(fault))) {
      fault.setStatusCode(senderStatus);
      message.put(Message.RESPONSE_CODE, senderStatus);
    }
  }

  /** The local name of a fault's code: the endpoint's own faults carry it in their SAAJ fault. */
  private static String codeOf(Fault fault) {
    if (fault.getCause() instanceof jakarta.xml.ws.soap.SOAPFaultException own
        && own.getFault() != null && own.getFault().getFaultCodeAsQName() != null) {
      return own.getFault().getFaultCodeAsQName().getLocalPart();
    }
    return fault.getFaultCode() == null ? null : fault.getFaultCode().getLocalPart();
  }

  private void normalize(SoapMessage message) {
    if (!(message.getContent(Exception.class) instanceof Fault raised)) {
      return;
    }
    Fault fault = brokenDocument(message, raised);
    if (requestWasSoap11(message) && message.getVersion() != Soap11.getInstance()) {
      message.setVersion(Soap11.getInstance());
      message.put(Message.CONTENT_TYPE, "text/xml; charset=UTF-8");
      Message in = message.getExchange().getInMessage();
      if (in instanceof SoapMessage soapIn) {
        soapIn.setVersion(Soap11.getInstance());
      }
    }
    if (fault.getCause() instanceof jakarta.xml.ws.soap.SOAPFaultException) {
      return; // the endpoint's own fault, complete already
    }
    SoapVersion version = message.getVersion();
    String originalCode = fault.getFaultCode() == null ? "" : fault.getFaultCode().getLocalPart();
    if ("MustUnderstand".equals(originalCode)) {
      return; // a SOAP processing fault with its own code; no OCPP code belongs to it
    }
    SoapFault soapFault = SoapFault.createFault(fault, version);
    if ("VersionMismatch".equals(originalCode)) {
      soapFault.setFaultCode(version.getVersionMismatch());
      soapFault.setSubCodes(null);
    } else if (version == Soap11.getInstance() && soapFault.getSubCodes() != null
        && !soapFault.getSubCodes().isEmpty() && soapFault.getDetail() == null) {
      // SOAP 1.1 has no subcodes: the OCPP code goes to the detail, as in the bridge's faults;
      // a fault raised before the version was known names its code the SOAP 1.2 way
      soapFault.setFaultCode("Receiver".equals(originalCode) || "Server".equals(originalCode)
          ? version.getReceiver() : version.getSender());
      OcppErrorCode.parse(soapFault.getSubCodes().get(0).getLocalPart())
          .ifPresent(c -> addOcppCode(soapFault, version, c));
      soapFault.setSubCodes(null);
    } else if (!hasOcppCode(soapFault)) {
      QName code = soapFault.getFaultCode();
      boolean sender = code == null || !"Receiver".equals(code.getLocalPart())
          && !"Server".equals(code.getLocalPart());
      if ((fault.getCause() instanceof NullPointerException
          || fault.getCause() instanceof java.util.NoSuchElementException) && noBody(message)) {
        // CXF fails this way on an envelope without a Body: the charger's defect, not ours
        sender = true;
        soapFault.setMessage("the SOAP body is missing or empty");
      }
      soapFault.setFaultCode(sender ? version.getSender() : version.getReceiver());
      if (!sender) {
        LOG.warn("internal error answering a request: {}", fault.getMessage(), fault);
        soapFault.setMessage("internal error in the bridge");
      }
      addOcppCode(soapFault, version, sender
          ? OcppErrorCode.FORMATION_VIOLATION : OcppErrorCode.INTERNAL_ERROR);
    }
    message.setContent(Exception.class, soapFault);
  }

  /**
   * A request CXF could not read, or refused for something it met first, whose document is
   * broken: the charger is told what is broken in it (the refusal a check before reading would
   * have given), not what CXF made of it.
   */
  private static Fault brokenDocument(SoapMessage message, Fault fault) {
    if (fault.getCause() instanceof jakarta.xml.ws.soap.SOAPFaultException) {
      return fault;
    }
    DocumentCheck check = DocumentCheck.of(
        message.getExchange() == null ? null : message.getExchange().getInMessage());
    String problem = check == null ? null : check.finish();
    if (problem == null) {
      return fault;
    }
    Fault refused = WellFormedInterceptor.refused(problem);
    message.setContent(Exception.class, refused);
    return refused;
  }

  private static boolean noBody(SoapMessage message) {
    Message in = message.getExchange() == null ? null : message.getExchange().getInMessage();
    java.util.List<Object> contents = in == null ? null
        : org.apache.cxf.message.MessageContentsList.getContentsList(in);
    return contents == null || contents.isEmpty() || contents.get(0) == null;
  }

  private static boolean requestWasSoap11(SoapMessage message) {
    Message in = message.getExchange() == null ? null : message.getExchange().getInMessage();
    Object type = in == null ? null : in.get(Message.CONTENT_TYPE);
    return type != null && type.toString().toLowerCase().startsWith("text/xml");
  }

  private static boolean hasOcppCode(SoapFault fault) {
    List<QName> subcodes = fault.getSubCodes();
    if (subcodes != null && !subcodes.isEmpty()) {
      return true;
    }
    return fault.getDetail() != null && fault.getDetail().getFirstChild() != null;
  }

  private static void addOcppCode(SoapFault fault, SoapVersion version, OcppErrorCode code) {
    if (version == Soap11.getInstance()) {
      Document doc = detailDocument(fault);
      Element errorCode = doc.createElementNS(OCPP_NS, "tns:errorCode");
      errorCode.setTextContent(code.wireName());
      fault.getOrCreateDetail().appendChild(doc.importNode(errorCode, true));
    } else {
      fault.setSubCodes(List.of(new QName(OCPP_NS, code.wireName(), "tns")));
    }
  }

  private static Document detailDocument(SoapFault fault) {
    return fault.getOrCreateDetail().getOwnerDocument();
  }
}
