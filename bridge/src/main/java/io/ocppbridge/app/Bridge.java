package io.ocppbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.access.ChargerAccess;
import io.ocppbridge.access.NewChargerGate;
import io.ocppbridge.access.OpenFiles;
import io.ocppbridge.admin.AdminServer;
import io.ocppbridge.admin.HostCheck;
import io.ocppbridge.admin.AdminView;
import io.ocppbridge.admin.EdgeGauges;
import io.ocppbridge.admin.BridgeMetrics;
import io.ocppbridge.admin.ClusterStatus;
import io.ocppbridge.admin.LinkCounters;
import io.ocppbridge.cluster.ClusterNode;
import io.ocppbridge.config.BridgeConfig;
import io.ocppbridge.config.CallbackConfig;
import io.ocppbridge.config.ChargerSecurity;
import io.ocppbridge.config.SessionsConfig;
import io.ocppbridge.config.SoapConfig;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsLink;
import io.ocppbridge.core.DeadlineSweep;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.core.RefusalBook;
import io.ocppbridge.soap.AnswerStyles;
import io.ocppbridge.soap.NonConformantStacks;
import io.ocppbridge.relay.CentralSystemCallRelay;
import io.ocppbridge.relay.ChargerProfiles;
import io.ocppbridge.relay.ChargerRequestRelay;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.session.CallbackResolver;
import io.ocppbridge.session.ChargerRecord;
import io.ocppbridge.session.ChargerStore;
import io.ocppbridge.session.InMemoryChargerStore;
import io.ocppbridge.session.JdbcChargerStore;
import io.ocppbridge.session.PresenceTracker;
import io.ocppbridge.session.RegistryDatabase;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.session.WriteBehindStore;
import io.ocppbridge.soap.ChargerCallbackClient;
import io.ocppbridge.soap.OcppSoapEndpoint;
import io.ocppbridge.soap.SoapServer;
import io.ocppbridge.translate.OcppJson;
import io.ocppbridge.translate.OcppSchemaModel;
import io.ocppbridge.translate.OwnTranslationCheck;
import io.ocppbridge.translate.SoapJsonTranslator;
import io.ocppbridge.tls.TlsFiles;
import io.ocppbridge.ws.NettyCsmsLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running bridge: the SOAP endpoint chargers post to, the WebSocket link to the central
 * system, the charger registry, and what sits between. Started by {@link #start}, which also
 * reconnects the chargers known from before a restart; stopped by {@link #close}: no new SOAP
 * requests, requests in flight given {@code soap.shutdownGrace} to finish, WebSockets closed
 * with 1001, the SOAP listener closed, the registry flushed.
 */
public final class Bridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);
  /** The longest heartbeat interval taken seriously when looking for chargers to restore. */
  private static final Duration LONGEST_HEARTBEAT = Duration.ofDays(1);

  private final Parts parts;

  /** What a running bridge holds, in the order it is stopped. */
  private record Parts(OcppSoapEndpoint endpoint, NettyCsmsLink csms, SoapServer soap,
      WriteBehindStore store, ScheduledExecutorService timer, SessionRegistry sessions,
      QuirkCounter quirks, Duration shutdownGrace, AdminServer admin, BridgeMetrics metrics,
      RegistryDatabase database, ClusterNode<JsonNode> cluster,
      ChargerCallbackClient chargers) {}

  private Bridge(Parts parts) {
    this.parts = parts;
  }

  public static Bridge start(BridgeConfig config) {
    // every certificate, key and truststore is read now: a bad file stops the start, naming it
    TlsFiles.checkAll(config);
    QuirkCounter quirks = new QuirkCounter();
    SoapJsonTranslator translator = new SoapJsonTranslator(OcppSchemaModel.loadAll(),
        config.csms().jsonDialect(), quirks,
        new OwnTranslationCheck(config.chargers().checkTranslationEvery()));
    PayloadSchemas schemas = PayloadSchemas.load();
    ChargerProfiles profiles = new ChargerProfiles(config.chargers(), config.csms().protocol(),
        config.csms().jsonDialect());
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bridge-timer");
      t.setDaemon(true);
      return t;
    });
    RegistryDatabase database = connectDatabase(config.sessions());
    WriteBehindStore store;
    try {
      store = new WriteBehindStore(openStore(config.sessions(), database),
          config.sessions().flushInterval(), WriteBehindStore.DEFAULT_MAX_PENDING);
    } catch (RuntimeException e) {
      if (database != null) {
        database.close();
      }
      throw e;
    }
    SessionRegistry sessions = new SessionRegistry(Clock.systemUTC(), store);
    AtomicReference<String> advertised = new AtomicReference<>();
    ChargerCallbackClient chargers = new ChargerCallbackClient(advertised::get,
        config.callbacks().connectTimeout(), config.chargers().callTimeout(),
        config.soap().maxMessageSize(), quirks,
        TlsFiles.clientContext(config.callbacks().trust(), config.callbacks().clientKey()));
    SecurityNotes.logAtStart(config);
    BridgeMetrics metrics = new BridgeMetrics();
    metrics.gauge("bridge_callback_answers_waiting", "charger answers waiting to be relayed on"
        + " the bridge's answer threads (at most 4096)", chargers::answersWaiting);
    metrics.counter("bridge_callback_answers_inline", "charger answers relayed on the HTTP"
        + " client's threads because 4096 were waiting", chargers::answersHandledInline);
    UpgradeWiring upgrade = new UpgradeWiring(metrics, schemas, sessions);
    NettyCsmsLink csms = new NettyCsmsLink(config.csms(),
        new ChargerSecurity(config.csms().security(), config.chargers()), OcppJson.frameMapper(),
        new CentralSystemCallRelay(sessions, translator, schemas, chargers, profiles, metrics,
            upgrade.relays()),
        timer);
    upgrade.attach(csms);
    ClusterNode<JsonNode> cluster = database == null ? null
        : ClusterNode.start(config.cluster(), database, csms, sessions::forget);
    CsmsLink<JsonNode> link = cluster == null ? csms : cluster.link();
    if (config.callbacks().policy() == CallbackConfig.Policy.ANY) {
      LOG.warn("callbacks.policy is 'any': the bridge will call whatever address a request"
          + " names; use it only on a closed test network");
    }
    try {
      PresenceTracker presence = new PresenceTracker(config.sessions().presenceFactor(),
          config.sessions().presenceFloor(), config.sessions().unacceptedWindow(), timer,
          id -> SessionLimits.offline(id, sessions, csms, link));
      ChargerReopener reopener = new ChargerReopener(sessions, presence, csms, profiles);
      restore(store.store(), reopener, presence,
          cluster == null ? id -> true : cluster::takeIfFree, link, timer,
          config.sessions().restoreWindow());
      if (cluster != null) {
        // a dead node's chargers: reopened from the registry once their leases expire
        cluster.takeOverExpired(id -> store.latest(id.value())
            .map(record -> reopener.reopen(record, Instant.now())).orElse(false));
      }
      OpenFiles files = OpenFiles.ofThisProcess();
      NewChargerGate gate = new NewChargerGate(config.sessions(),
          SessionLimits.held(presence, sessions, config.chargers()), files);
      gate.logLimits();
      SessionLimits.watch(metrics, presence, csms, files);
      ChargerAccess access =
          new ChargerAccess(config.chargers(), config.soap().rateLimit(), gate);
      DeadlineSweep deadlines = new DeadlineSweep(timer, Duration.ofSeconds(1));
      metrics.counter("bridge_soap_requests_overdue", "charger requests failed by the bridge's"
          + " last-resort deadline (the call timeout and 5 s) because nothing settled them first;"
          + " above 0 means a fault in the bridge", deadlines::expired);
      OcppSoapEndpoint endpoint = new OcppSoapEndpoint(new ChargerRequestRelay(translator,
          schemas, link, sessions, new CallbackResolver(config.callbacks(), config.chargers()),
          profiles, presence, metrics, upgrade.relays()), access, config.csms().callTimeout(),
          deadlines);
      AnswerStyles answerStyles = new AnswerStyles(config.chargers(),
          identity -> showedNonConformance(sessions, identity));
      RefusalBook refusals = new RefusalBook(metrics::refused);
      SoapServer soap = new SoapServer(config.soap(), endpoint, quirks,
          new NonConformantStacks(quirks, answerStyles, refusals));
      advertised.set(advertisedUrl(config.soap(), soap.address()));
      LOG.info("OCPP SOAP bridge listening on {} (OCPP 1.2, 1.5 and 1.6, SOAP 1.1 and 1.2); "
          + "central system {}; named to chargers as {}{}", soap.address(), config.csms().url(),
          advertised.get(), config.soap().publicUrl() != null ? ""
              : " (set soap.publicUrl if chargers reach the bridge by another address)");
      AdminView view = new AdminView(sessions, csms::isConnected, quirks,
          () -> !endpoint.isDraining(), new LinkCounters(csms::reconnects, csms::failedAttempts,
              csms::queuedCalls, csms::outstandingCalls), access::refusals, refusals,
          answerStyles::describe, gate::saturation,
          new EdgeGauges(soap.edge()::refusals, soap.edge()::connections,
              soap.edge()::requestsInFlight, soap.edge()::saturated,
              new EdgeGauges.Threads(soap.threads()::live, soap.threads()::busy,
                  soap.threads()::queued, soap.threads().max())));
      metrics.watch(view);
      ClusterStatus clusterStatus = cluster == null ? null : new ClusterAdminStatus(cluster);
      if (clusterStatus != null) {
        metrics.watchCluster(clusterStatus);
      }
      AdminServer admin = config.admin().enabled()
          ? new AdminServer(config.admin().host(), config.admin().port(), view, metrics,
              config.admin().token() == null ? null : config.admin().token().reveal(),
              HostCheck.of(config.admin().allowedHosts(), config.admin().host()),
              config.admin().maxTraced(), clusterStatus)
          : null;
      if (admin != null) {
        LOG.info("admin listener on http://{}:{}/ (health, metrics, chargers, trace switch{})",
            config.admin().host(), admin.port(),
            config.admin().token() == null ? "" : "; bearer token required");
      }
      return new Bridge(new Parts(endpoint, csms, soap, store, timer, sessions, quirks,
          config.soap().shutdownGrace(), admin, metrics, database, cluster, chargers));
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      }
      csms.close();
      chargers.close();
      metrics.close();
      store.close();
      if (database != null) {
        database.close();
      }
      timer.shutdownNow();
      throw e;
    }
  }

  /**
   * Reopens the WebSocket of every charger heard from within its presence window before the
   * restart, so the central system can reach it at once. No message is invented: the central
   * system sees a connection, nothing more.
   */
  private static void restore(ChargerStore store, ChargerReopener reopener,
      PresenceTracker presence, Predicate<ChargerId> mayOpen, CsmsLink<?> link,
      ScheduledExecutorService timer, Duration window) {
    Instant now = Instant.now();
    Duration lookBack = presence.window((int) LONGEST_HEARTBEAT.toSeconds());
    List<ChargerContext> restored = new ArrayList<>();
    for (ChargerRecord record : store.seenSince(now.minus(lookBack))) {
      ChargerId id = new ChargerId(record.identity());
      // in a cluster, only chargers no other node serves (mayOpen takes their lease)
      if (!mayOpen.test(id)) {
        continue;
      }
      Optional<ChargerContext> charger = reopener.prepare(record, now);
      if (charger.isPresent()) {
        restored.add(charger.get());
      } else {
        link.release(id, "silent for longer than its presence window");
      }
    }
    if (!restored.isEmpty()) {
      LOG.info("reconnecting {} charger(s) heard from within their presence window before the"
          + " restart, spread over {} (sessions.restoreWindow)", restored.size(),
          io.ocppbridge.core.Durations.text(window));
      SessionLimits.spread(restored, window, timer, presence, link);
    }
  }

  /** The database server of a shared registry, or null for an embedded or no registry. */
  private static RegistryDatabase connectDatabase(SessionsConfig sessions) {
    if (!sessions.isPostgresql()) {
      return null;
    }
    RegistryDatabase database = RegistryDatabase.connect(sessions.store(),
        sessions.storeUser() == null ? null : sessions.storeUser().reveal(),
        sessions.storePassword() == null ? null : sessions.storePassword().reveal());
    LOG.info("charger registry: {} (PostgreSQL)", database.description());
    return database;
  }

  private static ChargerStore openStore(SessionsConfig sessions, RegistryDatabase database) {
    if (SessionsConfig.MEMORY.equals(sessions.store())) {
      return new InMemoryChargerStore();
    }
    if (database != null) {
      return JdbcChargerStore.open(database);
    }
    Path file = Path.of(sessions.store()).toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of sessions.store " + file, e);
    }
    LOG.info("charger registry: {} (H2)", file);
    return JdbcChargerStore.open(JdbcChargerStore.h2FileUrl(file));
  }

  /**
   * The URL the bridge names as {@code wsa:From} toward chargers: {@code soap.publicUrl}, else
   * the listener's address (with this host's address when bound to every interface).
   */
  private static String advertisedUrl(SoapConfig soap, URI bound) {
    if (soap.publicUrl() != null) {
      return soap.publicUrl();
    }
    String host = soap.host();
    if ("0.0.0.0".equals(host) || "::".equals(host)) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostAddress();
      } catch (java.net.UnknownHostException e) {
        host = "127.0.0.1";
      }
    }
    return bound.getScheme() + "://" + host + ":" + bound.getPort() + soap.path();
  }

  /** The admin listener's port, or -1 when it is off. */
  public int adminPort() {
    return parts.admin() == null ? -1 : parts.admin().port();
  }

  /** The URL chargers post to. */
  public URI soapAddress() {
    return parts.soap().address();
  }

  /** True when a charger showed a quirk of SOAP stacks that need the echo-identity style. */
  private static boolean showedNonConformance(SessionRegistry sessions, String identity) {
    try {
      return sessions.find(new io.ocppbridge.core.ChargerId(identity))
          .map(s -> s.showed(QuirkCounter.CHARGE_POINT_NAMESPACE)
              || s.showed(QuirkCounter.FROM_AS_TEXT))
          .orElse(false);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** How often each harmless charger quirk was accepted. */
  public QuirkCounter quirks() {
    return parts.quirks();
  }

  public SessionRegistry sessions() {
    return parts.sessions();
  }

  /** True when the charger's WebSocket to the central system is open now. */
  public boolean isConnected(io.ocppbridge.core.ChargerId id) {
    return parts.csms().isConnected(id);
  }

  @Override
  public void close() {
    if (parts.cluster() != null) {
      parts.cluster().stopTakingOver();
    }
    try {
      int left = parts.endpoint().drain(parts.shutdownGrace());
      if (left > 0) {
        LOG.warn("stopping with {} request(s) still waiting after {}; they get a fault", left,
            io.ocppbridge.core.Durations.text(parts.shutdownGrace()));
      }
      parts.csms().close();
      parts.endpoint().drain(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      parts.csms().close();
    }
    parts.soap().close();
    parts.chargers().close();
    if (parts.cluster() != null) {
      parts.cluster().close();
    }
    if (parts.admin() != null) {
      parts.admin().close();
    }
    parts.metrics().close();
    parts.store().close();
    if (parts.database() != null) {
      parts.database().close();
    }
    parts.timer().shutdownNow();
    LOG.info("OCPP SOAP bridge stopped");
  }
}
