package io.ocppbridge.soap;

import java.io.IOException;
import java.util.Objects;
import org.apache.cxf.Bus;
import org.apache.cxf.service.model.EndpointInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.HttpDestinationFactory;
import org.apache.cxf.transport.http_jetty.JettyHTTPDestination;

/**
 * Makes the SOAP endpoint's Jetty destinations as CXF's own factory does, with one change: the
 * base path CXF puts on every request ({@code Message.BASE_PATH}) is worked out once per address,
 * not once per request. CXF's servlet destination parses the endpoint's address as a URI, after a
 * regular-expression replacement, for every request it receives (1.2 % of the bridge's CPU under
 * {@code wrk}, docs/performance.md step 11); the address does not change while it serves.
 *
 * <p>Registered on the bridge's bus as its {@code HttpDestinationFactory} before the endpoint is
 * published.
 */
final class LeanDestinations implements HttpDestinationFactory {

  @Override
  public AbstractHTTPDestination createDestination(EndpointInfo endpoint, Bus bus,
      DestinationRegistry registry) throws IOException {
    return new Destination(bus, registry, endpoint);
  }

  /** CXF's Jetty destination, remembering the base path of its address. */
  static final class Destination extends JettyHTTPDestination {

    /** The last base path worked out, with what it was worked out from. */
    private volatile BasePath known;

    Destination(Bus bus, DestinationRegistry registry, EndpointInfo endpoint) throws IOException {
      super(bus, registry, endpoint, CxfEngines.of(bus));
    }

    @Override
    protected String getBasePath(String contextPath) throws IOException {
      String address = getAddress().getAddress().getValue();
      BasePath last = known;
      if (last != null && Objects.equals(last.address(), address)
          && Objects.equals(last.contextPath(), contextPath)) {
        return last.path();
      }
      String path = super.getBasePath(contextPath);
      known = new BasePath(address, contextPath, path);
      return path;
    }

    private record BasePath(String address, String contextPath, String path) {
    }
  }
}
