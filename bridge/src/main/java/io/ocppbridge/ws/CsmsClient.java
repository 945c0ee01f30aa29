package io.ocppbridge.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.ocppbridge.config.CsmsConfig;
import io.ocppbridge.core.CentralSystemCallHandler;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.frame.FrameCodec;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens charger WebSockets to the central system; one event loop group for all of them. */
final class CsmsClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CsmsClient.class);
  private static final int MAX_HANDSHAKE_RESPONSE = 16 * 1024;

  private final CsmsConfig config;
  private final FrameCodec codec;
  private final ObjectMapper mapper;
  private final CentralSystemCallHandler inbound;
  private final EventLoopGroup group;
  private final SslContext sslContext;

  CsmsClient(CsmsConfig config, FrameCodec codec, ObjectMapper mapper,
      CentralSystemCallHandler inbound) {
    this.config = config;
    this.codec = codec;
    this.mapper = mapper;
    this.inbound = inbound;
    this.group = new NioEventLoopGroup(0, new io.netty.util.concurrent.DefaultThreadFactory(
        "csms-ws", true));
    this.sslContext = "wss".equals(config.url().getScheme()) ? clientTls() : null;
  }

  /** Connects a charger; the future fails with a {@link CsmsUnavailable} saying why. */
  CompletableFuture<CsmsConnection> connect(ChargerContext charger) {
    URI uri = CsmsUrls.forCharger(config.url(), charger.id());
    CompletableFuture<CsmsConnection> connected = new CompletableFuture<>();
    WebSocketClientProtocolConfig wsConfig = WebSocketClientProtocolConfig.newBuilder()
        .webSocketUri(uri)
        .version(WebSocketVersion.V13)
        .subprotocol(charger.subprotocol())
        .maxFramePayloadLength(config.maxFrameSize())
        .handshakeTimeoutMillis(config.connectTimeout().toMillis())
        .dropPongFrames(false)
        .build();
    boolean tls = sslContext != null;
    int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
    Bootstrap bootstrap = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (tls) {
              SSLEngine engine = sslContext.newEngine(ch.alloc(), uri.getHost(), port);
              SSLParameters params = engine.getSSLParameters();
              params.setEndpointIdentificationAlgorithm("HTTPS");
              engine.setSSLParameters(params);
              ch.pipeline().addLast(new SslHandler(engine));
            }
            long ping = config.pingInterval().toMillis();
            if (ping > 0) {
              // Nothing written for one interval: ping. Nothing read for two: dead.
              ch.pipeline().addLast(new IdleStateHandler(2 * ping, ping, 0,
                  java.util.concurrent.TimeUnit.MILLISECONDS));
            }
            ch.pipeline().addLast(
                new HttpClientCodec(),
                new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE),
                new WebSocketClientProtocolHandler(wsConfig),
                new WebSocketFrameAggregator(config.maxFrameSize()),
                new OcppFrameHandler(charger, codec, mapper, inbound, connected));
          }
        });
    LOG.debug("[{}] connecting to {}", charger.id(), uri);
    ChannelFuture f = bootstrap.connect(uri.getHost(), port);
    f.addListener(done -> {
      if (!done.isSuccess()) {
        String reason = done.cause() instanceof ConnectException
            ? "the central system is unreachable (connection refused)"
            : "the central system is unreachable (" + simpleName(done.cause()) + ")";
        LOG.warn("[{}] cannot connect to {}: {}", charger.id(), uri, done.cause().toString());
        connected.completeExceptionally(new CsmsUnavailable(reason, false, done.cause()));
      }
    });
    return connected;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static String simpleName(Throwable t) {
    if (t instanceof io.netty.channel.ConnectTimeoutException) {
      return "connect timed out";
    }
    if (t instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    return "network error";
  }

  private static SslContext clientTls() {
    try {
      return SslContextBuilder.forClient().protocols("TLSv1.3", "TLSv1.2").build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS toward the central system", e);
    }
  }
}
