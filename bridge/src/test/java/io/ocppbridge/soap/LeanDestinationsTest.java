package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.service.model.EndpointInfo;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.HttpDestinationFactory;
import org.apache.cxf.transport.http_jetty.JettyHTTPDestination;
import org.junit.jupiter.api.Test;

/** The SOAP endpoint's destination works out the base path of its address once, as CXF would. */
class LeanDestinationsTest {

  /**
   * Verifies that the base path given is CXF's own for the same address, worked out once and
   * then given again, and that an endpoint published on such a destination serves.
   */
  @Test
  void theBasePathIsCxfsOwnWorkedOutOnce() throws Exception {
    Bus lean = BusFactory.newInstance().createBus();
    Bus plain = BusFactory.newInstance().createBus();
    lean.setExtension(new LeanDestinations(), HttpDestinationFactory.class);
    plain.setExtension((HttpDestinationFactory) (endpoint, bus, registry) ->
        new CxfOwn(bus, registry, endpoint), HttpDestinationFactory.class);
    int leanPort = Ports.concrete("127.0.0.1", 0);
    int plainPort = Ports.concrete("127.0.0.1", 0);
    Server leanServer =
        AcceptQueueTest.publishEcho(lean, "http://127.0.0.1:" + leanPort + "/some%20where/ocpp");
    Server plainServer =
        AcceptQueueTest.publishEcho(plain, "http://127.0.0.1:" + plainPort + "/some%20where/ocpp");
    try {
      // GIVEN an endpoint published on the bridge's destinations, and one on CXF's own
      assertThat(leanServer.getDestination()).isInstanceOf(LeanDestinations.Destination.class);
      assertThat(plainServer.getDestination()).isInstanceOf(CxfOwn.class);
      LeanDestinations.Destination destination =
          (LeanDestinations.Destination) leanServer.getDestination();
      // WHEN each is asked for its base path
      String first = destination.getBasePath("");
      // THEN the bridge's is CXF's, and the second answer is the very same string
      assertThat(first).endsWith("/ocpp")
          .isEqualTo(((CxfOwn) plainServer.getDestination()).basePath(""));
      assertThat(destination.getBasePath("")).isSameAs(first);
      // AND the endpoint on it answers
      HttpResponse<String> wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + leanPort + "/some%20where/ocpp?wsdl"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(wsdl.statusCode()).isEqualTo(200);
      assertThat(wsdl.body()).contains("name=\"Echo\"");
    } finally {
      leanServer.destroy();
      plainServer.destroy();
      lean.shutdown(true);
      plain.shutdown(true);
    }
  }

  /** CXF's own Jetty destination, its base path readable here. */
  private static final class CxfOwn extends JettyHTTPDestination {
    CxfOwn(Bus bus, DestinationRegistry registry, EndpointInfo endpoint) throws IOException {
      super(bus, registry, endpoint, CxfEngines.of(bus));
    }

    String basePath(String contextPath) throws IOException {
      return getBasePath(contextPath);
    }
  }
}
