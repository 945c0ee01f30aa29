package io.ocppbridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small OCPP-J central system on Netty: accepts a WebSocket per charger at {@code /<identity>}
 * with the subprotocols it is given, answers each CALL through a reply function, and records
 * every CALL it received. The demo uses it with {@link SensibleCsmsAnswers}; tests give their own
 * replies, delays, refusals and silences. It also sends its own CALLs to a connected charger
 * ({@link #sendCall}) and records the answers.
 */
public final class CsmsSimulator implements AutoCloseable {

  /**
   * The answer to a CALL this simulator sent: the whole CALLRESULT {@code [3,id,{...}]} or
   * CALLERROR {@code [4,id,code,description,{...}]} frame.
   */
  public record CallAnswer(String chargerId, String messageId, String action, JsonNode frame) {}

  /**
   * A WebSocket upgrade request as it arrived, refused or not.
   *
   * @param chargerId the identity in its URL
   * @param nanoTime when it arrived ({@link System#nanoTime()})
   */
  public record Handshake(String chargerId, long nanoTime) {}

  /** A CALL sent on a connection and not yet answered. */
  private record OutgoingCall(Channel channel, String chargerId, String action,
      CompletableFuture<JsonNode> answer) {}

  private static final Logger LOG = LoggerFactory.getLogger(CsmsSimulator.class);
  private static final AttributeKey<String> CHARGER = AttributeKey.valueOf("charger");
  private static final AttributeKey<String> SUBPROTOCOL = AttributeKey.valueOf("subprotocol");
  /** Set on a connection once it is frozen: a frame already read from its socket is ignored. */
  private static final AttributeKey<Boolean> FROZEN = AttributeKey.valueOf("frozen");

  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final java.util.concurrent.atomic.AtomicInteger accepted =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final List<ReceivedCall> received = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> answers = new ConcurrentHashMap<>();
  private final Map<String, Channel> chargers = new ConcurrentHashMap<>();
  private final Map<String, OutgoingCall> outgoing = new ConcurrentHashMap<>();
  private final List<CallAnswer> callAnswers = new CopyOnWriteArrayList<>();
  private final AtomicLong callIds = new AtomicLong();
  private final ObjectMapper mapper = new ObjectMapper();
  private volatile Function<ReceivedCall, CsmsReply> replies;
  private volatile HttpResponseStatus refuseHandshakeWith;
  private final boolean tls;
  private final Map<String, String> passwords;
  private final Map<String, String> clientSubjects = new ConcurrentHashMap<>();
  private final Map<String, Integer> closeCodes = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger refusedCredentials =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean keepRecords = true;
  private volatile boolean closeAfterHandshake;
  private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
  private final SocketsPerIdentity sockets = new SocketsPerIdentity();

  /**
   * Starts on {@code host:port} (0 picks a free port).
   *
   * @param subprotocols the subprotocols accepted, e.g. {@code ocpp1.5,ocpp1.2}
   */
  public CsmsSimulator(String host, int port, String subprotocols,
      Function<ReceivedCall, CsmsReply> replies) {
    this(host, port, subprotocols, replies, null, null);
  }

  /**
   * Starts a central system with OCPP security: {@code wss://} when {@code tls} is given (a
   * server context; one that requires client certificates gives security profile 3), and HTTP
   * basic authentication when {@code passwords} is given (identity → password; the user name
   * must be the identity in the URL, as in OCPP security profiles 1 and 2). Refused credentials
   * are answered 401.
   */
  public CsmsSimulator(String host, int port, String subprotocols,
      Function<ReceivedCall, CsmsReply> replies, io.netty.handler.ssl.SslContext tls,
      Map<String, String> passwords) {
    this.replies = replies;
    this.tls = tls != null;
    this.passwords = passwords == null ? null : Map.copyOf(passwords);
    this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("csms-sim", true),
        NioIoHandler.newFactory());
    WebSocketServerProtocolConfig wsConfig = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath("/")
        .checkStartsWith(true)
        .subprotocols(subprotocols)
        .maxFramePayloadLength(1024 * 1024)
        .build();
    this.serverChannel = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (tls != null) {
              ch.pipeline().addLast(tls.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new HandshakeGate(), new CloseRecorder(),
                new WebSocketServerProtocolHandler(wsConfig), new CallHandler());
          }
        })
        .bind(host, port).syncUninterruptibly().channel();
  }

  /** The base URL a bridge's {@code csms.url} points to. */
  public URI url() {
    InetSocketAddress a = (InetSocketAddress) serverChannel.localAddress();
    return URI.create((tls ? "wss://" : "ws://") + a.getHostString() + ":" + a.getPort()
        + "/ocpp");
  }

  /**
   * The subject of the client certificate each charger's latest connection presented (mutual
   * TLS only), by charger id.
   */
  public Map<String, String> clientCertificateSubjects() {
    return Map.copyOf(clientSubjects);
  }

  /**
   * The status code of the last WebSocket close frame each charger's connection sent (1000 a
   * normal closure, 1001 going away), by charger id; absent when none was sent.
   */
  public java.util.Optional<Integer> closeCode(String chargerId) {
    return java.util.Optional.ofNullable(closeCodes.get(chargerId));
  }

  /** Upgrade requests refused with 401 for missing or wrong basic authentication. */
  public int refusedCredentials() {
    return refusedCredentials.get();
  }

  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** Every CALL received so far, in arrival order. */
  public List<ReceivedCall> received() {
    return List.copyOf(received);
  }

  /** The CALLRESULT payloads sent so far, by the message id of the CALL they answered. */
  public Map<String, JsonNode> answers() {
    return Map.copyOf(answers);
  }

  /** The answers received so far to the CALLs sent with {@link #sendCall}, in arrival order. */
  public List<CallAnswer> callAnswers() {
    return List.copyOf(callAnswers);
  }

  /**
   * Whether the CALLs received, the answers sent and the answers received are kept for
   * {@link #received}, {@link #answers} and {@link #callAnswers} (the default). A benchmark
   * turns it off: millions of records would make the simulator, not the bridge, the thing
   * measured.
   */
  public void keepRecords(boolean keep) {
    this.keepRecords = keep;
  }

  /** Forgets the CALLs received, the answers sent and the answers received. */
  public void clearReceived() {
    received.clear();
    answers.clear();
    callAnswers.clear();
  }

  /**
   * Sends {@code [2,<new id>,action,payload]} on the charger's open WebSocket, without waiting.
   *
   * @return completes with the whole answer frame ({@code [3,...]} or {@code [4,...]}) as a JSON
   *     array, on the simulator's event loop (use the {@code ...Async} stages for slow work);
   *     fails with {@link IllegalStateException} when the charger has no open connection or it
   *     closes before the answer, with {@link TimeoutException} when no answer came in time
   */
  public CompletableFuture<JsonNode> sendCall(String chargerId, String action, JsonNode payload,
      Duration timeout) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(timeout, "timeout");
    Channel channel = chargers.get(chargerId);
    if (channel == null || !channel.isActive()) {
      return CompletableFuture.failedFuture(new IllegalStateException(
          "the simulated central system has no open WebSocket for charger '" + chargerId
              + "' (connected: " + chargers.keySet() + ")"));
    }
    String messageId = "csms-" + callIds.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    outgoing.put(messageId, new OutgoingCall(channel, chargerId, action, answer));
    ScheduledFuture<?> timer = channel.eventLoop().schedule(
        () -> answer.completeExceptionally(new TimeoutException("charger '" + chargerId
            + "' did not answer " + action + " (" + messageId + ") within "
            + timeout.toMillis() + " ms")),
        timeout.toMillis(), TimeUnit.MILLISECONDS);
    answer.whenComplete((frame, failure) -> {
      timer.cancel(false);
      outgoing.remove(messageId);
    });
    ArrayNode frame = mapper.createArrayNode().add(2).add(messageId).add(action).add(payload);
    LOG.info("[{}] simulated central system sends {} ({})", chargerId, action, messageId);
    channel.writeAndFlush(new TextWebSocketFrame(frame.toString())).addListener(f -> {
      if (!f.isSuccess()) {
        answer.completeExceptionally(new IllegalStateException(
            "cannot send " + action + " to charger '" + chargerId + "'", f.cause()));
      }
    });
    return answer;
  }

  /** The identities of the chargers with an open WebSocket, sorted. */
  public java.util.SortedSet<String> connectedChargers() {
    java.util.SortedSet<String> ids = new java.util.TreeSet<>();
    chargers.forEach((id, channel) -> {
      if (channel.isActive()) {
        ids.add(id);
      }
    });
    return ids;
  }

  /**
   * How many WebSockets each identity has open at once, as several bridge nodes would show it:
   * the most ever open together, and how long two or more stayed open.
   */
  public SocketsPerIdentity sockets() {
    return sockets;
  }

  /** Replaces the reply function for calls from now on. */
  public void replyWith(Function<ReceivedCall, CsmsReply> replies) {
    this.replies = replies;
  }

  /**
   * Refuses every WebSocket handshake with this HTTP status (null accepts again);
   * {@code simulate-csms}'s {@code refuse} and {@code accept}.
   */
  public void refuseHandshakes(HttpResponseStatus status) {
    this.refuseHandshakeWith = status;
  }

  /**
   * Closes every WebSocket right after accepting it (true), with a close frame 1000: a central
   * system that accepts and hangs up at once; false accepts normally again.
   */
  public void closeAfterHandshake(boolean close) {
    this.closeAfterHandshake = close;
  }

  /** Every WebSocket upgrade request since the start (refused ones too), in arrival order. */
  public List<Handshake> handshakes() {
    return List.copyOf(handshakes);
  }

  /** WebSocket connections accepted since the start, open or closed. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** Open charger connections. */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * Drops every charger connection without a close frame (a crash seen from the network);
   * {@code simulate-csms}'s {@code drop}.
   */
  public void dropConnections() {
    connections.close().syncUninterruptibly();
  }

  /**
   * Stops reading from every open connection without closing it: a central system that hangs
   * (no answers, no pongs) while its TCP connections stay up; {@code simulate-csms}'s
   * {@code freeze}.
   */
  public void freezeConnections() {
    connections.forEach(ch -> {
      ch.attr(FROZEN).set(Boolean.TRUE);
      ch.eventLoop().submit(() -> ch.config().setAutoRead(false)).syncUninterruptibly();
    });
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    connections.close().syncUninterruptibly();
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Answers the upgrade request with an error status when told to refuse. */
  private final class HandshakeGate extends SimpleChannelInboundHandler<FullHttpRequest> {
    HandshakeGate() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String path = new QueryStringDecoder(request.uri()).rawPath();
      handshakes.add(new Handshake(QueryStringDecoder.decodeComponent(
          path.substring(path.lastIndexOf('/') + 1)), System.nanoTime()));
      HttpResponseStatus refuse = refuseHandshakeWith;
      if (refuse != null) {
        request.release();
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, refuse, Unpooled.EMPTY_BUFFER);
        response.headers().set("content-length", 0);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      String rawPath = new QueryStringDecoder(request.uri()).rawPath();
      String segment = rawPath.substring(rawPath.lastIndexOf('/') + 1);
      String chargerId = QueryStringDecoder.decodeComponent(segment);
      if (passwords != null && !authorized(chargerId, request.headers().get("Authorization"))) {
        request.release();
        refusedCredentials.incrementAndGet();
        LOG.info("[{}] simulated central system: basic authentication refused", chargerId);
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED, Unpooled.EMPTY_BUFFER);
        response.headers().set("content-length", 0);
        response.headers().set("www-authenticate", "Basic realm=\"ocpp\"");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      ctx.channel().attr(CHARGER).set(chargerId);
      recordClientCertificate(ctx, chargerId);
      ctx.fireChannelRead(request);
    }

    private void recordClientCertificate(ChannelHandlerContext ctx, String chargerId) {
      io.netty.handler.ssl.SslHandler ssl = ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class);
      if (ssl == null) {
        return;
      }
      try {
        java.security.cert.Certificate[] peer = ssl.engine().getSession().getPeerCertificates();
        if (peer.length > 0 && peer[0] instanceof java.security.cert.X509Certificate x) {
          clientSubjects.put(chargerId, x.getSubjectX500Principal().getName());
        }
      } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
        // no client certificate: nothing to record
      }
    }

    private boolean authorized(String chargerId, String header) {
      if (header == null || !header.startsWith("Basic ")) {
        return false;
      }
      String pair;
      try {
        pair = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
            java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
      int colon = pair.indexOf(':');
      String expected = passwords.get(chargerId);
      return colon > 0 && expected != null && pair.substring(0, colon).equals(chargerId)
          && pair.substring(colon + 1).equals(expected);
    }
  }

  private void recordAnswer(String frameText) {
    try {
      JsonNode frame = mapper.readTree(frameText);
      if (frame.isArray() && frame.size() == 3 && frame.get(0).asInt() == 3) {
        answers.put(frame.get(1).asText(), frame.get(2));
      }
    } catch (java.io.IOException e) {
      // garbage sent on purpose by a test: nothing to record
    }
  }

  /** Completes the CALL a CALLRESULT or CALLERROR answers; other answers are dropped. */
  private void completeOutgoing(Channel channel, JsonNode frame) {
    String chargerId = channel.attr(CHARGER).get();
    String messageId = frame.get(1).asText();
    OutgoingCall call = outgoing.get(messageId);
    if (call == null || call.channel() != channel) {
      LOG.warn("[{}] simulated central system got an answer to no call of its own: {}",
          chargerId, messageId);
      return;
    }
    if (keepRecords) {
      callAnswers.add(new CallAnswer(chargerId, messageId, call.action(), frame));
    }
    call.answer().complete(frame);
  }

  /** Fails the calls still waiting on a connection that closed. */
  private void failOutgoing(Channel channel) {
    outgoing.values().stream().filter(c -> c.channel() == channel)
        .forEach(c -> c.answer().completeExceptionally(new IllegalStateException(
            "the WebSocket of charger '" + c.chargerId() + "' closed before it answered "
                + c.action())));
  }

  /** Notes the status of a close frame before the protocol handler answers it. */
  private final class CloseRecorder extends io.netty.channel.ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (msg instanceof io.netty.handler.codec.http.websocketx.CloseWebSocketFrame close
          && ctx.channel().attr(CHARGER).get() != null) {
        closeCodes.put(ctx.channel().attr(CHARGER).get(), close.statusCode());
      }
      super.channelRead(ctx, msg);
    }
  }

  private final class CallHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hc) {
        ctx.channel().attr(SUBPROTOCOL).set(hc.selectedSubprotocol());
        connections.add(ctx.channel());
        accepted.incrementAndGet();
        String chargerId = ctx.channel().attr(CHARGER).get();
        Channel channel = ctx.channel();
        chargers.put(chargerId, channel);
        sockets.opened(chargerId);
        channel.closeFuture().addListener(f -> {
          sockets.closed(chargerId);
          chargers.remove(chargerId, channel);
          failOutgoing(channel);
        });
        LOG.info("simulated central system: {} connected with {}",
            ctx.channel().attr(CHARGER).get(), hc.selectedSubprotocol());
        if (closeAfterHandshake) {
          ctx.writeAndFlush(new io.netty.handler.codec.http.websocketx.CloseWebSocketFrame(
              1000, "closing at once")).addListener(ChannelFutureListener.CLOSE);
        }
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame)
        throws Exception {
      if (ctx.channel().hasAttr(FROZEN)) {
        return; // read before autoRead was off; a hung central system never sees it
      }
      JsonNode root = mapper.readTree(frame.text());
      if (root.isArray() && root.size() >= 2
          && (root.get(0).asInt() == 3 || root.get(0).asInt() == 4)) {
        completeOutgoing(ctx.channel(), root);
        return;
      }
      if (!root.isArray() || root.size() != 4 || root.get(0).asInt() != 2) {
        return;
      }
      ReceivedCall call = new ReceivedCall(ctx.channel().attr(CHARGER).get(),
          ctx.channel().attr(SUBPROTOCOL).get(), root.get(1).asText(), root.get(2).asText(),
          root.get(3));
      if (keepRecords) {
        received.add(call);
      }
      CsmsReply reply = replies.apply(call);
      if (reply == null || reply.frameText() == null) {
        return;
      }
      // an answer counts as sent once it is written to the socket, not when it is decided: a
      // connection closed in between never carried it
      Runnable send = () -> ctx.writeAndFlush(new TextWebSocketFrame(reply.frameText()))
          .addListener(written -> {
            if (written.isSuccess() && keepRecords) {
              recordAnswer(reply.frameText());
            }
          });
      if (reply.delay().isZero()) {
        send.run();
      } else {
        ctx.executor().schedule(send, reply.delay().toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }
}
