package io.ocppbridge.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.logging.MessageTrace;
import io.ocppbridge.session.ChargerSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin listener, a small Jetty server of its own apart from the SOAP listener:
 * {@code /health/live}, {@code /health/ready}, {@code /metrics} (Prometheus),
 * {@code /api/chargers}, {@code /api/chargers/{id}}, {@code /api/cluster} (nodes and leases,
 * in a cluster), the per-charger trace switch
 * {@code PUT|DELETE /api/chargers/{id}/trace}, and a status page at {@code /}. With a token,
 * everything but the health checks needs {@code Authorization: Bearer <token>}.
 */
public final class AdminServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHARGERS = "/api/chargers";
  private static final String TRACE = "/trace";

  private final AdminView view;
  private final BridgeMetrics metrics;
  private final byte[] token;
  private final HostCheck hosts;
  private final int maxTraced;
  private final ClusterStatus cluster;
  private final Server server;
  private final int port;

  /**
   * @param token the bearer token every path but the health checks needs; null for none
   * @param hosts the {@code Host} headers answered on every path but the health checks
   * @param maxTraced how many chargers can be traced on their own at once
   */
  public AdminServer(String host, int port, AdminView view, BridgeMetrics metrics,
      String token, HostCheck hosts, int maxTraced) {
    this(host, port, view, metrics, token, hosts, maxTraced, null);
  }

  /**
   * @param cluster this node's cluster state ({@code /api/cluster}, and the database in
   *     {@code /health/ready}); null for a bridge alone
   */
  public AdminServer(String host, int port, AdminView view, BridgeMetrics metrics,
      String token, HostCheck hosts, int maxTraced, ClusterStatus cluster) {
    this.cluster = cluster;
    this.view = view;
    this.metrics = metrics;
    this.hosts = hosts;
    this.maxTraced = maxTraced;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
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
        serve(request, new Reply(response, callback));
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

  private void serve(Request request, Reply reply) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (path.startsWith("/health/")) {
      health(path, method, reply);
    } else if (!hosts.accepts(request.getHeaders().get(HttpHeader.HOST))) {
      metrics.adminRefused("host");
      reply.send(421, "text/plain", "this host name is not served here; see admin.allowedHosts\n");
    } else if (!authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      reply.unauthorized();
    } else if (path.startsWith(CHARGERS + "/") && path.endsWith(TRACE)) {
      trace(path.substring(CHARGERS.length() + 1, path.length() - TRACE.length()), method,
          reply);
    } else if (!"GET".equals(method)) {
      reply.send(405, "text/plain", "use GET\n");
    } else {
      read(path, reply);
    }
  }

  private void health(String path, String method, Reply reply) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      reply.send(405, "text/plain", "use GET\n");
    } else if ("/health/live".equals(path)) {
      reply.send(200, "text/plain", "live\n");
    } else if ("/health/ready".equals(path)) {
      // A failing registry does not make the bridge unready: relaying works without it (only a
      // restart would forget what could not be written), so it is named, not hidden behind 503.
      // In a cluster, a node that cannot reach the shared registry can take no charger over and
      // lets its own go: the load balancer must send chargers to another node.
      boolean databaseDown = cluster != null && !cluster.databaseAnswers();
      boolean ready = view.ready().getAsBoolean() && !databaseDown;
      StringBuilder body = new StringBuilder(ready ? "ready\n" : "not ready\n");
      if (databaseDown) {
        body.append("the registry database does not answer: this node cannot own chargers\n");
      } else if (cluster != null) {
        body.append("registry database: answering\n");
      }
      view.sessions().registryHealth().filter(h -> h.failing()).ifPresent(h ->
          body.append("degraded: registry writes failing since ").append(h.failingSince())
              .append(", ").append(h.pending()).append(" charger records waiting\n"));
      // Saturation refuses new chargers only; those held are served, so it is named, not 503.
      view.saturation().get().forEach(line -> body.append(line).append('\n'));
      // a saturated SOAP listener is still ready: the bridge keeps answering the chargers it
      // can take in, and a single bridge taken out of its load balancer would answer none
      if (view.edge() != null && view.edge().saturated().getAsBoolean()) {
        body.append("degraded: the SOAP listener is at soap.limits.maxConnections or"
            + " maxRequests\n");
      }
      reply.send(ready ? 200 : 503, "text/plain", body.toString());
    } else {
      reply.send(404, "text/plain", "not found\n");
    }
  }

  private void read(String path, Reply reply) {
    switch (path) {
      case "/metrics" -> reply.send(200, "text/plain; version=0.0.4; charset=utf-8",
          metrics.scrape());
      case CHARGERS -> {
        ArrayNode list = JSON.createArrayNode();
        java.util.Map<String, ObjectNode> byId = new java.util.TreeMap<>();
        view.sessions().all().forEach(s -> byId.put(s.id().value(), charger(s)));
        view.faults().lastByCharger().forEach((id, last) ->
            byId.computeIfAbsent(id, k -> ChargerJson.refusedOnly(k, last, view)));
        byId.values().forEach(list::add);
        reply.send(200, "application/json", list.toString());
      }
      case "/api/trace" -> {
        ArrayNode list = JSON.createArrayNode();
        MessageTrace.selected().forEach(list::add);
        reply.send(200, "application/json", list.toString());
      }
      case "/" -> reply.send(200, "text/html; charset=utf-8", StatusPage.render(view));
      case "/api/cluster" -> cluster(reply);
      default -> {
        Optional<ChargerSession> session = path.startsWith(CHARGERS + "/")
            ? id(path.substring(CHARGERS.length() + 1)).flatMap(view.sessions()::find)
            : Optional.empty();
        if (session.isPresent()) {
          reply.send(200, "application/json", charger(session.get()).toString());
        } else {
          reply.send(404, "text/plain", "not found\n");
        }
      }
    }
  }

  /** This node, the nodes of the cluster and the leases this node holds. */
  private void cluster(Reply reply) {
    if (cluster == null) {
      reply.send(404, "text/plain", "this bridge is not in a cluster (sessions.store is not a"
          + " jdbc:postgresql:// URL)\n");
      return;
    }
    ObjectNode body = JSON.createObjectNode().put("node", cluster.nodeId())
        .put("databaseAnswers", cluster.databaseAnswers());
    try {
      ArrayNode nodes = body.putArray("nodes");
      for (ClusterStatus.Node n : cluster.nodes()) {
        nodes.addObject().put("id", n.id()).put("self", n.id().equals(cluster.nodeId()))
            .put("alive", n.alive()).put("leases", n.leases())
            .put("startedAt", n.startedAt().toString())
            .put("lastRenewal", n.lastRenewal().toString());
      }
    } catch (RuntimeException e) {
      body.remove("nodes");
      body.put("nodesUnavailable", "the registry database could not be read");
    }
    ArrayNode owned = body.putArray("leasesOwned");
    cluster.ownedChargers().stream().sorted().forEach(owned::add);
    body.putObject("takeovers").put("fromLiveNodes", cluster.takenFromLiveNodes())
        .put("fromStoppedNodes", cluster.takenFromStoppedNodes())
        .put("lostToOtherNodes", cluster.lostToOtherNodes());
    reply.send(200, "application/json", body.toString());
  }

  /** {@code PUT} switches the charger's trace on, {@code DELETE} off; any identity is allowed. */
  private void trace(String encodedId, String method, Reply reply) {
    Optional<ChargerId> id = id(encodedId);
    if (id.isEmpty()) {
      reply.send(400, "text/plain", "not a charger identity\n");
      return;
    }
    switch (method) {
      case "PUT" -> {
        if (!MessageTrace.isSelected(id.get()) && MessageTrace.selected().size() >= maxTraced) {
          metrics.adminRefused("trace-limit");
          reply.send(409, "text/plain", "already " + maxTraced + " chargers traced"
              + " (admin.maxTraced); switch one off first\n");
          return;
        }
        MessageTrace.select(id.get());
        LOG.info("[{}] message trace switched on through the admin API", id.get());
      }
      case "DELETE" -> {
        MessageTrace.deselect(id.get());
        LOG.info("[{}] message trace switched off through the admin API", id.get());
      }
      case "GET" -> { }
      default -> {
        reply.send(405, "text/plain", "use PUT to trace the charger, DELETE to stop\n");
        return;
      }
    }
    ObjectNode state = JSON.createObjectNode().put("id", id.get().value())
        .put("traced", MessageTrace.isSelected(id.get()));
    reply.send(200, "application/json", state.toString());
  }

  private ObjectNode charger(ChargerSession s) {
    return ChargerJson.of(s, view.connected().test(s.id()), view)
        .put("traced", MessageTrace.isSelected(s.id()));
  }

  private boolean authorized(String header) {
    if (token == null) {
      return true;
    }
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] offered = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(offered, token);
  }

  private static Optional<ChargerId> id(String encoded) {
    try {
      return Optional.of(new ChargerId(
          java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** One response to write, with its completion callback. */
  private record Reply(Response response, Callback callback) {

    void send(int status, String type, String body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      Content.Sink.write(response, true, body, callback);
    }

    void unauthorized() {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"ocpp-soap-bridge\"");
      send(401, "text/plain", "a bearer token is required\n");
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping anyway
    }
  }
}
