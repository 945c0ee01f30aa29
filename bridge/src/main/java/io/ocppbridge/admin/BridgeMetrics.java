package io.ocppbridge.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.core.RefusalBook;
import io.ocppbridge.core.RelayMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge's metrics in a Prometheus registry: every relayed message by direction, action and
 * outcome, latency histograms per flow and per network leg, errors by OCPP code and origin,
 * WebSocket reconnects and queue depths, chargers known and connected, accepted quirks, JVM.
 * Meters are created on first use and cached, so recording a message allocates nothing new.
 */
public final class BridgeMetrics implements RelayMetrics, AutoCloseable {

  private static final List<String> QUIRKS = List.of(QuirkCounter.QUALIFIED_ATTRIBUTE,
      QuirkCounter.EMPTY_LIST_ITEM, QuirkCounter.MISSING_MESSAGE_ID,
      QuirkCounter.NON_ANONYMOUS_REPLY_TO, QuirkCounter.NO_ADDRESSING,
      QuirkCounter.LENIENT_LENGTH, QuirkCounter.UNDECLARED_PREFIX,
      QuirkCounter.NESTED_FAULT_BODY, QuirkCounter.SOAP_VERSION_MISMATCH,
      QuirkCounter.EMPTY_METER_VALUE_LIST, QuirkCounter.CELSIUS_AS_CELCIUS,
      QuirkCounter.EMPTY_CHARGING_SCHEDULE, QuirkCounter.CHARGE_POINT_NAMESPACE,
      QuirkCounter.FROM_AS_TEXT);
  /** The reasons of the SOAP listener's refusals (as {@code soap.EdgeCounters} names them). */
  private static final List<String> EDGE_REASONS = List.of("max-connections",
      "headers-timeout", "body-timeout", "slow-body", "max-requests", "too-large", "method",
      "content-encoding", "charset", "transfer-encoding");
  private static final Duration SHORTEST = Duration.ofMillis(1);
  private static final Duration LONGEST = Duration.ofSeconds(60);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<List<String>, Counter> messages = new ConcurrentHashMap<>();
  private final Map<List<String>, Counter> errors = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> flows = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> legs = new ConcurrentHashMap<>();
  private final Map<String, Counter> losses = new ConcurrentHashMap<>();
  private final Map<String, Counter> adminRefusals = new ConcurrentHashMap<>();
  /** What {@link #gauge} and {@link #counter} read: Micrometer holds them weakly only. */
  private final List<Object> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<List<String>, Counter> chargerRefusals = new ConcurrentHashMap<>();

  public BridgeMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /** Registers the gauges that read the running bridge. */
  /** Meters of this node's leases in a cluster. */
  public void watchCluster(ClusterStatus cluster) {
    Gauge.builder("bridge_cluster_leases_owned", cluster, c -> c.ownedChargers().size())
        .description("chargers whose WebSocket this node holds under its lease")
        .register(registry);
    Gauge.builder("bridge_cluster_database_up", cluster, c -> c.databaseAnswers() ? 1 : 0)
        .description("1 while this node's lease renewals reach the registry database, else 0")
        .register(registry);
    FunctionCounter.builder("bridge_cluster_takeovers", cluster, c -> c.takenFromLiveNodes())
        .tag("from", "live-node")
        .description("chargers this node took over from another node")
        .register(registry);
    FunctionCounter.builder("bridge_cluster_takeovers", cluster, c -> c.takenFromStoppedNodes())
        .tag("from", "stopped-node")
        .description("chargers this node took over from another node")
        .register(registry);
    FunctionCounter.builder("bridge_cluster_handovers", cluster, c -> c.lostToOtherNodes())
        .description("chargers another node took from this one (their WebSocket closed here)")
        .register(registry);
  }

