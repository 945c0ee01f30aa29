package io.ocppbridge.config;

import io.ocppbridge.core.CsmsProtocol;
import java.net.URI;
import java.time.Duration;

/**
 * The OCPP-J central system the bridge connects chargers to.
 *
 * @param url base WebSocket URL; each charger connects to {@code <url>/<identity>}
 *     ({@code csms.url}, required)
 * @param callTimeout how long a charger-initiated call may wait for its answer, queueing and
 *     connecting included ({@code csms.callTimeout}, default 30 s)
 * @param connectTimeout TCP connect plus WebSocket handshake limit ({@code csms.connectTimeout},
 *     default 10 s)
 * @param maxQueuedCalls calls of one charger that may wait behind the outstanding one
 *     ({@code csms.maxQueuedCalls}, default 16)
 * @param maxFrameSize largest WebSocket message accepted from the central system, in bytes
 *     ({@code csms.maxFrameSize}, default 1 MiB)
 * @param reconnectFloor first delay before reconnecting a lost or refused connection
 *     ({@code csms.reconnectFloor}, default 1 s); each further failure doubles it, with jitter
 * @param reconnectCeiling the longest such delay ({@code csms.reconnectCeiling}, default 60 s)
 * @param pingInterval how often a WebSocket ping is sent when nothing else was; a connection
 *     from which nothing (not even a pong) arrived for twice as long is declared dead and
 *     reconnected ({@code csms.pingInterval}, default 30 s; 0 turns pings off)
 * @param security security profile, trust and client certificate ({@link CsmsSecurity})
 * @param protocol how chargers are presented to the central system: in their own version
 *     ({@code native}) or as OCPP 1.6-J through the upgrade profile ({@code ocpp1.6})
 *     ({@code csms.protocol}, default native; per charger {@code chargers.<id>.protocol})
 */
public record CsmsConfig(
    URI url, Duration callTimeout, Duration connectTimeout, int maxQueuedCalls, int maxFrameSize,
    Duration reconnectFloor, Duration reconnectCeiling, Duration pingInterval,
    CsmsSecurity security, CsmsProtocol protocol) {

  /** Chargers presented in their own version. */
  public CsmsConfig(URI url, Duration callTimeout, Duration connectTimeout, int maxQueuedCalls,
      int maxFrameSize, Duration reconnectFloor, Duration reconnectCeiling,
      Duration pingInterval, CsmsSecurity security) {
    this(url, callTimeout, connectTimeout, maxQueuedCalls, maxFrameSize, reconnectFloor,
        reconnectCeiling, pingInterval, security, CsmsProtocol.NATIVE);
  }

  /** Without security settings (profile 0, the JDK's trust store), chargers in their own version. */
  public CsmsConfig(URI url, Duration callTimeout, Duration connectTimeout, int maxQueuedCalls,
      int maxFrameSize, Duration reconnectFloor, Duration reconnectCeiling,
      Duration pingInterval) {
    this(url, callTimeout, connectTimeout, maxQueuedCalls, maxFrameSize, reconnectFloor,
        reconnectCeiling, pingInterval, CsmsSecurity.NONE, CsmsProtocol.NATIVE);
  }

  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_QUEUED_CALLS = 16;
  public static final int DEFAULT_MAX_FRAME_SIZE = 1024 * 1024;
}
