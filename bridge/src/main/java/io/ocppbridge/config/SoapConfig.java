package io.ocppbridge.config;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;

/**
 * The SOAP listener chargers post to ({@code soap.*}).
 *
 * @param host address to bind
 * @param port TCP port (0 picks a free port)
 * @param path URL path serving every OCPP version
 * @param publicUrl the URL chargers and the bridge's own {@code wsa:From} use for this listener,
 *     when it differs from what the bridge binds (behind a proxy); null means derived
 * @param maxMessageSize the largest SOAP message accepted from a charger, in bytes
 * @param shutdownGrace how long requests in flight may take to finish at shutdown
 * @param tls the listener's certificate: HTTPS instead of HTTP when set, else null
 * @param rateLimit requests per second one charger may send (0: no limit)
 * @param limits the bounds on what one client can make the listener hold ({@link SoapLimits})
 * @param senderFaultStatus the HTTP status of a SOAP 1.2 Sender fault: 400 (the SOAP 1.2 HTTP
 *     binding) or 500 (for SOAP stacks that read a fault only under 500)
 * @param threads the most threads the listener runs (0: automatic); see
 *     {@link #listenerThreads}
 */
public record SoapConfig(
    @Key(defaultValue = "0.0.0.0",
        doc = "Address the SOAP listener binds to (0.0.0.0: every interface).")
    String host,
    @Key(defaultValue = "8080", min = 0, max = 65535,
        doc = "TCP port chargers post to (0 picks a free port, logged at start).")
    int port,
    @Key(defaultValue = "/ocpp",
        doc = "URL path serving every OCPP version, SOAP 1.1 and 1.2.")
    String path,
    @Key(doc = "The URL chargers reach this listener by when it differs from host, port and path"
        + " (reverse proxy, NAT); also the bridge's own wsa:From toward chargers.")
    String publicUrl,
    @Key(defaultValue = "1048576", min = 1024, max = 64 * 1024 * 1024,
        doc = "Largest SOAP message accepted from a charger, in bytes (its requests and its"
            + " answers to central-system calls); larger ones are refused unparsed.")
    int maxMessageSize,
    @Key(defaultValue = "10s",
        doc = "At shutdown, how long requests in flight may take to finish before the rest are"
            + " answered with a fault.")
    Duration shutdownGrace,
    @Key(doc = "HTTPS listener certificate (HTTP when unset)")
    @JsonUnwrapped
    KeyMaterial tls,
    @Key(defaultValue = "0", min = 0, max = 1_000_000,
        doc = "Requests per second one charger may send (a token bucket holding one second's"
            + " worth); the excess gets a GenericError fault. 0: no limit.")
    double rateLimit,
    SoapLimits limits,
    @Key(defaultValue = "400", min = 400, max = 500,
        doc = "HTTP status of a SOAP 1.2 Sender fault (the charger's mistake): 400 as the SOAP"
            + " 1.2 HTTP binding has it, or 500 for charger SOAP stacks that read a fault only"
            + " under 500 (.NET WCF, CXF clients by default). Receiver and SOAP 1.1 faults: 500.")
    int senderFaultStatus,
    @Key(defaultValue = "0", min = 0, max = 10_000,
        doc = "Most threads the SOAP listener runs (Jetty's acceptor, selectors and reserve"
            + " included, logged at start): they parse, check and answer requests, and never wait"
            + " for the central system."
            + " Beyond them, work queues (bridge_soap_queued_tasks). 0: automatic, four per core"
            + " and at least 16. Else at least " + SoapConfig.MIN_THREADS + ".")
    int threads) {

  /** The fewest threads the listener may be given: Jetty holds some for itself. */
  public static final int MIN_THREADS = 8;

  public SoapConfig {
    if (!path.startsWith("/")) {
      throw new InvalidSetting("path", "'" + path + "' must start with '/'");
    }
    if (publicUrl != null) {
      String scheme = ConfigChecks.uri("publicUrl", publicUrl).getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        throw new InvalidSetting("publicUrl", "'" + publicUrl
            + "' must be an http:// or https:// URL");
      }
    }
    tls = KeyMaterial.orNull(tls);
    if (senderFaultStatus != 400 && senderFaultStatus != 500) {
      throw new InvalidSetting("senderFaultStatus", "'" + senderFaultStatus
          + "' must be 400 or 500");
    }
    if (threads != 0 && threads < MIN_THREADS) {
      throw new InvalidSetting("threads", "'" + threads + "' must be 0 (automatic) or at least "
          + MIN_THREADS + ": Jetty's acceptor, selectors and reserve come from it too");
    }
  }

  /**
   * The most threads the listener runs on a machine with {@code cores} processors:
   * {@code threads} when set, else four per core and at least 16. No request holds a thread
   * while its call is out, so a few per core keep the cores busy; a pool as large as Jetty's
   * usual 200 only spreads a burst over threads whose caches are cold, and makes each garbage
   * collection scan more stacks.
   */
  public int listenerThreads(int cores) {
    return threads > 0 ? threads : Math.max(16, 4 * cores);
  }

  /** True when the listener speaks HTTPS. */
  public boolean https() {
    return tls != null;
  }
}
