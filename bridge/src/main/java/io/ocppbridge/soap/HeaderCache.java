package io.ocppbridge.soap;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Turns off Jetty's per-connection cache of request header fields on the SOAP listener.
 *
 * <p>On the second request of a keep-alive connection Jetty builds a trie of the header fields
 * it saw on the first, sized by {@code HttpConfiguration.headerCacheSize} (1,024 by default): about
 * 100 KiB per connection, held until the connection closes. A thousand chargers on keep-alive
 * connections held about 100 MB of it in the {@code peak} benchmark, and any client may open
 * {@code soap.limits.maxConnections} connections and send two requests on each. What the cache
 * saves, a few header objects per request, is small beside a SOAP request's parse; without it,
 * a connection costs the bridge the same whether it has carried one request or many.
 */
final class HeaderCache {

  private HeaderCache() {}

  /**
   * Applies to connections accepted from now on; called as soon as CXF has created the
   * connector, with the {@link ConnectionGuard}.
   */
  static void disable(Connector connector) {
    HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
    if (http == null) {
      throw new IllegalStateException("the SOAP listener has no HTTP/1.1 connection factory");
    }
    http.getHttpConfiguration().setHeaderCacheSize(0);
  }
}
