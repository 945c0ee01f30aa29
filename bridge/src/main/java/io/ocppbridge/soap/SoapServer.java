package io.ocppbridge.soap;

import io.ocppbridge.config.SoapConfig;
import io.ocppbridge.core.QuirkCounter;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http.HttpDestinationFactory;
import org.apache.cxf.transport.http_jetty.JettyHTTPDestination;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link OcppSoapEndpoint} on Jetty through CXF, with the bridge's header and
 * response interceptors. WS-Addressing is the bridge's own ({@link RequestAddressingInterceptor},
 * {@link ResponseAddressingInterceptor}), not CXF's feature: every request is read the same way
 * whatever its WSDL's policy says (the 1.5 WSDL's policy namespace is misspelt). In front of
 * CXF, on the same Jetty server, the {@link EdgeGate} reads each request whole before CXF sees
 * it and the {@link ConnectionGuard} bounds the connections ({@code soap.limits.*}); the
 * {@link AcceptQueue} sets how many new ones the kernel may hold for it, and holds them there
 * until the endpoint and the guard are in place. Its threads are the bridge's own, bounded
 * ({@link SoapThreads}). Jetty names no version in its answers.
 */
public final class SoapServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SoapServer.class);

  private final Bus bus;
  private final Server server;
  private final URI address;
  private final EdgeCounters counters;
  private final SoapThreads threads;

  public SoapServer(SoapConfig config, OcppSoapEndpoint endpoint, QuirkCounter quirks,
      NonConformantStacks nonConformant) {
    this.bus = BusFactory.newInstance().createBus();
    leanBus(bus);
    String scheme = config.https() ? "https" : "http";
    JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
    factory.setBus(bus);
    factory.setServiceBean(endpoint);
    factory.setServiceClass(OcppSoapEndpoint.class);
    factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    String host = config.host().contains(":") && !config.host().startsWith("[")
        ? "[" + config.host() + "]" : config.host();
    int port = Ports.concrete(host, config.port());
    AcceptQueue.prepareHeld(bus, config.host(), port, config.limits().acceptQueue());
    if (config.https()) {
      HttpsListener.configure(bus, config.host(), port, config.tls());
    }
    this.counters = new EdgeCounters(config.limits().maxConnections(),
        config.limits().maxRequests());
    JettyHTTPServerEngine engine = engine(bus, config.host(), port, scheme);
    engine.setSendServerVersion(false);
    this.threads = new SoapThreads(SoapThreads.NAME,
        config.listenerThreads(Runtime.getRuntime().availableProcessors()));
    threads.serve(engine);
    engine.setMaxIdleTime((int) Math.min(Integer.MAX_VALUE,
        config.limits().idleTimeout().toMillis()));
    engine.setHandlers(List.of(new EdgeGate(config.limits(), config.maxMessageSize(), counters)));
    factory.setAddress(scheme + "://" + host + ":" + port + config.path());
    factory.getInInterceptors().add(new RequestSizeInterceptor(config.maxMessageSize()));
    factory.getInInterceptors().add(new WellFormedInterceptor());
    factory.getInInterceptors().add(new ReaderRelease());
    factory.getInInterceptors().add(new SuspensionOnSoapMessage());
    factory.getInInterceptors().add(new RequestAddressingInterceptor());
    factory.getInInterceptors().add(new ChargerHeadersInterceptor(quirks, config.path()));
    factory.setProperties(XmlLimits.forRequests());
    ResponseAddressingInterceptor responseAddressing = new ResponseAddressingInterceptor();
    factory.getOutInterceptors().add(responseAddressing);
    factory.getOutFaultInterceptors().add(responseAddressing);
    factory.getOutFaultInterceptors().add(new FaultNormalizer(config.senderFaultStatus()));
    factory.getOutFaultInterceptors().add(new ChallengeInterceptor());
    Utf8AnswerInterceptor utf8 = new Utf8AnswerInterceptor();
    factory.getOutInterceptors().add(utf8);
    factory.getOutFaultInterceptors().add(utf8);
    ResponseSentInterceptor sent = new ResponseSentInterceptor();
    factory.getOutInterceptors().add(sent);
    factory.getOutFaultInterceptors().add(sent);
    factory.getInInterceptors().add(new EmptyBodyInterceptor());
    QuietSuspension.install(factory, endpoint);
    nonConformant.install(factory);
    this.server = factory.create();
    LeanMustUnderstand.install(server);
    try {
      threads.checkRoomForRequests();
    } catch (IllegalStateException e) {
      close();
      throw e;
    }
    Connector connector = engine.getConnector();
    HeaderCache.disable(connector);
    connector.addEventListener(new ConnectionGuard(counters, config.limits().headersTimeout(),
        engine.getServer().getScheduler()));
    int bound = Ports.bound((JettyHTTPDestination) server.getDestination(), port);
    String shownHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    this.address = URI.create(scheme + "://" + shownHost + ":" + bound + config.path());
    AcceptQueue.logAtStart("SOAP listener", "soap.limits.acceptQueue",
        config.limits().acceptQueue());
    LOG.info("SOAP listener threads: at most {}, {} of them held by Jetty (acceptor, selectors,"
        + " reserve) (soap.threads{})", threads.max(), threads.heldByJetty(),
        config.threads() == 0 ? ": automatic, four per core and at least 16" : "");
    AcceptQueue.release(connector);
  }

  /**
   * What CXF would do per message that the bridge does not need. WS-Policy's bus extension (on
   * the class path for the simulators' WS-Addressing) puts policy interceptors on every bus:
   * the bridge applies no WSDL policy, it reads and writes addressing itself. And after the
   * answer of a suspended request, CXF would try to restart the finished asynchronous cycle,
   * which Jetty refuses with an exception built, with its state text, for every request; the
   * bridge suspends each request once. And CXF's destination would work out the same base path
   * from the endpoint's address for every request ({@link LeanDestinations}).
   */
  private static void leanBus(Bus bus) {
    PolicyEngine policies = bus.getExtension(PolicyEngine.class);
    if (policies != null) {
      policies.setEnabled(false);
    }
    bus.setProperty("org.apache.cxf.continuation.block.restart", Boolean.TRUE);
    bus.setExtension(new LeanDestinations(), HttpDestinationFactory.class);
  }

  /** The engine CXF will publish the endpoint on, created first so that it can be set up. */
  private static JettyHTTPServerEngine engine(Bus bus, String host, int port, String scheme) {
    try {
      return CxfEngines.of(bus).createJettyHTTPServerEngine(host, port, scheme);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the SOAP listener on port " + port, e);
    }
  }

  /** What the listener's limits are doing: connections and requests held, refusals by reason. */
  public EdgeCounters edge() {
    return counters;
  }

  /** The listener's threads: how many there are, busy, and how many tasks wait for one. */
  public SoapThreads threads() {
    return threads;
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
