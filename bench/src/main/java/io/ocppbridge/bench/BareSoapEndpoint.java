package io.ocppbridge.bench;

import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.soap.AcceptQueue;
import io.ocppbridge.soap.Ports;
import io.ocppbridge.soap.SoapThreads;
import io.ocppbridge.translate.SecureXml;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPDestination;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The ceiling for any relay: a CXF {@code Provider} on Jetty, set up like the bridge's endpoint
 * (payload mode, SOAP 1.1/1.2, WS-Addressing), that answers the benchmark's OCPP 1.5 requests
 * itself with a fixed response, without validation, translation or a central system. Its
 * listener queues as many new connections as the bridge's ({@link #ACCEPT_QUEUE}, the default of
 * {@code soap.limits.acceptQueue}) rather than CXF's 50, so that a burst of reconnecting
 * chargers costs both sides the same. Its threads are CXF's default unless
 * {@value #THREADS_PROPERTY} is set.
 */
public final class BareSoapEndpoint implements AutoCloseable {

  private static final String NS = OcppVersion.V1_5.centralSystemNamespace();
  static final int ACCEPT_QUEUE = 1024;
  /**
   * A system property: when set, the most threads of the endpoint's listener, as the bridge's
   * {@code soap.threads}; unset, CXF's default (Jetty's pool of up to 200). For control runs.
   */
  static final String THREADS_PROPERTY = "bench.bareThreads";

  private final Bus bus;
  private final Server server;
  private final URI url;

  public BareSoapEndpoint(String host, int port, String path) {
    this.bus = BusFactory.newInstance().createBus();
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(new Answers());
    factory.setServiceClass(Answers.class);
    factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    int concrete = Ports.concrete(host, port);
    JettyHTTPServerEngine engine = AcceptQueue.prepare(bus, host, concrete, ACCEPT_QUEUE);
    Integer threads = Integer.getInteger(THREADS_PROPERTY);
    if (threads != null) {
      new SoapThreads("bare", threads).serve(engine);
    }
    factory.setAddress("http://" + host + ":" + concrete + path);
    WSAddressingFeature addressing = new WSAddressingFeature();
    addressing.setAddressingRequired(false);
    factory.setFeatures(List.of(addressing));
    this.server = factory.create();
    int bound = Ports.bound((JettyHTTPDestination) server.getDestination(), port);
    this.url = URI.create("http://" + host + ":" + bound + path);
  }

  public URI url() {
    return url;
  }

  @Override
  public void close() {
    server.stop();
    server.destroy();
    bus.shutdown(true);
  }

  /** Answers each request element with its response element. */
  @WebServiceProvider(serviceName = "BareOcpp", portName = "BareOcppPort",
      targetNamespace = "urn://ocppbridge.io/bench")
  @ServiceMode(Service.Mode.PAYLOAD)
  static final class Answers implements Provider<DOMSource> {

    private final DocumentBuilderFactory xml = SecureXml.documentBuilderFactory();
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(this::builder);

    @Override
    public DOMSource invoke(DOMSource request) {
      Node node = request.getNode();
      Element payload = node instanceof Document d ? d.getDocumentElement() : (Element) node;
      return new DOMSource(parse(answer(payload.getLocalName())));
    }

    private static String answer(String requestElement) {
      String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      switch (requestElement) {
        case "heartbeatRequest":
          return "<heartbeatResponse xmlns=\"" + NS + "\"><currentTime>" + now
              + "</currentTime></heartbeatResponse>";
        case "bootNotificationRequest":
          return "<bootNotificationResponse xmlns=\"" + NS + "\"><status>Accepted</status>"
              + "<currentTime>" + now + "</currentTime><heartbeatInterval>300"
              + "</heartbeatInterval></bootNotificationResponse>";
        case "meterValuesRequest":
          return "<meterValuesResponse xmlns=\"" + NS + "\"/>";
        case "statusNotificationRequest":
          return "<statusNotificationResponse xmlns=\"" + NS + "\"/>";
        default:
          throw new IllegalArgumentException("the bare endpoint does not answer "
              + requestElement);
      }
    }

    private Document parse(String xmlText) {
      try {
        return builders.get().parse(new InputSource(new StringReader(xmlText)));
      } catch (SAXException | IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private DocumentBuilder builder() {
      synchronized (xml) {
        try {
          return xml.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
