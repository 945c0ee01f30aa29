package io.ocppbridge.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.ocppbridge.core.CentralSystemCallHandler;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.frame.FrameCodec;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a charger's pipeline: completes the connect future when the handshake is
 * done (or says why it failed), then hands every text message to the {@link CsmsConnection}.
 */
final class OcppFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

  private static final Logger LOG = LoggerFactory.getLogger(OcppFrameHandler.class);

  private final ChargerContext charger;
  private final FrameCodec codec;
  private final ObjectMapper mapper;
  private final CentralSystemCallHandler<JsonNode> inbound;
  private final CompletableFuture<CsmsConnection> connected;
  private final WarnEvery tlsWarnings;
  private CsmsConnection connection;

  OcppFrameHandler(ChargerContext charger, FrameCodec codec, ObjectMapper mapper,
      CentralSystemCallHandler<JsonNode> inbound, CompletableFuture<CsmsConnection> connected,
      WarnEvery tlsWarnings) {
    this.charger = charger;
    this.codec = codec;
    this.mapper = mapper;
    this.inbound = inbound;
    this.connected = connected;
    this.tlsWarnings = tlsWarnings;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      connection = new CsmsConnection(ctx.channel(), charger, codec, mapper, inbound);
      LOG.info("[{}] connected to the central system with subprotocol {}", charger.id(),
          charger.subprotocol());
      connected.complete(connection);
    } else if (evt instanceof IdleStateEvent idle && connection != null) {
      keepAlive(ctx, idle);
    } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      fail(ctx, "the central system did not complete the WebSocket handshake in time", false);
    } else if (evt instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
      failTls(ctx, tls.cause());
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (connection == null) {
      return;
    }
    if (frame instanceof TextWebSocketFrame text) {
      connection.onText(text.text());
    } else if (frame instanceof PongWebSocketFrame) {
      LOG.trace("[{}] pong", charger.id());
    } else {
      LOG.warn("[{}] ignored a non-text WebSocket frame from the central system ({})",
          charger.id(), frame.getClass().getSimpleName());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (connection != null) {
      // the charger's line says whether an unexpected close is worth a warning
      LOG.debug("[{}] connection to the central system closed", charger.id());
      connection.onClosed();
    } else {
      fail(ctx, "the central system closed the connection during the WebSocket handshake", false);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (connection == null && TlsFailures.isTls(cause)) {
      // TLS 1.3: a refused client certificate is only known after the client's handshake ended,
      // when the server's alert arrives during the WebSocket upgrade.
      failTls(ctx, cause);
    } else if (connection == null) {
      fail(ctx, handshakeProblem(cause), cause instanceof WebSocketHandshakeException,
          refusedCredentials(cause));
    } else {
      LOG.warn("[{}] WebSocket to the central system failed: {}", charger.id(),
          cause.toString());
      ctx.close();
    }
  }

  /** Pings when the line was quiet; declares the connection dead when nothing came back. */
  private void keepAlive(ChannelHandlerContext ctx, IdleStateEvent idle) {
    if (idle.state() == IdleState.WRITER_IDLE) {
      ctx.writeAndFlush(new PingWebSocketFrame());
    } else if (idle.state() == IdleState.READER_IDLE) {
      LOG.warn("[{}] nothing received from the central system, not even a pong, for two ping"
          + " intervals; closing the connection to reconnect", charger.id());
      ctx.close();
    }
  }

  private void fail(ChannelHandlerContext ctx, String reason, boolean refused) {
    fail(ctx, reason, refused, false);
  }

  private void fail(ChannelHandlerContext ctx, String reason, boolean refused, boolean security) {
    if (connected.completeExceptionally(new CsmsUnavailable(reason, refused, security, null))) {
      if (refused) {
        // a refusal is logged once per charger by its line, not per attempt
        LOG.debug("[{}] cannot connect to the central system: {}", charger.id(), reason);
      } else {
        LOG.warn("[{}] cannot connect to the central system: {}", charger.id(), reason);
      }
    }
    ctx.close();
  }

  /** A failed TLS handshake: refused, not retried before the backoff, cause in the log. */
  private void failTls(ChannelHandlerContext ctx, Throwable cause) {
    String reason = TlsFailures.describe(cause);
    if (connected.completeExceptionally(new CsmsUnavailable(reason, true, true, null))) {
      long unsaid = tlsWarnings.occurred(reason);
      if (unsaid >= 0) {
        LOG.warn("[{}] cannot connect to the central system: {} ({}){}", charger.id(), reason,
            rootMessage(cause), unsaid == 0 ? ""
                : "; " + unsaid + " more time(s) for any charger in the last minute, not logged");
      } else {
        LOG.debug("[{}] cannot connect to the central system: {} ({})", charger.id(), reason,
            rootMessage(cause));
      }
    }
    ctx.close();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** HTTP 401 or 403 instead of the upgrade: the charger's credentials were refused. */
  private static boolean refusedCredentials(Throwable cause) {
    if (cause instanceof WebSocketClientHandshakeException h && h.response() != null) {
      int code = h.response().status().code();
      return code == 401 || code == 403;
    }
    return false;
  }

  /** A reason for the charger that names the refusal without internal details. */
  static String handshakeProblem(Throwable cause) {
    if (cause instanceof WebSocketHandshakeException h && h.getMessage() != null
        && h.getMessage().contains("subprotocol")) {
      return "the central system does not accept the subprotocol offered";
    }
    if (refusedCredentials(cause)) {
      WebSocketClientHandshakeException h = (WebSocketClientHandshakeException) cause;
      return "the central system refused the charger's credentials (HTTP "
          + h.response().status().code() + " " + h.response().status().reasonPhrase()
          + "): check its security profile and password";
    }
    if (cause instanceof WebSocketClientHandshakeException h && h.response() != null) {
      return "the central system refused the WebSocket handshake (HTTP "
          + h.response().status().code() + " " + h.response().status().reasonPhrase() + ")";
    }
    if (cause instanceof WebSocketHandshakeException) {
      return "the central system refused the WebSocket handshake";
    }
    if (TlsFailures.isTls(cause)) {
      return TlsFailures.describe(cause);
    }
    return "the WebSocket handshake with the central system failed";
  }
}
