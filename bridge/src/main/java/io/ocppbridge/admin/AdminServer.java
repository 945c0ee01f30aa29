package io.ocppbridge.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.session.ChargerSession;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The admin listener: {@code /health/live}, {@code /health/ready}, {@code /metrics}
 * (Prometheus), {@code /api/chargers}, {@code /api/chargers/{id}} and a status page at
 * {@code /}. Read-only; a small Jetty server of its own, apart from the SOAP listener.
 */
public final class AdminServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdminView view;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Server server;
  private final int port;

  public AdminServer(String host, int port, AdminView view) {
    this.view = view;
    registerMeters();
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("admin-http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        route(Request.getPathInContext(request), response, callback);
        return true;
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the admin listener on " + host + ":" + port,
          e);
    }
    this.port = connector.getLocalPort();
  }

  /** The port the admin listener is bound to. */
  public int port() {
    return port;
  }

  private void registerMeters() {
    Gauge.builder("bridge_chargers_known", view.sessions(), s -> s.all().size())
        .description("chargers heard from since start or restored after a restart")
        .register(metrics);
    Gauge.builder("bridge_chargers_connected", view, v -> v.sessions().all().stream()
            .filter(s -> v.connected().test(s.id())).count())
        .description("chargers whose WebSocket to the central system is open")
        .register(metrics);
    for (String quirk : new String[] {QuirkCounter.QUALIFIED_ATTRIBUTE,
        QuirkCounter.EMPTY_LIST_ITEM, QuirkCounter.MISSING_MESSAGE_ID,
        QuirkCounter.NON_ANONYMOUS_REPLY_TO, QuirkCounter.NO_ADDRESSING,
        QuirkCounter.LENIENT_LENGTH, QuirkCounter.UNDECLARED_PREFIX,
        QuirkCounter.NESTED_FAULT_BODY, QuirkCounter.SOAP_VERSION_MISMATCH}) {
      io.micrometer.core.instrument.FunctionCounter.builder("bridge_quirks_accepted",
              view.quirks(), q -> q.snapshot().getOrDefault(quirk, 0L))
          .tag("quirk", quirk)
          .description("harmless charger quirks accepted")
          .register(metrics);
    }
    for (String reason : new String[] {"unknown-charger", "network", "authentication",
        "rate-limit"}) {
      io.micrometer.core.instrument.FunctionCounter.builder("bridge_requests_refused",
              view, v -> v.refusals().get().getOrDefault(reason, 0L))
          .tag("reason", reason)
          .description("charger requests refused by the SOAP edge's access checks")
          .register(metrics);
    }
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
  }

  private void route(String path, Response response, Callback callback) {
    switch (path) {
      case "/health/live" -> send(response, callback, 200, "text/plain", "live\n");
      case "/health/ready" -> {
        boolean ready = view.ready().getAsBoolean();
        send(response, callback, ready ? 200 : 503, "text/plain",
            ready ? "ready\n" : "not ready\n");
      }
      case "/metrics" -> send(response, callback, 200,
          "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
      case "/api/chargers" -> {
        ArrayNode list = JSON.createArrayNode();
        view.sessions().all().stream()
            .sorted(java.util.Comparator.comparing(s -> s.id().value()))
            .forEach(s -> list.add(ChargerJson.of(s, view.connected().test(s.id()))));
        send(response, callback, 200, "application/json", list.toString());
      }
      case "/" -> send(response, callback, 200, "text/html; charset=utf-8",
          StatusPage.render(view));
      default -> {
        if (path.startsWith("/api/chargers/")) {
          Optional<ChargerSession> session = find(path.substring("/api/chargers/".length()));
          if (session.isPresent()) {
            send(response, callback, 200, "application/json", ChargerJson.of(session.get(),
                view.connected().test(session.get().id())).toString());
            return;
          }
        }
        send(response, callback, 404, "text/plain", "not found\n");
      }
    }
  }

  private Optional<ChargerSession> find(String encodedId) {
    String id = java.net.URLDecoder.decode(encodedId, StandardCharsets.UTF_8);
    try {
      return view.sessions().find(new ChargerId(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void send(Response response, Callback callback, int status, String type,
      String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    Content.Sink.write(response, true, body, callback);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping anyway
    }
    metrics.close();
  }
}
