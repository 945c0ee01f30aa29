package io.ocppbridge.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@link CsmsLink} over Netty: one WebSocket per charger, opened on its first call and
 * reopened on the next call after it was lost; one outstanding CALL per charger, the others
 * waiting in its bounded {@link CallQueue}; every call bounded by {@code csms.callTimeout}.
 */
public final class NettyCsmsLink implements CsmsLink, AutoCloseable {

  private final CsmsConfig config;
  private final CsmsClient client;
  private final ScheduledExecutorService timer;
  private final ConcurrentMap<ChargerId, ChargerLine> lines = new ConcurrentHashMap<>();

  public NettyCsmsLink(CsmsConfig config, ObjectMapper mapper, CentralSystemCallHandler inbound,
      ScheduledExecutorService timer) {
    this.config = config;
    this.client = new CsmsClient(config, new FrameCodec(mapper), mapper, inbound);
    this.timer = timer;
  }

  @Override
  public CompletableFuture<String> call(ChargerContext charger, String action, String payload) {
    ChargerLine line = lines.computeIfAbsent(charger.id(),
        id -> new ChargerLine(new CallQueue(config.maxQueuedCalls(), timer)));
    Duration timeout = config.callTimeout();
    return line.queue.submit(
        left -> line.connection(charger).thenCompose(conn -> conn.call(action, payload)),
        timeout,
        () -> line.isConnected()
            ? OcppException.backendUnavailable("the central system did not answer " + action
                + " within " + Durations.text(timeout), null)
            : OcppException.backendUnavailable("could not connect to the central system within "
                + Durations.text(timeout), null));
  }

  /** True when the charger's WebSocket is open now. */
  public boolean isConnected(ChargerId id) {
    ChargerLine line = lines.get(id);
    return line != null && line.isConnected();
  }

  @Override
  public void close() {
    for (ChargerLine line : lines.values()) {
      line.close();
    }
    client.close();
  }

  /** The connection a finished, successful connect produced; null otherwise. */
  private static CsmsConnection openNow(CompletableFuture<CsmsConnection> f) {
    if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
      return null;
    }
    return f.join();
  }

  /** One charger's connection, opened lazily; replaced when lost or when its version changes. */
  private final class ChargerLine {
    final CallQueue queue;
    private CompletableFuture<CsmsConnection> current;

    ChargerLine(CallQueue queue) {
      this.queue = queue;
    }

    synchronized CompletableFuture<CsmsConnection> connection(ChargerContext charger) {
      if (current != null) {
        if (!current.isDone()) {
          return current;
        }
        CsmsConnection open = openNow(current);
        if (open != null && open.isOpen() && open.charger().version() == charger.version()) {
          return current;
        }
        if (open != null && open.isOpen()) {
          open.close(WebSocketCloseStatus.NORMAL_CLOSURE);
        }
      }
      current = client.connect(charger);
      return current;
    }

    synchronized boolean isConnected() {
      CsmsConnection open = openNow(current);
      return open != null && open.isOpen();
    }

    synchronized void close() {
      CsmsConnection open = openNow(current);
      if (open != null) {
        open.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
      }
    }
  }
}
