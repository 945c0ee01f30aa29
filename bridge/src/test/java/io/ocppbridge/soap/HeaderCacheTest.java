package io.ocppbridge.soap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.testsupport.BridgeFixture;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive connection costs the bridge no per-connection header cache: Jetty's, built on a
 * connection's second request, is about 100 KiB (see {@link HeaderCache}).
 */
class HeaderCacheTest {

  private static final int TIMEOUT_MILLIS = 5_000;

  /** Verifies what the bridge turns off: plain Jetty caches a keep-alive connection's fields. */
  @Test
  void plainJettyCachesTheHeaderFieldsOfAKeepAliveConnection() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        Content.Source.asString(request);
        response.setStatus(200);
        response.getHeaders().put("Content-Length", "0");
        response.write(true, null, callback);
        return true;
      }
    });
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/ocpp");
      // GIVEN Jetty's default configuration
      // WHEN three requests arrive on one keep-alive connection
      // THEN that connection holds a cache of their header fields
      assertThat(fieldsCachedAfterThreeRequests(connector, url)).isPositive();
    } finally {
      server.stop();
    }
  }

  /** Verifies that the bridge's SOAP listener keeps no header cache on a busy connection. */
  @Test
  void theSoapListenerCachesNoHeaderFields() throws Exception {
    try (BridgeFixture fixture = BridgeFixture.start(Map.of())) {
      URI url = fixture.soapUrl();
      Connector connector = new JettyHTTPServerEngineFactory(BusFactory.newInstance().createBus())
          .retrieveJettyHTTPServerEngine(url.getPort()).getConnector();
      // GIVEN the bridge's listener WHEN three Heartbeats arrive on one keep-alive connection
      // THEN the connection holds no cached header field
      assertThat(fieldsCachedAfterThreeRequests(connector, url)).isZero();
    }
  }

  /** Sends three requests on one connection and counts the fields its parser has cached. */
  private static int fieldsCachedAfterThreeRequests(Connector connector, URI url)
      throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      for (int i = 0; i < 3; i++) {
        assertThat(KeepAliveAfterAnswerTest.exchange(socket, url, "CACHE-1"))
            .startsWith("HTTP/1.1 200");
      }
      List<HttpConnection> open = connector.getConnectedEndPoints().stream()
          .map(EndPoint::getConnection)
          .filter(HttpConnection.class::isInstance).map(HttpConnection.class::cast).toList();
      assertThat(open).as("the connection, still open").hasSize(1);
      return open.get(0).getParser().getFieldCache().size();
    }
  }
}
