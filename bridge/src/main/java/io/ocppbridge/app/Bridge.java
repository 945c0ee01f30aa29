package io.ocppbridge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocppbridge.config.BridgeConfig;
import io.ocppbridge.config.CallbackConfig;
import io.ocppbridge.config.SoapConfig;
import io.ocppbridge.core.QuirkCounter;
import io.ocppbridge.relay.CentralSystemCallRelay;
import io.ocppbridge.relay.ChargerProfiles;
import io.ocppbridge.relay.ChargerRequestRelay;
import io.ocppbridge.schema.PayloadSchemas;
import io.ocppbridge.session.CallbackResolver;
import io.ocppbridge.soap.ChargerCallbackClient;
import io.ocppbridge.session.PresenceTracker;
import io.ocppbridge.session.SessionRegistry;
import io.ocppbridge.soap.OcppSoapEndpoint;
import io.ocppbridge.soap.SoapServer;
import io.ocppbridge.translate.JsonDialect;
import io.ocppbridge.translate.OcppJson;
import io.ocppbridge.translate.OcppSchemaModel;
import io.ocppbridge.translate.SoapJsonTranslator;
import io.ocppbridge.ws.NettyCsmsLink;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running bridge: the SOAP endpoint chargers post to, the WebSocket link to the central
 * system, and what sits between. Started by {@link #start}, stopped by {@link #close} in reverse
 * order (no new SOAP requests first, then the WebSockets, then the timers).
 */
public final class Bridge implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

  private final ScheduledExecutorService timer;
  private final NettyCsmsLink csms;
  private final SoapServer soap;
  private final SessionRegistry sessions;

  private final QuirkCounter quirks;

  private Bridge(ScheduledExecutorService timer, NettyCsmsLink csms, SoapServer soap,
      SessionRegistry sessions, QuirkCounter quirks) {
    this.quirks = quirks;
    this.timer = timer;
    this.csms = csms;
    this.soap = soap;
    this.sessions = sessions;
  }

  public static Bridge start(BridgeConfig config) {
    ObjectMapper payloadMapper = OcppJson.payloadMapper(JsonDialect.OCPPJS);
    QuirkCounter quirks = new QuirkCounter();
    SoapJsonTranslator translator =
        new SoapJsonTranslator(OcppSchemaModel.loadAll(), payloadMapper, quirks);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bridge-timer");
      t.setDaemon(true);
      return t;
    });
    PayloadSchemas schemas = PayloadSchemas.load();
    ChargerProfiles profiles = new ChargerProfiles(config.chargers());
    SessionRegistry sessions = new SessionRegistry(Clock.systemUTC());
    AtomicReference<String> advertised = new AtomicReference<>();
    ChargerCallbackClient chargers = new ChargerCallbackClient(advertised::get,
        config.callbacks().connectTimeout(), config.chargers().callTimeout(),
        config.soap().maxMessageSize(), quirks);
    NettyCsmsLink csms = new NettyCsmsLink(config.csms(), OcppJson.frameMapper(),
        new CentralSystemCallRelay(sessions, translator, schemas, chargers, profiles), timer);
    if (config.callbacks().policy() == CallbackConfig.Policy.ANY) {
      LOG.warn("callbacks.policy is 'any': the bridge will call whatever address a request"
          + " names; use it only on a closed test network");
    }
    SoapServer soap;
    try {
      PresenceTracker presence = new PresenceTracker(config.sessions().presenceFactor(),
          config.sessions().presenceFloor(), timer, id -> {
            LOG.info("[{}] offline: nothing heard for longer than its presence window", id);
            csms.release(id, "the charger went silent");
          });
      ChargerRequestRelay relay = new ChargerRequestRelay(translator, schemas, csms, sessions,
          new CallbackResolver(config.callbacks(), config.chargers()), profiles, presence);
      soap = new SoapServer(config.soap(),
          new OcppSoapEndpoint(relay, config.csms().callTimeout()), quirks);
    } catch (RuntimeException e) {
      csms.close();
      timer.shutdownNow();
      throw e;
    }
    advertised.set(advertisedUrl(config.soap(), soap.address()));
    LOG.info("OCPP SOAP bridge listening on {} (OCPP 1.2 and 1.5, SOAP 1.1 and 1.2); "
        + "central system {}; named to chargers as {}{}", soap.address(), config.csms().url(),
        advertised.get(), config.soap().publicUrl() != null ? ""
            : " (set soap.publicUrl if chargers reach the bridge by another address)");
    return new Bridge(timer, csms, soap, sessions, quirks);
  }

  /**
   * The URL the bridge names as {@code wsa:From} toward chargers: {@code soap.publicUrl}, else
   * the listener's address (with this host's address when bound to every interface).
   */
  private static String advertisedUrl(SoapConfig soap, java.net.URI bound) {
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
    return "http://" + host + ":" + bound.getPort() + soap.path();
  }

  /** The URL chargers post to. */
  public URI soapAddress() {
    return soap.address();
  }

  /** How often each harmless charger quirk was accepted. */
  public QuirkCounter quirks() {
    return quirks;
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  @Override
  public void close() {
    soap.close();
    csms.close();
    timer.shutdownNow();
    LOG.info("OCPP SOAP bridge stopped");
  }
}
