package io.ocppbridge.sim;

import io.ocppbridge.soap.Ports;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.translate.SecureXml;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http_jetty.JettyHTTPDestination;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.apache.cxf.ws.addressing.EndpointReferenceType;
import org.apache.cxf.ws.addressing.MAPAggregator;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A legacy charger's own SOAP server: the ChargePointService of OCPP 1.2
 * ({@code urn://Ocpp/Cp/2010/08/}) and 1.5 ({@code urn://Ocpp/Cp/2012/06/}) on one path, SOAP 1.1
 * and 1.2, with or without WS-Addressing, answering every operation through a reply function
 * ({@link SensibleChargePointAnswers} unless a test gives its own) and recording every request.
 * This is where the bridge posts the central system's operations (the URL a charger advertises
 * in {@code wsa:From}).
 */
public final class SimulatedChargePointServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedChargePointServer.class);
  /** The exchange property carrying the response's {@code wsa:Action}. */
  private static final String RESPONSE_ACTION = "io.ocppbridge.sim.responseAction";
  private static final SOAPFactory SOAP11 = soapFactory(SOAPConstants.SOAP_1_1_PROTOCOL);
  private static final SOAPFactory SOAP12 = soapFactory(SOAPConstants.SOAP_1_2_PROTOCOL);

  private final Bus bus;
  private final Server server;
  private final URI url;
  private final List<ReceivedSoapCall> received = new CopyOnWriteArrayList<>();
  private final DocumentBuilderFactory xml = SecureXml.documentBuilderFactory();
  private volatile Function<ReceivedSoapCall, ChargePointReply> replies =
      new SensibleChargePointAnswers();
  private volatile Consumer<ReceivedSoapCall> listener = call -> { };

  /**
   * Starts on {@code host:port} (0 picks a free port).
   *
   * @param path the HTTP path, e.g. {@code /ocpp}
   */
  public SimulatedChargePointServer(String host, int port, String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("the path must start with '/': " + path);
    }
    this.bus = BusFactory.newInstance().createBus();
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(new ChargePointEndpoint());
    factory.setServiceClass(ChargePointEndpoint.class);
    factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    factory.setAddress("http://" + host + ":" + Ports.concrete(host, port) + path);
    // Enabled explicitly: the bridge marks its addressing headers mustUnderstand.
    WSAddressingFeature addressing = new WSAddressingFeature();
    addressing.setAddressingRequired(false);
    factory.setFeatures(List.of(addressing));
    factory.getInInterceptors().add(new UnderstandsChargeBoxIdentity());
    ResponseActionInterceptor responseAction = new ResponseActionInterceptor();
    factory.getOutInterceptors().add(responseAction);
    factory.getOutFaultInterceptors().add(responseAction);
    this.server = factory.create();
    int bound = Ports.bound((JettyHTTPDestination) server.getDestination(), port);
    String shownHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    this.url = URI.create("http://" + shownHost + ":" + bound + path);
  }

  /** The charger's callback URL (with the real port when 0 was given). */
  public URI url() {
    return url;
  }

  /** Every request received so far, in arrival order. */
  public List<ReceivedSoapCall> received() {
    return List.copyOf(received);
  }

  public void clearReceived() {
    received.clear();
  }

  /**
   * Tells this listener about every request as it arrives, before it is answered, on the server's
   * thread (replaces the previous listener; keep it short).
   */
  public void onReceived(Consumer<ReceivedSoapCall> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Replaces the reply function for requests from now on. */
  public void replyWith(Function<ReceivedSoapCall, ChargePointReply> replies) {
    this.replies = replies;
  }

  @Override
  public void close() {
    server.stop();
    server.destroy();
    bus.shutdown(true);
  }

  /** Every ChargePointService operation of every version, recognised by its body element. */
  @WebServiceProvider(serviceName = "SimulatedChargePoint",
      portName = "SimulatedChargePointPort", targetNamespace = "urn://ocppbridge.io/sim")
  @ServiceMode(Service.Mode.PAYLOAD)
  private final class ChargePointEndpoint implements Provider<DOMSource> {

    @Override
    public DOMSource invoke(DOMSource request) {
      SoapMessage message = (SoapMessage) PhaseInterceptorChain.getCurrentMessage();
      String soapVersion = message.getVersion() instanceof Soap12 ? "1.2" : "1.1";
      Element payload = payloadElement(request);
      if (payload == null) {
        throw fault(soapVersion, OcppVersion.V1_5.chargePointNamespace(),
            OcppErrorCode.FORMATION_VIOLATION, "the SOAP body is empty");
      }
      ReceivedSoapCall call = describe(message, soapVersion, payload);
      received.add(call);
      notifyListener(call);
      LOG.info("[{}] simulated charge point received {} (OCPP {}, SOAP {})",
          call.chargeBoxIdentity(), call.actionName(),
          call.version() == null ? "?" : call.version().label(), soapVersion);
      if (call.action() != null) {
        message.getExchange().put(RESPONSE_ACTION, call.action().soapResponseAction());
      }
      String namespace = call.version() != null ? call.version().chargePointNamespace()
          : OcppVersion.V1_5.chargePointNamespace();
      ChargePointReply reply = replies.apply(call);
      if (reply == null) {
        throw fault(soapVersion, namespace, OcppErrorCode.INTERNAL_ERROR,
            "the simulated charge point has no reply for " + call.actionName());
      }
      if (reply.isFault()) {
        throw fault(soapVersion, namespace, reply.faultCode(), reply.faultReason());
      }
      return new DOMSource(parse(reply.payloadXml()));
    }
  }

  private void notifyListener(ReceivedSoapCall call) {
    try {
      listener.accept(call);
    } catch (RuntimeException e) {
      LOG.warn("[{}] the listener failed on {}: {}", call.chargeBoxIdentity(), call.actionName(),
          e.toString());
    }
  }

  private static ReceivedSoapCall describe(SoapMessage message, String soapVersion,
      Element payload) {
    OcppVersion version = OcppVersion.ofChargePointNamespace(payload.getNamespaceURI())
        .orElse(null);
    OcppAction action = version == null ? null : OcppAction.ofRequestElement(
        payload.getLocalName(), version, Initiator.CENTRAL_SYSTEM).orElse(null);
    return new ReceivedSoapCall(action, version, payload.getLocalName(),
        chargeBoxIdentity(message), SoapChargerSimulator.toText(new DOMSource(payload)),
        soapVersion, addressing(message));
  }

  private static String chargeBoxIdentity(SoapMessage message) {
    for (Header h : message.getHeaders()) {
      if (UnderstandsChargeBoxIdentity.HEADERS.contains(h.getName())
          && h.getObject() instanceof Element e) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static ReceivedSoapCall.Addressing addressing(Message message) {
    AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, false, false);
    if (maps == null) {
      return null;
    }
    return new ReceivedSoapCall.Addressing(maps.getNamespaceURI(),
        maps.getTo() == null ? null : maps.getTo().getValue(),
        maps.getAction() == null ? null : maps.getAction().getValue(),
        maps.getMessageID() == null ? null : maps.getMessageID().getValue(),
        address(maps.getFrom()), address(maps.getReplyTo()));
  }

  private static String address(EndpointReferenceType epr) {
    return epr == null || epr.getAddress() == null ? null : epr.getAddress().getValue();
  }

  private static Element payloadElement(DOMSource source) {
    Node node = source == null ? null : source.getNode();
    if (node instanceof Document d) {
      return d.getDocumentElement();
    }
    return node instanceof Element e ? e : null;
  }

  private Document parse(String payloadXml) {
    try {
      return newDocumentBuilder().parse(new InputSource(new StringReader(payloadXml)));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("the reply is not well-formed XML: " + e.getMessage(),
          e);
    }
  }

  /** A factory is not guaranteed thread-safe; the builders it makes are used by one call. */
  private synchronized javax.xml.parsers.DocumentBuilder newDocumentBuilder() {
    try {
      return xml.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A fault in the request's SOAP version, the way the bridge reads them: SOAP 1.2 Code
   * Sender/Receiver with the OCPP code as Subcode; SOAP 1.1 Client/Server with the OCPP code as
   * {@code <errorCode>} in the detail.
   */
  private static SOAPFaultException fault(String soapVersion, String namespace,
      OcppErrorCode code, String reason) {
    try {
      QName ocppCode = new QName(namespace, code.wireName(), "tns");
      String text = reason == null ? code.wireName() : reason;
      SOAPFault fault;
      if ("1.2".equals(soapVersion)) {
        fault = SOAP12.createFault(text, code.isSenderFault()
            ? SOAPConstants.SOAP_SENDER_FAULT : SOAPConstants.SOAP_RECEIVER_FAULT);
        fault.appendFaultSubcode(ocppCode);
      } else {
        fault = SOAP11.createFault(text, new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE,
                code.isSenderFault() ? "Client" : "Server", "soap"));
        Detail detail = fault.addDetail();
        detail.addDetailEntry(new QName(namespace, "errorCode", "tns"))
            .addTextNode(code.wireName());
      }
      return new SOAPFaultException(fault);
    } catch (SOAPException e) {
      throw new IllegalStateException("cannot build a SOAP fault", e);
    }
  }

  private static SOAPFactory soapFactory(String protocol) {
    try {
      return SOAPFactory.newInstance(protocol);
    } catch (SOAPException e) {
      throw new IllegalStateException("no SAAJ implementation for " + protocol, e);
    }
  }

  /**
   * Declares {@code chargeBoxIdentity} understood in every OCPP namespace (the bridge, like
   * ocppjs, may mark it {@code mustUnderstand="true"}; CXF would answer with a MustUnderstand
   * fault otherwise).
   */
  private static final class UnderstandsChargeBoxIdentity extends AbstractSoapInterceptor {

    static final Set<QName> HEADERS = new HashSet<>();

    static {
      for (OcppVersion v : OcppVersion.values()) {
        HEADERS.add(new QName(v.chargePointNamespace(), "chargeBoxIdentity"));
        HEADERS.add(new QName(v.centralSystemNamespace(), "chargeBoxIdentity"));
      }
    }

    UnderstandsChargeBoxIdentity() {
      super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
      return HEADERS;
    }

    @Override
    public void handleMessage(SoapMessage message) {
      // declaring the headers is all this interceptor is for
    }
  }

  /**
   * Sets the response's {@code wsa:Action} to {@code /<Action>Response}, faults included (the 1.2
   * WSDLs declare no output actions and a Provider knows no operations).
   */
  private static final class ResponseActionInterceptor extends AbstractPhaseInterceptor<Message> {

    ResponseActionInterceptor() {
      super(Phase.PRE_LOGICAL);
      addAfter(MAPAggregator.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
      AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, true, false);
      if (maps != null && message.getExchange().get(RESPONSE_ACTION) instanceof String action) {
        maps.setAction(ContextUtils.getAttributedURI(action));
      }
    }
  }
}