  public void watch(AdminView view) {
    Gauge.builder("bridge_chargers_known", view.sessions(), s -> s.all().size())
        .description("chargers heard from since start or restored after a restart")
        .register(registry);
    Gauge.builder("bridge_chargers_connected", view, v -> v.sessions().all().stream()
            .filter(s -> v.connected().test(s.id())).count())
        .description("chargers whose WebSocket to the central system is open")
        .register(registry);
    for (String quirk : QUIRKS) {
      FunctionCounter.builder("bridge_quirks_accepted", view.quirks(),
              q -> q.snapshot().getOrDefault(quirk, 0L))
          .tag("quirk", quirk)
          .description("harmless charger quirks accepted")
          .register(registry);
    }
    for (String reason : List.of("unknown-charger", "network", "authentication",
        "rate-limit", "capacity", "descriptors", "new-identity-rate")) {
      FunctionCounter.builder("bridge_requests_refused", view,
              v -> v.refusals().get().getOrDefault(reason, 0L))
          .tag("reason", reason)
          .description("charger requests refused by the SOAP edge's access checks")
          .register(registry);
    }
    view.sessions().registryHealth().ifPresent(first -> {
      Gauge.builder("bridge_registry_pending", view.sessions(),
              s -> s.registryHealth().map(h -> (double) h.pending()).orElse(0.0))
          .description("charger records waiting to be written to the registry")
          .register(registry);
      Gauge.builder("bridge_registry_failing", view.sessions(),
              s -> s.registryHealth().map(h -> h.failing() ? 1.0 : 0.0).orElse(0.0))
          .description("1 while writes to the registry fail, else 0")
          .register(registry);
      FunctionCounter.builder("bridge_registry_write_failures", view.sessions(),
              s -> s.registryHealth().map(h -> (double) h.failedWrites()).orElse(0.0))
          .description("failed registry writes since the start (each retried with backoff)")
          .register(registry);
    });
    EdgeGauges edge = view.edge();
    if (edge != null) {
      watchEdge(edge);
    }
    LinkCounters link = view.link();
    FunctionCounter.builder("bridge_csms_reconnects", link, l -> l.reconnects().getAsLong())
        .description("WebSockets reopened after one had been open")
        .register(registry);
    FunctionCounter.builder("bridge_csms_failed_connects", link,
            l -> l.failedAttempts().getAsLong())
        .description("WebSocket connection attempts that failed (refused, unreachable, timeout)")
        .register(registry);
    Gauge.builder("bridge_csms_queued_calls", link, l -> l.queuedCalls().getAsInt())
        .description("charger requests waiting behind their charger's outstanding CALL")
        .register(registry);
    Gauge.builder("bridge_csms_outstanding_calls", link, l -> l.outstandingCalls().getAsInt())
        .description("CALLs sent to the central system and not answered yet")
        .register(registry);
  }

  private void watchEdge(EdgeGauges edge) {
    for (String reason : EDGE_REASONS) {
      FunctionCounter.builder("bridge_soap_edge_refused", edge,
              e -> e.refusals().get().getOrDefault(reason, 0L))
          .tag("reason", reason)
          .description("connections closed and requests refused by the SOAP listener's limits"
              + " (soap.limits.*, soap.maxMessageSize), by reason")
          .register(registry);
    }
    Gauge.builder("bridge_soap_connections", edge, e -> e.connections().getAsInt())
        .description("connections open on the SOAP port")
        .register(registry);
    Gauge.builder("bridge_soap_requests_in_flight", edge, e -> e.requests().getAsInt())
        .description("SOAP requests whose body has arrived and whose answer is not written yet")
        .register(registry);
    EdgeGauges.Threads threads = edge.threads();
    Gauge.builder("bridge_soap_threads", threads, t -> t.live().getAsInt())
        .description("threads of the SOAP listener alive (at most bridge_soap_threads_max)")
        .register(registry);
    Gauge.builder("bridge_soap_threads_busy", threads, t -> t.busy().getAsInt())
        .description("threads of the SOAP listener running a task")
        .register(registry);
    Gauge.builder("bridge_soap_threads_max", threads, t -> t.max())
        .description("the most threads the SOAP listener runs (soap.threads)")
        .register(registry);
    Gauge.builder("bridge_soap_queued_tasks", threads, t -> t.queued().getAsInt())
        .description("SOAP listener tasks (requests read, answers ready) waiting for a thread")
        .register(registry);
  }

