package io.ocppbridge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ocppbridge.testsupport.BridgeFixture;
import io.ocppbridge.testsupport.SoapPost;
import io.ocppbridge.translate.SecureXml;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A hostile central system over a real WebSocket: frames above {@code csms.maxFrameSize} (whole
 * or fragmented), text that is no OCPP-J frame, answers to calls nobody made, message ids that
 * are too long, CALLs of the wrong shape. The charger always gets an answer within the call
 * timeout, the bridge answers a CALLERROR wherever it can read a CALL's id and nothing else, and
 * afterwards it still relays (checked after every test with a charger it has never seen).
 *
 * <p>The central system is scripted in this class (not the {@code CsmsSimulator}) because the
 * tests must see every frame the bridge sends, including CALLERRORs to CALLs the simulator would
 * never send, and must push frames at any time.
 */
class HostileFramesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
  private static final int MAX_FRAME = 65536;
  private static final String NOW = "2026-11-21T10:00:00Z";

  private static ScriptedCentralSystem csms;
  private static BridgeFixture fixture;

  @BeforeAll
  static void start() {
    csms = new ScriptedCentralSystem();
    fixture = BridgeFixture.start(Map.of(
        "csms.url", csms.url().toString(),
        "csms.maxFrameSize", String.valueOf(MAX_FRAME),
        "csms.callTimeout", "10s"));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
    if (csms != null) {
      csms.close();
    }
  }

  @BeforeEach
  void sensibleAnswers() {
    csms.answers = ScriptedCentralSystem::sensible;
  }

  @AfterEach
  void stillServing() throws Exception {
    // After every attack the bridge relays an ordinary request from a charger never seen.
    csms.answers = ScriptedCentralSystem::sensible;
    assertHeartbeatAnswered("CB-FRESH-" + UUID.randomUUID());
  }

  // ---------------------------------------------------------------- oversized frames

  /**
   * Verifies that an answer above csms.maxFrameSize fails the charger's call at once with a
   * Receiver fault (not after the call timeout), and that its next request reconnects.
   */
  @Test
  void oversizedAnswerFailsTheCallAndTheNextRequestReconnects() throws Exception {
    // GIVEN a central system that answers a Heartbeat with one 70 KB frame
    String identity = "CB-BIG-FRAME";
    csms.answers = call -> List.of(new TextWebSocketFrame(result(call,
        heartbeatAnswer().put("padding", "p".repeat(MAX_FRAME + 4096)))));

    // WHEN the charger sends a Heartbeat
    long start = System.nanoTime();
    HttpResponse<String> response = SoapPost.heartbeat15(fixture.soapUrl(), identity, null);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // THEN it gets a Receiver fault saying the connection was lost, well within the timeout
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Receiver");
    assertThat(fault.reason()).contains("connection to the central system was lost");
    assertThat(millis).isLessThan(8000);

    // AND its next Heartbeat opens a new WebSocket and is answered
    csms.answers = ScriptedCentralSystem::sensible;
    assertHeartbeatAnswered(identity);
    assertThat(csms.handshakes(identity)).isEqualTo(2);
  }

  /** Verifies that a message above the limit sent in fragments below it is refused too. */
  @Test
  void oversizedFragmentedAnswerIsRefusedToo() throws Exception {
    // GIVEN a central system answering in three 30 KB fragments (90 KB in all)
    String identity = "CB-BIG-FRAGMENTS";
    csms.answers = call -> {
      String text = result(call, heartbeatAnswer().put("padding", "p".repeat(90_000)));
      int third = text.length() / 3;
      return List.of(
          new TextWebSocketFrame(false, 0, text.substring(0, third)),
          new ContinuationWebSocketFrame(false, 0, text.substring(third, 2 * third)),
          new ContinuationWebSocketFrame(true, 0, text.substring(2 * third)));
    };

    // WHEN the charger sends a Heartbeat
    HttpResponse<String> response = SoapPost.heartbeat15(fixture.soapUrl(), identity, null);

    // THEN it gets a Receiver fault saying the connection was lost
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Receiver");
    assertThat(fault.reason()).contains("connection to the central system was lost");

    // AND its next Heartbeat reconnects and is answered
    csms.answers = ScriptedCentralSystem::sensible;
    assertHeartbeatAnswered(identity);
    assertThat(csms.handshakes(identity)).isEqualTo(2);
  }

  /** Verifies that fragments adding up to less than the limit are relayed (the limit is exact). */
  @Test
  void answerJustUnderTheLimitIsRelayed() throws Exception {
    // GIVEN a central system answering DataTransfer with 60 KB of data, in two fragments
    String identity = "CB-NEAR-FRAME-LIMIT";
    String data = "d".repeat(60_000);
    Function<JsonNode, String> answer = call -> result(call,
        JsonNodeFactory.instance.objectNode().put("status", "Accepted").put("data", data));
    assertThat(answer.apply(JSON.readTree("[2,\"" + UUID.randomUUID() + "\",\"DataTransfer\",{}]"))
        .length()).isLessThan(MAX_FRAME);
    csms.answers = call -> {
      String text = answer.apply(call);
      int half = text.length() / 2;
      return List.of(new TextWebSocketFrame(false, 0, text.substring(0, half)),
          new ContinuationWebSocketFrame(true, 0, text.substring(half)));
    };

    // WHEN the charger sends a DataTransfer
    HttpResponse<String> response = SoapPost.post(fixture.soapUrl(),
        "application/soap+xml; charset=utf-8", dataTransfer(identity));

    // THEN it gets the whole data back, on the connection it opened
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("dataTransferResponse").contains(data);
    assertThat(csms.handshakes(identity)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- hostile frames

  static Stream<Arguments> hostileFrames() {
    String id37 = "i".repeat(37);
    return Stream.of(
        Arguments.of("not JSON", "this is {not json", null, null),
        Arguments.of("a JSON object", "{\"type\":2}", null, null),
        Arguments.of("an empty array", "[]", null, null),
        Arguments.of("deeply nested arrays", "[".repeat(20_000) + "]".repeat(20_000), null, null),
        Arguments.of("a CALLRESULT for an unknown id", "[3,\"nobody-asked\",{}]", null, null),
        Arguments.of("a CALLERROR for an unknown id",
            "[4,\"nobody-asked\",\"GenericError\",\"?\",{}]", null, null),
        Arguments.of("an unknown message type", "[9,\"t-9\",{}]", null, null),
        Arguments.of("a CALL whose id is a number", "[2,12345,\"Reset\",{\"type\":\"Soft\"}]",
            null, null),
        Arguments.of("a CALL with a 37-character id",
            "[2,\"" + id37 + "\",\"Reset\",{\"type\":\"Soft\"}]", id37, "ProtocolError"),
        Arguments.of("a CALL without payload", "[2,\"x\",\"Reset\"]", "x", "FormationViolation"),
        Arguments.of("a CALL with an extra element",
            "[2,\"x5\",\"Reset\",{\"type\":\"Soft\"},{}]", "x5", "FormationViolation"),
        Arguments.of("a CALL with a numeric action", "[2,\"x6\",6,{}]", "x6",
            "FormationViolation"),
        Arguments.of("a CALL of an unknown action", "[2,\"x7\",\"Explode\",{}]", "x7",
            "NotImplemented"));
  }

  /**
   * Verifies that a hostile frame is answered with a CALLERROR exactly when a CALL id can be
   * read from it, never otherwise, and that the connection stays usable.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFrames")
  void answersHostileFrameOnlyWhereACallIdIsReadable(String what, String frame,
      String answeredId, String answeredCode) throws Exception {
    // GIVEN a charger connected to the central system
    String identity = "CB-HOSTILE-" + UUID.randomUUID();
    assertHeartbeatAnswered(identity);

    // WHEN the central system sends the hostile frame, then a well-formed probe CALL
    csms.push(identity, new TextWebSocketFrame(frame));
    csms.push(identity, new TextWebSocketFrame("[2,\"probe\",\"Reset\",{\"type\":\"Soft\"}]"));

    // THEN the bridge answers the hostile frame with the expected CALLERROR, or not at all:
    // the next thing it sends is the answer to the probe (frames are handled in order)
    JsonNode first = csms.nextAnswer(identity);
    if (answeredId != null) {
      assertThat(first.get(0).asInt()).as(first.toString()).isEqualTo(4);
      assertThat(first.get(1).asText()).isEqualTo(answeredId);
      assertThat(first.get(2).asText()).isEqualTo(answeredCode);
      assertThat(first.get(3).asText()).isNotBlank();
      first = csms.nextAnswer(identity);
    }
    assertThat(first.get(1).asText()).as(first.toString()).isEqualTo("probe");
    // AND the connection stays up and keeps relaying
    assertHeartbeatAnswered(identity);
    assertThat(csms.handshakes(identity)).isEqualTo(1);
  }

  /** Verifies that the message id length limit is exact: a 36-character id is answered. */
  @Test
  void answersCallWithA36CharacterId() throws Exception {
    String identity = "CB-ID-36";
    assertHeartbeatAnswered(identity);
    String id36 = "i".repeat(36);

    csms.push(identity, new TextWebSocketFrame("[2,\"" + id36 + "\",\"Explode\",{}]"));

    JsonNode answer = csms.nextAnswer(identity);
    assertThat(answer.get(1).asText()).as(answer.toString()).isEqualTo(id36);
    assertThat(answer.get(2).asText()).isEqualTo("NotImplemented");
  }

  /**
   * Verifies that garbage and an answer for an unknown id arriving while a call waits do not
   * complete it: the right answer that follows does.
   */
  @Test
  void ignoresGarbageAndStrangersWhileACallWaits() throws Exception {
    // GIVEN a central system that sends garbage, then a CALLRESULT for another id with another
    // time, then the real answer
    String identity = "CB-STRANGERS";
    csms.answers = call -> List.of(
        new TextWebSocketFrame("]]garbage[["),
        new TextWebSocketFrame("[3,\"not-" + call.get(1).asText()
            + "\",{\"currentTime\":\"2001-01-01T00:00:00Z\"}]"),
        new TextWebSocketFrame(result(call, heartbeatAnswer())));

    // WHEN the charger sends a Heartbeat
    HttpResponse<String> response = SoapPost.heartbeat15(fixture.soapUrl(), identity, null);

    // THEN it gets the real answer
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("2026-11-21T10:00:00").doesNotContain("2001-01-01");
  }

  /**
   * Verifies that a malformed answer carrying the waiting call's id fails that call at once with
   * a Receiver fault, and that it is not answered (OCPP-J cannot answer an answer).
   */
  @Test
  void malformedAnswerToTheWaitingCallIsAFault() throws Exception {
    // GIVEN a central system answering [3,<id>] (no payload)
    String identity = "CB-MALFORMED-ANSWER";
    csms.answers = call -> List.of(new TextWebSocketFrame("[3,\"" + call.get(1).asText() + "\"]"));

    // WHEN the charger sends a Heartbeat
    long start = System.nanoTime();
    HttpResponse<String> response = SoapPost.heartbeat15(fixture.soapUrl(), identity, null);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // THEN it gets a Receiver fault naming the invalid frame, well within the call timeout
    Fault fault = fault(response);
    assertThat(fault.code()).isEqualTo("Receiver");
    assertThat(fault.reason()).contains("invalid frame");
    assertThat(millis).isLessThan(8000);
    // AND the bridge sent nothing back for that frame; the connection still relays
    csms.answers = ScriptedCentralSystem::sensible;
    assertHeartbeatAnswered(identity);
    assertThat(csms.answersFrom(identity)).isEmpty();
    assertThat(csms.handshakes(identity)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  private static void assertHeartbeatAnswered(String identity) throws Exception {
    HttpResponse<String> ok = SoapPost.heartbeat15(fixture.soapUrl(), identity, null);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body()).contains("heartbeatResponse").contains("2026-11-21T10:00:00");
  }

  private static ObjectNode heartbeatAnswer() {
    return JsonNodeFactory.instance.objectNode().put("currentTime", NOW);
  }

  private static String result(JsonNode call, JsonNode payload) {
    return JsonNodeFactory.instance.arrayNode().add(3).add(call.get(1).asText()).add(payload)
        .toString();
  }

  private static String dataTransfer(String identity) {
    return "<soap:Envelope xmlns:soap='" + SOAP12_NS + "' xmlns:cs='urn://Ocpp/Cs/2012/06/'"
        + " xmlns:wsa='http://www.w3.org/2005/08/addressing'>"
        + "<soap:Header><cs:chargeBoxIdentity>" + identity + "</cs:chargeBoxIdentity>"
        + "<wsa:Action>/DataTransfer</wsa:Action>"
        + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID></soap:Header>"
        + "<soap:Body><cs:dataTransferRequest><cs:vendorId>io.ocppbridge.test</cs:vendorId>"
        + "</cs:dataTransferRequest></soap:Body></soap:Envelope>";
  }

  /** A SOAP 1.2 fault's code (local name) and reason. */
  record Fault(String code, String reason) {}

  private static Fault fault(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isNotEqualTo(200);
    Document doc = SecureXml.documentBuilderFactory().newDocumentBuilder()
        .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    Element fault = (Element) doc.getElementsByTagNameNS(SOAP12_NS, "Fault").item(0);
    assertThat(fault).as("a SOAP 1.2 fault in: " + response.body()).isNotNull();
    String code = child(child(fault, "Code"), "Value").getTextContent().trim();
    return new Fault(code.substring(code.indexOf(':') + 1),
        child(child(fault, "Reason"), "Text").getTextContent());
  }

  private static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    throw new AssertionError("no " + localName + " in " + parent.getLocalName());
  }

  /**
   * An OCPP-J central system on Netty whose answers a test scripts frame by frame, which records
   * every answer (CALLRESULT, CALLERROR) the bridge sends per charger and can push any frame to a
   * charger at any time.
   */
  static final class ScriptedCentralSystem implements AutoCloseable {

    private static final AttributeKey<String> CHARGER = AttributeKey.valueOf("scripted-charger");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        new DefaultThreadFactory("scripted-csms", true), NioIoHandler.newFactory());
    private final Channel server;
    private final Map<String, Channel> chargers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> handshakes = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<JsonNode>> answerQueues = new ConcurrentHashMap<>();
    /** The frames sent for each CALL from the bridge; built afresh for every call. */
    volatile Function<JsonNode, List<WebSocketFrame>> answers;

    ScriptedCentralSystem() {
      WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
          .websocketPath("/")
          .checkStartsWith(true)
          .subprotocols("ocpp1.5,ocpp1.2")
          .maxFramePayloadLength(1024 * 1024)
          .build();
      this.server = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                  new WebSocketServerProtocolHandler(config), new Handler());
            }
          })
          .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    URI url() {
      return URI.create("ws://127.0.0.1:"
          + ((InetSocketAddress) server.localAddress()).getPort() + "/ocpp");
    }

    /** A CALLRESULT for Heartbeat and DataTransfer, NotImplemented for anything else. */
    static List<WebSocketFrame> sensible(JsonNode call) {
      String action = call.get(2).asText();
      ArrayNode frame = JsonNodeFactory.instance.arrayNode();
      if ("Heartbeat".equals(action)) {
        frame.add(3).add(call.get(1).asText()).add(heartbeatAnswer());
      } else if ("DataTransfer".equals(action)) {
        frame.add(3).add(call.get(1).asText())
            .add(JsonNodeFactory.instance.objectNode().put("status", "Accepted"));
      } else {
        frame.add(4).add(call.get(1).asText()).add("NotImplemented").add(action)
            .add(JsonNodeFactory.instance.objectNode());
      }
      return List.of(new TextWebSocketFrame(frame.toString()));
    }

    int handshakes(String chargerId) {
      AtomicInteger n = handshakes.get(chargerId);
      return n == null ? 0 : n.get();
    }

    /** Sends frames on the charger's open WebSocket. */
    void push(String chargerId, WebSocketFrame... frames) {
      Channel channel = chargers.get(chargerId);
      assertThat(channel).as("a WebSocket of " + chargerId).isNotNull();
      for (WebSocketFrame f : frames) {
        channel.write(f);
      }
      channel.flush();
    }

    /** The next CALLRESULT or CALLERROR the bridge sent for the charger (waits up to 10 s). */
    JsonNode nextAnswer(String chargerId) throws InterruptedException {
      JsonNode next = queue(chargerId).poll(10, TimeUnit.SECONDS);
      assertThat(next).as("an answer from the bridge for " + chargerId).isNotNull();
      return next;
    }

    /** The answers the bridge sent for the charger and no test has taken yet. */
    List<JsonNode> answersFrom(String chargerId) {
      return List.copyOf(queue(chargerId));
    }

    private BlockingQueue<JsonNode> queue(String chargerId) {
      return answerQueues.computeIfAbsent(chargerId, id -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
      server.close().syncUninterruptibly();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
      @Override
      public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hc) {
          String path = new QueryStringDecoder(hc.requestUri()).rawPath();
          String chargerId = QueryStringDecoder.decodeComponent(
              path.substring(path.lastIndexOf('/') + 1));
          ctx.channel().attr(CHARGER)
              .set(chargerId);
          chargers.put(chargerId, ctx.channel());
          handshakes.computeIfAbsent(chargerId, id -> new AtomicInteger()).incrementAndGet();
        }
        super.userEventTriggered(ctx, evt);
      }

      @Override
      protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame)
          throws Exception {
        String chargerId = ctx.channel()
            .attr(CHARGER).get();
        JsonNode root = JSON.readTree(frame.text());
        if (root.get(0).asInt() != 2) {
          queue(chargerId).add(root);
          return;
        }
        for (WebSocketFrame f : answers.apply(root)) {
          ctx.write(f);
        }
        ctx.flush();
      }
    }
  }
}
