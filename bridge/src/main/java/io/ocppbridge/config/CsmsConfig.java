package io.ocppbridge.config;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ocppbridge.core.CsmsProtocol;
import io.ocppbridge.core.JsonDialect;
import java.net.URI;
import java.time.Duration;

/**
 * The OCPP-J central system the bridge connects chargers to ({@code csms.*}).
 *
 * @param url base WebSocket URL; each charger connects to {@code <url>/<identity>} (required)
 * @param callTimeout how long a charger-initiated call may wait for its answer, queueing and
 *     connecting included
 * @param connectTimeout TCP connect plus WebSocket handshake limit
 * @param maxQueuedCalls calls of one charger that may wait behind the outstanding one
 * @param maxFrameSize largest WebSocket message accepted from the central system, in bytes
 * @param reconnectFloor first delay before reconnecting a lost or refused connection; each
 *     further failure doubles it, with jitter
 * @param reconnectCeiling the longest such delay
 * @param pingInterval how often a WebSocket ping is sent when nothing else was; a connection
 *     from which nothing (not even a pong) arrived for twice as long is declared dead and
 *     reconnected (zero: no pings)
 * @param security security profile, trust and client certificate ({@link CsmsSecurity})
 * @param protocol how chargers are presented to the central system: in their own version
 *     ({@code native}) or through an upgrade profile (per charger {@code chargers.<id>.protocol})
 * @param provenAfter a connection open this long (or that carried an answer) has proven itself:
 *     only then does the reconnect backoff start again from {@code reconnectFloor}
 * @param handshakeRate WebSocket handshakes per second toward the central system, over all
 *     chargers (a token bucket holding one second's worth)
 * @param jsonDialect how the JSON of chargers presented natively in {@code ocpp1.5} is named
 *     (per charger {@code chargers.<id>.jsonDialect})
 * @param transport the socket transport of the WebSocket connections: Netty's native epoll on
 *     Linux or Java NIO ({@link Transport})
 * @param ioThreads the event-loop threads that carry every charger's WebSocket (0: one per two
 *     cores, at least one; {@link #eventLoops})
 */
public record CsmsConfig(
    @Key(doc = "Base WebSocket URL (ws:// or wss://) of the OCPP-J central system; each charger"
        + " connects to <url>/<chargeBoxIdentity>. Required.")
    URI url,
    @Key(defaultValue = "30s",
        doc = "How long a charger's request may wait for the central system's answer, queueing"
            + " and connecting included; past it the charger gets a fault saying so.")
    Duration callTimeout,
    @Key(defaultValue = "10s", doc = "TCP connect plus WebSocket handshake limit.")
    Duration connectTimeout,
    @Key(defaultValue = "16", min = 0, max = 100_000,
        doc = "Requests of one charger that may wait behind its outstanding CALL.")
    int maxQueuedCalls,
    @Key(defaultValue = "1048576", min = 1024, max = 64 * 1024 * 1024,
        doc = "Largest WebSocket message accepted from the central system, in bytes.")
    int maxFrameSize,
    @Key(defaultValue = "1s",
        doc = "First delay before reopening a lost or refused connection; it doubles with each"
            + " failure, with jitter.")
    Duration reconnectFloor,
    @Key(defaultValue = "60s", doc = "The longest delay between reconnection attempts.")
    Duration reconnectCeiling,
    @Key(defaultValue = "30s", zeroMeansOff = true,
        doc = "A WebSocket ping is sent when nothing else was for this long; nothing received"
            + " for twice as long declares the connection dead. 0 turns pings off.")
    Duration pingInterval,
    @JsonUnwrapped
    CsmsSecurity security,
    @Key(defaultValue = "native",
        doc = "How chargers are presented: native (each in its own OCPP version), ocpp1.6"
            + " (1.2/1.5 chargers as OCPP 1.6-J chargers) or ocpp2.0.1 (1.2/1.5/1.6 chargers as"
            + " OCPP 2.0.1 charging stations): the upgrade profiles.")
    CsmsProtocol protocol,
    @Key(defaultValue = "30s",
        doc = "A connection that stayed open this long, or carried an answer, has proven itself;"
            + " only then does the reconnect backoff start again from reconnectFloor (a central"
            + " system that accepts and closes at once is retried with growing delays).")
    Duration provenAfter,
    @Key(defaultValue = "50", min = 0.1, max = 100_000,
        doc = "WebSocket handshakes per second toward the central system over all chargers"
            + " (reconnects, new chargers and the reopening after a restart); the excess waits"
            + " its turn.")
    double handshakeRate,
    @Key(defaultValue = "xsd",
        doc = "JSON names toward an ocpp1.5 central system: xsd (as the XSD: SteVe and other"
            + " JAXB-based systems) or ocppjs (the 1.5 meter value's samples in a list named"
            + " 'values'). Per charger: chargers.<id>.jsonDialect. See docs/compatibility.md.")
    JsonDialect jsonDialect,
    @Key(defaultValue = "auto",
        doc = "Socket transport of the connections to the central system: auto (Netty's native"
            + " epoll where available, on Linux x86_64, otherwise Java NIO), nio, or epoll (the"
            + " bridge does not start where epoll is unavailable).")
    Transport transport,
    @Key(defaultValue = "0", min = 0, max = 1024,
        doc = "Event-loop threads carrying all the WebSockets to the central system (their I/O"
            + " and the translation of the central system's messages); 0: one per two cores, at"
            + " least one. More loops than needed cost CPU: each waits and is woken on its own.")
    int ioThreads) {

  public CsmsConfig {
    if (url == null) {
      throw new InvalidSetting("url",
          "is required (the OCPP-J central system, e.g. ws://csms.example.com:9000/ocpp)");
    }
    if (!"ws".equals(url.getScheme()) && !"wss".equals(url.getScheme())) {
      throw new InvalidSetting("url", "'" + url + "' must be a ws:// or wss:// URL");
    }
    if (url.getHost() == null) {
      throw new InvalidSetting("url", "'" + url + "' has no host");
    }
    if (url.getQuery() != null || url.getFragment() != null) {
      throw new InvalidSetting("url", "'" + url + "' must not have a query or fragment");
    }
    if (reconnectCeiling.compareTo(reconnectFloor) < 0) {
      throw new InvalidSetting("reconnectCeiling", "must not be shorter than reconnectFloor ("
          + reconnectFloor + ")");
    }
  }

  /**
   * The event loops to start on a machine with {@code cores} processors: {@code ioThreads} when
   * set, else one per two cores, at least one. A loop does little per message (a system call
   * each way and the translation of the answer), so one keeps up with the SOAP side of about two
   * cores; every loop beyond that mostly sleeps and is woken per message, which costs more CPU
   * than the message itself.
   */
  public int eventLoops(int cores) {
    return ioThreads > 0 ? ioThreads : Math.max(1, cores / 2);
  }

  /** How the connections to the central system use the operating system's sockets. */
  public enum Transport {
    /** Epoll where Netty's native library loads, otherwise NIO. */
    AUTO,
    /** Java NIO (a selector), on every operating system. */
    NIO,
    /** Netty's native epoll transport (Linux x86_64); refused at start where it cannot load. */
    EPOLL;

    /** As written in the configuration ({@code csms.transport}): the name in lower case. */
    public String configName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
      return configName();
    }
  }
}
