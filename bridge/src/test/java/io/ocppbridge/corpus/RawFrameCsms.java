package io.ocppbridge.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal OCPP-J central system that sends WebSocket text exactly as given — for frames that
 * are not valid OCPP-J at all, which {@link io.ocppbridge.sim.CsmsSimulator} cannot send (it
 * builds every CALL itself and exposes no channel). It answers the bridge's Heartbeat CALLs (so
 * a charger can register) and keeps every other text it receives, per charger, in arrival order.
 */
final class RawFrameCsms implements AutoCloseable {

  private static final AttributeKey<String> CHARGER = AttributeKey.valueOf("raw-charger");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("raw-csms", true),
          NioIoHandler.newFactory());
  private final Channel server;
  private final Map<String, Channel> chargers = new ConcurrentHashMap<>();
  private final Map<String, BlockingQueue<String>> inboxes = new ConcurrentHashMap<>();

  RawFrameCsms() {
    WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath("/").checkStartsWith(true).subprotocols("ocpp1.5,ocpp1.2").build();
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new IdentityReader(), new WebSocketServerProtocolHandler(ws), new Frames());
          }
        })
        .bind("127.0.0.1", 0).syncUninterruptibly().channel();
  }

  /** The base URL for the bridge's {@code csms.url}. */
  URI url() {
    return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort()
        + "/raw");
  }

  /** Sends {@code text} as one text frame on the charger's WebSocket. */
  void send(String chargerId, String text) {
    Channel channel = chargers.get(chargerId);
    if (channel == null || !channel.isActive()) {
      throw new IllegalStateException("no open WebSocket for " + chargerId);
    }
    channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
  }

  /**
   * Waits for a frame whose message id is {@code messageId} and returns every frame received
   * from the charger up to and including it.
   */
  List<String> framesUntilAnswerTo(String chargerId, String messageId, Duration timeout)
      throws Exception {
    List<String> frames = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String text = inbox(chargerId).poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (text == null) {
        throw new AssertionError("no answer to " + messageId + " from " + chargerId + " within "
            + timeout.toMillis() + " ms; received " + frames);
      }
      frames.add(text);
      JsonNode root = JSON.readTree(text);
      if (root.isArray() && root.size() > 1 && messageId.equals(root.get(1).asText())) {
        return frames;
      }
    }
  }

  /** Every frame received from the charger within {@code window} from now. */
  List<String> framesWithin(String chargerId, Duration window) throws InterruptedException {
    List<String> frames = new ArrayList<>();
    long deadline = System.nanoTime() + window.toNanos();
    for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      String text = inbox(chargerId).poll(left, TimeUnit.NANOSECONDS);
      if (text != null) {
        frames.add(text);
      }
    }
    return frames;
  }

  boolean isConnected(String chargerId) {
    Channel channel = chargers.get(chargerId);
    return channel != null && channel.isActive();
  }

  private BlockingQueue<String> inbox(String chargerId) {
    return inboxes.computeIfAbsent(chargerId, id -> new LinkedBlockingQueue<>());
  }

  @Override
  public void close() {
    chargers.values().forEach(Channel::close);
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Remembers the charger identity of the upgrade request's last path segment. */
  private static final class IdentityReader extends SimpleChannelInboundHandler<FullHttpRequest> {
    IdentityReader() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String path = new QueryStringDecoder(request.uri()).rawPath();
      ctx.channel().attr(CHARGER).set(
          QueryStringDecoder.decodeComponent(path.substring(path.lastIndexOf('/') + 1)));
      ctx.fireChannelRead(request);
    }
  }

  private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
        chargers.put(ctx.channel().attr(CHARGER).get(), ctx.channel());
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame)
        throws Exception {
      String text = frame.text();
      JsonNode root = JSON.readTree(text);
      if (root.isArray() && root.size() == 4 && root.get(0).asInt() == 2) {
        String answer = "Heartbeat".equals(root.get(2).asText())
            ? JSON.createArrayNode().add(3).add(root.get(1).asText()).add(JSON.createObjectNode()
                .put("currentTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
                .toString()
            : JSON.createArrayNode().add(4).add(root.get(1).asText()).add("NotImplemented")
                .add("the raw test central system only answers Heartbeat")
                .add(JSON.createObjectNode()).toString();
        ctx.writeAndFlush(new TextWebSocketFrame(answer));
        return;
      }
      inbox(ctx.channel().attr(CHARGER).get()).add(text);
    }
  }
}
