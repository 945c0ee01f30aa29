package io.ocppbridge.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.ocppbridge.config.ChargerSecurity;
import io.ocppbridge.config.CsmsConfig;
import io.ocppbridge.core.CentralSystemCallHandler;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.CsmsLink;
import io.ocppbridge.core.Durations;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.frame.FrameCodec;
import io.ocppbridge.session.CallQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CsmsLink} over Netty: one WebSocket per charger ({@link ChargerLine}), reopened with
 * backoff after a loss while the charger is present; one outstanding CALL per charger, the others
 * waiting in its bounded {@link CallQueue}; every call bounded by {@code csms.callTimeout}.
 */
public final class NettyCsmsLink implements CsmsLink<JsonNode>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NettyCsmsLink.class);
  /** The longest a stopping bridge waits for its close frames to go out. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final CsmsConfig config;
  private final CsmsClient client;
  private final ScheduledExecutorService timer;
  private final Backoff backoff;
  private final ConcurrentMap<ChargerId, ChargerLine> lines = new ConcurrentHashMap<>();
  private final LinkStats stats = new LinkStats();
  private final HandshakePacer pacer;

  /** Each charger with its own security profile and password where it has them. */
  public NettyCsmsLink(CsmsConfig config, ChargerSecurity security, ObjectMapper mapper,
      CentralSystemCallHandler<JsonNode> inbound, ScheduledExecutorService timer) {
    this.config = config;
    this.client = new CsmsClient(config, security, new FrameCodec(mapper), mapper, inbound);
    this.timer = timer;
    this.backoff = new Backoff(config.reconnectFloor(), config.reconnectCeiling());
    this.pacer = new HandshakePacer(config.handshakeRate(), timer);
  }

  @Override
  public CompletableFuture<JsonNode> call(ChargerContext charger, String action,
      JsonNode payload) {
    ChargerLine line = line(charger.id());
    Duration timeout = config.callTimeout();
    return line.queue.submit(
        left -> line.connection(charger).thenCompose(conn -> conn.call(action, payload))
            .thenApply(answer -> BootAnswer.noteOn(line, action, answer)),
        timeout,
        () -> line.isConnected()
            ? OcppException.backendUnavailable("the central system did not answer " + action
                + " within " + Durations.text(timeout), null)
            : OcppException.backendUnavailable(line.unavailableReason(timeout), null));
  }

  @Override
  public void open(ChargerContext charger) {
    line(charger.id()).open(charger);
  }

  @Override
  public void release(ChargerId id, String reason) {
    ChargerLine line = lines.get(id);
    if (line != null) {
      line.release(WebSocketCloseStatus.NORMAL_CLOSURE, reason);
    }
  }

  /**
   * Closes the charger's WebSocket and forgets its line altogether (a charger the central system
   * never accepted, gone silent): nothing of it stays in memory.
   */
  public void forget(ChargerId id, String reason) {
    ChargerLine line = lines.remove(id);
    if (line != null) {
      line.release(WebSocketCloseStatus.NORMAL_CLOSURE, reason);
    }
  }

  /** Chargers with a line (open, opening or waiting to reopen), now. */
  public int lineCount() {
    return lines.size();
  }

  /** Handshakes refused by the central system (HTTP status, subprotocol, credentials, TLS). */
  public long refusedHandshakes() {
    return stats.refusedHandshakes();
  }

  /** BootNotifications the central system answered {@code Rejected}, since start. */
  public long rejectedBoots() {
    return stats.rejectedBoots();
  }

  /** Connections closed before they proved themselves ({@code csms.provenAfter}). */
  public long unprovenConnections() {
    return stats.unprovenConnections();
  }

  /** Handshakes waiting for their slot under {@code csms.handshakeRate}, now. */
  public int pacedHandshakes() {
    return pacer.waiting();
  }

  /** True when the charger's WebSocket is open now. */
  public boolean isConnected(ChargerId id) {
    ChargerLine line = lines.get(id);
    return line != null && line.isConnected();
  }

  /** Seconds between pings on this charger's connection (0: no pings). */
  public int pingIntervalSeconds(ChargerId id) {
    ChargerLine line = lines.get(id);
    Duration set = line == null ? null : line.pingInterval();
    return (int) (set != null ? set : config.pingInterval()).toSeconds();
  }

  /**
   * Sets the ping interval of this charger's connections, the open one at once (the central
   * system's WebSocketPingInterval); not kept across a restart of the bridge.
   */
  public void changePingInterval(ChargerId id, int seconds) {
    line(id).pingInterval(Duration.ofSeconds(Math.max(0, seconds)));
  }

  /** Connections reopened after one had been open, over all chargers, since start. */
  public long reconnects() {
    return stats.reconnects();
  }

  /** Connection attempts that failed (refused, unreachable, timed out), since start. */
  public long failedAttempts() {
    return stats.failedAttempts();
  }

  /** Calls waiting behind each charger's outstanding one, over all chargers, now. */
  public int queuedCalls() {
    return lines.values().stream().mapToInt(l -> l.queue.waitingCount()).sum();
  }

  /** Calls sent to the central system and not answered yet, over all chargers, now. */
  public int outstandingCalls() {
    return (int) lines.values().stream().filter(l -> l.queue.isBusy()).count();
  }

  /**
   * Closes every WebSocket with 1001 (going away), waiting at most {@link #CLOSE_WAIT} for their
   * close frames to go out, then the event loops (which would drop a frame still queued).
   */
  @Override
  public void close() {
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (ChargerLine line : lines.values()) {
      closing.add(line.release(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE,
          "the bridge is stopping"));
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
          .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      long open = closing.stream().filter(f -> !f.isDone()).count();
      LOG.warn("{} of {} connections to the central system did not close within {}; they are"
          + " dropped without their close frame", open, closing.size(),
          Durations.text(CLOSE_WAIT));
    } catch (ExecutionException e) {
      // a connection that failed while closing is closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }

  private ChargerLine line(ChargerId id) {
    return lines.computeIfAbsent(id, k -> new ChargerLine(
        new CallQueue(config.maxQueuedCalls(), timer),
        charger -> pacer.paced(() -> client.connect(charger)), backoff, timer, stats,
        config.provenAfter()));
  }
}
