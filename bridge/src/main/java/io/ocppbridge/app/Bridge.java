package io.ocppbridge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.access.ChargerAccess;
import io.ocppbridge.admin.AdminServer;
import io.ocppbridge.admin.HostCheck;
import io.ocppbridge.admin.AdminView;
import io.ocppbridge.admin.EdgeGauges;
import io.ocppbridge.admin.BridgeMetrics;
import io.ocppbridge.admin.LinkCounters;
import io.ocppbridge.config.BridgeConfig;
import io.ocppbridge.config.CallbackConfig;
import io.ocppbridge.config.ChargerSecurity;
import io.ocppbridge.config.SessionsConfig;
import io.ocppbridge.config.SoapConfig;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.relay.CentralSystemCallRelay;
import io.ocppbridge.relay.ChargerProfiles;
import io.ocppbridge.relay.ChargerRequestRelay;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.session.CallbackResolver;
import io.ocppbridge.session.ChargerRecord;
import io.ocppbridge.session.ChargerSession;
import io.ocppbridge.session.ChargerStore;
import io.ocppbridge.session.InMemoryChargerStore;
import io.ocppbridge.session.JdbcChargerStore;
import io.ocppbridge.session.PresenceTracker;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.session.WriteBehindStore;
import io.ocppbridge.soap.ChargerCallbackClient;
import io.ocppbridge.soap.OcppSoapEndpoint;
import io.ocppbridge.soap.SoapServer;
import io.ocppbridge.translate.JsonDialect;
import io.ocppbridge.translate.OcppJson;
import io.ocppbridge.translate.OcppSchemaModel;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
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
      QuirkCounter quirks, Duration shutdownGrace, AdminServer admin, BridgeMetrics metrics) {}

  private Bridge(Parts parts) {
    this.parts = parts;
  }

  public static Bridge start(BridgeConfig config) {
    // every certificate, key and truststore is read now: a bad file stops the start, naming it
    TlsFiles.checkAll(config);
    ObjectMapper payloadMapper = OcppJson.payloadMapper(JsonDialect.OCPPJS);
    QuirkCounter quirks = new QuirkCounter();
    SoapJsonTranslator translator =
        new SoapJsonTranslator(OcppSchemaModel.loadAll(), payloadMapper, quirks);
    PayloadSchemas schemas = PayloadSchemas.load();
    ChargerProfiles profiles = new ChargerProfiles(config.chargers(), config.csms().protocol());
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bridge-timer");
      t.setDaemon(true);
      return t;
    });
    WriteBehindStore store = new WriteBehindStore(openStore(config.sessions()),
        config.sessions().flushInterval(), WriteBehindStore.DEFAULT_MAX_PENDING);
    SessionRegistry sessions = new SessionRegistry(Clock.systemUTC(), store);
    AtomicReference<String> advertised = new AtomicReference<>();
    ChargerCallbackClient chargers = new ChargerCallbackClient(advertised::get,
        config.callbacks().connectTimeout(), config.chargers().callTimeout(),
        config.soap().maxMessageSize(), quirks,
        TlsFiles.clientContext(config.callbacks().trust(), config.callbacks().clientKey()));
    SecurityNotes.logAtStart(config);
    BridgeMetrics metrics = new BridgeMetrics();
    UpgradeWiring upgrade = new UpgradeWiring(metrics, schemas, sessions);
    NettyCsmsLink csms = new NettyCsmsLink(config.csms(),
        new ChargerSecurity(config.csms().security(), config.chargers()), OcppJson.frameMapper(),
        new CentralSystemCallRelay(sessions, translator, schemas, chargers, profiles, metrics,
            upgrade.relays()),
        timer);
    upgrade.attach(csms);
    if (config.callbacks().policy() == CallbackConfig.Policy.ANY) {
      LOG.warn("callbacks.policy is 'any': the bridge will call whatever address a request"
          + " names; use it only on a closed test network");
    }
    try {
      PresenceTracker presence = new PresenceTracker(config.sessions().presenceFactor(),
          config.sessions().presenceFloor(), timer, id -> {
            LOG.info("[{}] offline: nothing heard for longer than its presence window", id);
            csms.release(id, "the charger went silent");
          });
      restore(store.store(), sessions, presence, csms, profiles);
      ChargerAccess access = new ChargerAccess(config.chargers(), config.soap().rateLimit());
      OcppSoapEndpoint endpoint = new OcppSoapEndpoint(new ChargerRequestRelay(translator,
          schemas, csms, sessions, new CallbackResolver(config.callbacks(), config.chargers()),
          profiles, presence, metrics, upgrade.relays()), access, config.csms().callTimeout());
      SoapServer soap = new SoapServer(config.soap(), endpoint, quirks);
      advertised.set(advertisedUrl(config.soap(), soap.address()));
      LOG.info("OCPP SOAP bridge listening on {} (OCPP 1.2, 1.5 and 1.6, SOAP 1.1 and 1.2); "
          + "central system {}; named to chargers as {}{}", soap.address(), config.csms().url(),
          advertised.get(), config.soap().publicUrl() != null ? ""
              : " (set soap.publicUrl if chargers reach the bridge by another address)");
      AdminView view = new AdminView(sessions, csms::isConnected, quirks,
          () -> !endpoint.isDraining(), new LinkCounters(csms::reconnects, csms::failedAttempts,
              csms::queuedCalls, csms::outstandingCalls), access::refusals,
          new EdgeGauges(soap.edge()::refusals, soap.edge()::connections,
              soap.edge()::requestsInFlight, soap.edge()::saturated));
      metrics.watch(view);
      AdminServer admin = config.admin().enabled()
          ? new AdminServer(config.admin().host(), config.admin().port(), view, metrics,
              config.admin().token() == null ? null : config.admin().token().reveal(),
              HostCheck.of(config.admin().allowedHosts(), config.admin().host()),
              config.admin().maxTraced())
          : null;
      if (admin != null) {
        LOG.info("admin listener on http://{}:{}/ (health, metrics, chargers, trace switch{})",
            config.admin().host(), admin.port(),
            config.admin().token() == null ? "" : "; bearer token required");
      }
      return new Bridge(new Parts(endpoint, csms, soap, store, timer, sessions, quirks,
          config.soap().shutdownGrace(), admin, metrics));
    } catch (RuntimeException e) {
      csms.close();
      metrics.close();
      store.close();
      timer.shutdownNow();
      throw e;
    }
  }

  /**
   * Reopens the WebSocket of every charger heard from within its presence window before the
   * restart, so the central system can reach it at once. No message is invented: the central
   * system sees a connection, nothing more.
   */
  private static void restore(ChargerStore store, SessionRegistry sessions,
      PresenceTracker presence, NettyCsmsLink csms, ChargerProfiles profiles) {
    Instant now = Instant.now();
    Duration lookBack = presence.window((int) LONGEST_HEARTBEAT.toSeconds());
    int restored = 0;
    for (ChargerRecord record : store.seenSince(now.minus(lookBack))) {
      Duration silent = Duration.between(record.lastSeen(), now);
      ChargerSession session = sessions.restore(record);
      if (presence.restore(session.id(), record.heartbeatIntervalSeconds(), silent)) {
        // the configuration of now decides the dialect, not the one recorded
        session.protocol(profiles.protocol(session.id(), session.version()));
        csms.open(new ChargerContext(session.id(), session.version(), session.protocol()));
        restored++;
      }
    }
    if (restored > 0) {
      LOG.info("reconnecting {} charger(s) heard from within their presence window before the"
          + " restart", restored);
    }
  }

  private static ChargerStore openStore(SessionsConfig sessions) {
    if (SessionsConfig.MEMORY.equals(sessions.store())) {
      return new InMemoryChargerStore();
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
    if (parts.admin() != null) {
      parts.admin().close();
    }
    parts.metrics().close();
    parts.store().close();
    parts.timer().shutdownNow();
    LOG.info("OCPP SOAP bridge stopped");
  }
}
