package io.ocppbridge.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
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
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslProvider;
import io.ocppbridge.config.ChargerSecurity;
import io.ocppbridge.config.CsmsConfig;
import io.ocppbridge.config.CsmsSecurity;
import io.ocppbridge.config.KeyMaterial;
import io.ocppbridge.config.TrustMaterial;
import io.ocppbridge.tls.TlsFiles;
import io.ocppbridge.core.CentralSystemCallHandler;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.frame.FrameCodec;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
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
  private final CentralSystemCallHandler<JsonNode> inbound;
  /** A TLS problem usually hits every charger at every attempt: one line a minute per cause. */
  private final WarnEvery tlsWarnings = new WarnEvery(Duration.ofMinutes(1));
  private final SocketTransport transport;
  private final EventLoopGroup group;
  private final ChargerSecurity security;
  /** TLS checking the server only (profiles 0 and 2), or null for ws://. */
  private final SslContext serverAuthTls;
  /** TLS presenting a client certificate too (profile 3), by certificate, made when first used. */
  private final java.util.Map<KeyMaterial, SslContext> mutualTls =
      new java.util.concurrent.ConcurrentHashMap<>();

  CsmsClient(CsmsConfig config, ChargerSecurity security, FrameCodec codec, ObjectMapper mapper,
      CentralSystemCallHandler<JsonNode> inbound) {
    this.config = config;
    this.security = security;
    this.codec = codec;
    this.mapper = mapper;
    this.inbound = inbound;
    boolean wss = "wss".equals(config.url().getScheme());
    CsmsSecurity tls = config.security();
    this.serverAuthTls = wss ? clientTls(tls.trust(), null) : null;
    if (wss && tls.clientKey() != null) {
      mutualTls.put(tls.clientKey(), clientTls(tls.trust(), tls.clientKey()));
    }
    this.transport = SocketTransport.choose(config.transport());
    int loops = config.eventLoops(Runtime.getRuntime().availableProcessors());
    logTransport(config.transport(), transport, loops);
    this.group = transport.newGroup("csms-ws", loops);
  }

  /** Connects a charger; the future fails with a {@link CsmsUnavailable} saying why. */
  CompletableFuture<CsmsConnection> connect(ChargerContext charger) {
    URI uri = CsmsUrls.forCharger(config.url(), charger.id());
    CompletableFuture<CsmsConnection> connected = new CompletableFuture<>();
    String identity = charger.id().value();
    int profile = security.profile(identity);
    HttpHeaders headers = new DefaultHttpHeaders();
    security.csmsPassword(identity).ifPresent(password ->
        headers.set(HttpHeaderNames.AUTHORIZATION, BasicAuth.header(identity, password)));
    WebSocketClientProtocolConfig wsConfig = WebSocketClientProtocolConfig.newBuilder()
        .webSocketUri(uri)
        .customHeaders(headers)
        .version(WebSocketVersion.V13)
        .subprotocol(charger.subprotocol())
        .maxFramePayloadLength(config.maxFrameSize())
        .handshakeTimeoutMillis(config.connectTimeout().toMillis())
        .dropPongFrames(false)
        .build();
    KeyMaterial clientKey = serverAuthTls == null ? null : security.clientKey(identity);
    SslContext sslContext = clientKey == null ? serverAuthTls
        : mutualTls.computeIfAbsent(clientKey, k -> clientTls(config.security().trust(), k));
    boolean tls = sslContext != null;
    int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
    Bootstrap bootstrap = new Bootstrap()
        .group(group)
        .channel(transport.channelType())
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
              SslHandler ssl = new SslHandler(engine);
              ssl.setHandshakeTimeoutMillis(config.connectTimeout().toMillis());
              ch.pipeline().addLast(ssl);
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
                new OcppFrameHandler(charger, codec, mapper, inbound, connected,
                    tlsWarnings));
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

  private static void logTransport(CsmsConfig.Transport setting, SocketTransport chosen,
      int loops) {
    String threads = loops + (loops == 1 ? " event-loop thread" : " event-loop threads");
    if (setting == CsmsConfig.Transport.AUTO && chosen == SocketTransport.NIO) {
      Throwable why = io.netty.channel.epoll.Epoll.unavailabilityCause();
      LOG.info("connections to the central system use {} on {} (csms.transport: auto; epoll"
          + " is unavailable here: {})", chosen.description(), threads,
          why == null ? "unknown reason" : why.toString());
    } else {
      LOG.info("connections to the central system use {} on {} (csms.transport: {})",
          chosen.description(), threads, setting);
    }
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

  /** TLS 1.2/1.3 only; the JDK's trust store plus {@code trust}; a client certificate or none. */
  static SslContext clientTls(TrustMaterial trust, KeyMaterial key) {
    try {
      SslContextBuilder builder = SslContextBuilder.forClient()
          .sslProvider(SslProvider.JDK)
          .protocols(TlsFiles.PROTOCOLS)
          .trustManager(TlsFiles.trustManagers(trust));
      if (key != null) {
        builder.keyManager(TlsFiles.keyManagers(key));
      }
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS toward the central system", e);
    }
  }
}
