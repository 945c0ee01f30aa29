package io.ocppbridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small OCPP-J central system on Netty: accepts a WebSocket per charger at {@code /<identity>}
 * with the subprotocols it is given, answers each CALL through a reply function, and records
 * every CALL it received. The demo uses it with {@link SensibleCsmsAnswers}; tests give their own
 * replies, delays, refusals and silences.
 */
public final class CsmsSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CsmsSimulator.class);
  private static final AttributeKey<String> CHARGER = AttributeKey.valueOf("charger");
  private static final AttributeKey<String> SUBPROTOCOL = AttributeKey.valueOf("subprotocol");

  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final List<ReceivedCall> received = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> answers = new ConcurrentHashMap<>();
  private final ObjectMapper mapper = new ObjectMapper();
  private volatile Function<ReceivedCall, CsmsReply> replies;
  private volatile HttpResponseStatus refuseHandshakeWith;

  /**
   * Starts on {@code host:port} (0 picks a free port).
   *
   * @param subprotocols the subprotocols accepted, e.g. {@code ocpp1.5,ocpp1.2}
   */
  public CsmsSimulator(String host, int port, String subprotocols,
      Function<ReceivedCall, CsmsReply> replies) {
    this.replies = replies;
    this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("csms-sim", true));
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
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new HandshakeGate(), new WebSocketServerProtocolHandler(wsConfig),
                new CallHandler());
          }
        })
        .bind(host, port).syncUninterruptibly().channel();
  }

  /** The base URL a bridge's {@code csms.url} points to. */
  public URI url() {
    InetSocketAddress a = (InetSocketAddress) serverChannel.localAddress();
    return URI.create("ws://" + a.getHostString() + ":" + a.getPort() + "/ocpp");
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

  public void clearReceived() {
    received.clear();
    answers.clear();
  }

  /** Replaces the reply function for calls from now on. */
  public void replyWith(Function<ReceivedCall, CsmsReply> replies) {
    this.replies = replies;
  }

  /** Refuses every WebSocket handshake with this HTTP status (null accepts again). */
  public void refuseHandshakes(HttpResponseStatus status) {
    this.refuseHandshakeWith = status;
  }

  /** Open charger connections. */
  public int connectionCount() {
    return connections.size();
  }

  /** Drops every charger connection without a close frame (a crash seen from the network). */
  public void dropConnections() {
    connections.close().syncUninterruptibly();
  }

  @Override
  public void close() {
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
      ctx.channel().attr(CHARGER).set(QueryStringDecoder.decodeComponent(segment));
      ctx.fireChannelRead(request);
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

  private final class CallHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hc) {
        ctx.channel().attr(SUBPROTOCOL).set(hc.selectedSubprotocol());
        connections.add(ctx.channel());
        LOG.info("simulated central system: {} connected with {}",
            ctx.channel().attr(CHARGER).get(), hc.selectedSubprotocol());
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame)
        throws Exception {
      JsonNode root = mapper.readTree(frame.text());
      if (!root.isArray() || root.size() != 4 || root.get(0).asInt() != 2) {
        return;
      }
      ReceivedCall call = new ReceivedCall(ctx.channel().attr(CHARGER).get(),
          ctx.channel().attr(SUBPROTOCOL).get(), root.get(1).asText(), root.get(2).asText(),
          root.get(3));
      received.add(call);
      CsmsReply reply = replies.apply(call);
      if (reply == null || reply.frameText() == null) {
        return;
      }
      recordAnswer(reply.frameText());
      Runnable send = () -> ctx.writeAndFlush(new TextWebSocketFrame(reply.frameText()));
      if (reply.delay().isZero()) {
        send.run();
      } else {
        ctx.executor().schedule(send, reply.delay().toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }
}