  /** A gauge read from the running bridge (registered once, at start). */
  public void gauge(String name, String description, java.util.function.DoubleSupplier value) {
    readers.add(value);
    Gauge.builder(name, value, java.util.function.DoubleSupplier::getAsDouble)
        .description(description).register(registry);
  }

  /** A counter read from the running bridge (registered once, at start). */
  public void counter(String name, String description,
      java.util.function.DoubleSupplier value) {
    readers.add(value);
    FunctionCounter.builder(name, value, java.util.function.DoubleSupplier::getAsDouble)
        .description(description).register(registry);
  }

  @Override
  public void relayed(Direction direction, String action, Duration elapsed,
      OcppException error) {
    String outcome = error == null ? "answered" : "error";
    messages.computeIfAbsent(List.of(direction.label(), action, outcome),
        k -> Counter.builder("bridge_messages")
            .description("relayed operations by direction, action and outcome")
            .tags("direction", k.get(0), "action", k.get(1), "outcome", k.get(2))
            .register(registry)).increment();
    flows.computeIfAbsent(List.of(direction.label(), action),
        k -> histogram("bridge_relay_duration", "a relayed operation from request to answer")
            .tags("direction", k.get(0), "action", k.get(1))
            .register(registry)).record(elapsed);
    if (error != null) {
      errors.computeIfAbsent(List.of(direction.label(), error.code().wireName(),
              error.origin().name().toLowerCase(Locale.ROOT)),
          k -> Counter.builder("bridge_errors")
              .description("failed operations by OCPP error code and who produced the error")
              .tags("direction", k.get(0), "code", k.get(1), "origin", k.get(2))
              .register(registry)).increment();
    }
  }

  @Override
  public void leg(Leg leg, String action, Duration elapsed, boolean ok) {
    legs.computeIfAbsent(List.of(leg.label(), action, ok ? "answered" : "no_answer"),
        k -> histogram("bridge_leg_duration",
            "one network leg: to the central system (queueing included) or to the charger")
            .tags("leg", k.get(0), "action", k.get(1), "outcome", k.get(2))
            .register(registry)).record(elapsed);
  }

  /** The upgrade profile could not carry a value over unchanged (one of its loss cases). */
  public void lost(String lossCase) {
    losses.computeIfAbsent(lossCase, c -> Counter.builder("bridge_upgrade_losses")
        .description("values an upgrade profile (OCPP 1.6 or 2.0.1) changed or dropped, by case")
        .tag("case", c)
        .register(registry)).increment();
  }

  /**
   * The SOAP edge refused a charger request with a fault: by code (OCPP error code, or the SOAP
   * code such as MustUnderstand) and origin (charger, bridge, central-system).
   */
  public void refused(String code, RefusalBook.Origin origin) {
    chargerRefusals.computeIfAbsent(List.of(code, origin.label()),
        k -> Counter.builder("bridge_charger_refusals")
            .description("charger requests answered with a SOAP fault, by code and by who"
                + " caused it (charger, bridge, central-system)")
            .tags("code", k.get(0), "origin", k.get(1))
            .register(registry)).increment();
  }

  /** The admin listener refused a request: {@code host} (DNS rebinding) or {@code trace-limit}. */
  public void adminRefused(String reason) {
    adminRefusals.computeIfAbsent(reason, r -> Counter.builder("bridge_admin_refused")
        .description("admin requests refused, by reason (host: Host header not allowed;"
            + " trace-limit: admin.maxTraced reached)")
        .tag("reason", r)
        .register(registry)).increment();
  }

  private static Timer.Builder histogram(String name, String description) {
    return Timer.builder(name).description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(SHORTEST)
        .maximumExpectedValue(LONGEST);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    registry.close();
  }
}
