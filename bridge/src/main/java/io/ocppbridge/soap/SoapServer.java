package io.ocppbridge.soap;

import io.ocppbridge.config.SoapConfig;
import io.ocppbridge.core.QuirkCounter;
import jakarta.xml.ws.soap.SOAPBinding;
import java.net.URI;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http_jetty.JettyHTTPDestination;
import org.apache.cxf.ws.addressing.WSAddressingFeature;

/**
 * Publishes the {@link OcppSoapEndpoint} on Jetty through CXF, with WS-Addressing enabled
 * explicitly (the 1.5 WSDL's misspelt policy namespace means a WSDL-driven setup would not) and
 * the bridge's header and response interceptors.
 */
public final class SoapServer implements AutoCloseable {

  private final Bus bus;
  private final Server server;
  private final URI address;

  public SoapServer(SoapConfig config, OcppSoapEndpoint endpoint, QuirkCounter quirks,
      NonConformantStacks nonConformant) {
    this.bus = BusFactory.newInstance().createBus();
    String scheme = config.https() ? "https" : "http";
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(endpoint);
    factory.setServiceClass(OcppSoapEndpoint.class);
    factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    String host = config.host().contains(":") && !config.host().startsWith("[")
        ? "[" + config.host() + "]" : config.host();
    int port = Ports.concrete(host, config.port());
    if (config.https()) {
      HttpsListener.configure(bus, config.host(), port, config.tls());
    }
    factory.setAddress(scheme + "://" + host + ":" + port + config.path());
    WSAddressingFeature addressing = new WSAddressingFeature();
    addressing.setAddressingRequired(false);
    factory.setFeatures(List.of(addressing));
    factory.getInInterceptors().add(new RequestSizeInterceptor(config.maxMessageSize()));
    factory.getInInterceptors().add(new ChargerHeadersInterceptor(quirks, config.path()));
    factory.setProperties(XmlLimits.forRequests());
    ResponseAddressingInterceptor responseAddressing = new ResponseAddressingInterceptor();
    factory.getOutInterceptors().add(responseAddressing);
    factory.getOutFaultInterceptors().add(responseAddressing);
    factory.getOutFaultInterceptors().add(new FaultNormalizer());
    factory.getOutFaultInterceptors().add(new ChallengeInterceptor());
    ResponseSentInterceptor sent = new ResponseSentInterceptor();
    factory.getOutInterceptors().add(sent);
    factory.getOutFaultInterceptors().add(sent);
    factory.getInInterceptors().add(new EmptyBodyInterceptor());
    nonConformant.install(factory);
    this.server = factory.create();
    int bound = Ports.bound((JettyHTTPDestination) server.getDestination(), port);
    String shownHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    this.address = URI.create(scheme + "://" + shownHost + ":" + bound + config.path());
  }

  /** Where chargers reach the bridge (with the real port when 0 was configured). */
  public URI address() {
    return address;
  }

  @Override
  public void close() {
    server.stop();
    server.destroy();
    bus.shutdown(true);
  }
}
