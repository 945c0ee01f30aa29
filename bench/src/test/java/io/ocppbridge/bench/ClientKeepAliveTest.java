package io.ocppbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.BusFactory;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.server.Connector;
import org.junit.jupiter.api.Test;

/**
 * Verifies over a real connection that the load generator's client closes an idle connection
 * itself, after {@link ClientKeepAlive#SECONDS}, before the server's 30 s idle timeout would: no
 * request of a run can then be sent on a connection the server is closing. Takes about 20 s.
 * The surefire configuration sets the property as {@code BenchMain} does first thing: in the
 * shared test JVM another test's HTTP client may be built before {@link LoadGenerator} loads.
 */
class ClientKeepAliveTest {

  private static final int SERVER_IDLE_SECONDS = 30;

  @Test
  void theClientClosesAnIdleConnectionBeforeTheServerDoes() throws Exception {
    try (BareSoapEndpoint bare = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        LoadGenerator load = new LoadGenerator(bare.url(), "http://127.0.0.1:9/cp",
            Duration.ofSeconds(10))) {
      Connector connector = new JettyHTTPServerEngineFactory(BusFactory.newInstance().createBus())
          .retrieveJettyHTTPServerEngine(bare.url().getPort()).getConnector();
      // GIVEN one charger answered over a keep-alive connection, now idle
      LoadResult once = load.eachOnce(List.of("KEEPALIVE-1"), Operation.HEARTBEAT, 1,
          Duration.ofSeconds(10));
      assertThat(once.answered()).isEqualTo(1);
      long idleSince = System.nanoTime();
      assertThat(connector.getConnectedEndPoints()).as("the connection, kept alive").hasSize(1);
      // WHEN nothing is sent on it
      while (!connector.getConnectedEndPoints().isEmpty()
          && System.nanoTime() - idleSince < TimeUnit.SECONDS.toNanos(SERVER_IDLE_SECONDS + 5)) {
        Thread.sleep(100);
      }
      long closedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
      System.out.println("client keep-alive: connection closed after " + closedAfter + " ms");
      // THEN it is closed after about the client's keep-alive, well before the server's timeout
      assertThat(connector.getConnectedEndPoints()).isEmpty();
      assertThat(closedAfter).isBetween(TimeUnit.SECONDS.toMillis(ClientKeepAlive.SECONDS) - 2000,
          TimeUnit.SECONDS.toMillis(SERVER_IDLE_SECONDS) - 3000);
    }
  }
}
