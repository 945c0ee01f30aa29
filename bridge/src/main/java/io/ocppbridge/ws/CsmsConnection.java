package io.ocppbridge.ws;

import io.ocppbridge.core.MessageIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.ocppbridge.core.CentralSystemCallHandler;
import io.ocppbridge.core.ChargerContext;
import io.ocppbridge.core.Failures;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.frame.CallErrorText;
import io.ocppbridge.frame.Frame;
import io.ocppbridge.frame.FrameCodec;
import io.ocppbridge.frame.FrameException;
import io.ocppbridge.logging.LogContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open WebSocket of one charger: sends CALLs and matches their answers by message id, and
 * answers the CALLs the central system sends through the {@link CentralSystemCallHandler}.
 */
final class CsmsConnection {

  private static final Logger LOG = LoggerFactory.getLogger(CsmsConnection.class);

  private final Channel channel;
  private final ChargerContext charger;
  private final FrameCodec codec;
  private final ObjectMapper mapper;
  private final CentralSystemCallHandler<JsonNode> inbound;
  private final Map<String, Outstanding> outstanding = new ConcurrentHashMap<>();
  private volatile boolean closing;
  private volatile Runnable onAnswer;
  /** Ids of the central system's CALLs being answered now: a repeated one is not run twice. */
  private final java.util.Set<String> inboundInFlight = ConcurrentHashMap.newKeySet();

  private record Outstanding(String action, CompletableFuture<JsonNode> answer) {}

  CsmsConnection(Channel channel, ChargerContext charger, FrameCodec codec, ObjectMapper mapper,
      CentralSystemCallHandler<JsonNode> inbound) {
    this.channel = channel;
    this.charger = charger;
    this.codec = codec;
    this.mapper = mapper;
    this.inbound = inbound;
  }

  ChargerContext charger() {
    return charger;
  }

  /** Runs {@code action} at the first answer (CALLRESULT or CALLERROR) from the central system. */
  void whenAnswered(Runnable action) {
    this.onAnswer = action;
  }

  private void answered() {
    Runnable action = onAnswer;
    if (action != null) {
      onAnswer = null;
      action.run();
    }
  }

  /**
   * Pings every {@code interval} from now on (nothing written for that long: a ping; nothing read
   * for twice as long: dead); zero stops pinging.
   */
  void pingInterval(java.time.Duration interval) {
    channel.eventLoop().execute(() -> {
      io.netty.channel.ChannelPipeline pipeline = channel.pipeline();
      long millis = interval.toMillis();
      IdleStateHandler replacement = millis > 0
          ? new IdleStateHandler(2 * millis, millis, 0, TimeUnit.MILLISECONDS) : null;
      if (pipeline.get(IdleStateHandler.class) != null) {
        if (replacement == null) {
          pipeline.remove(IdleStateHandler.class);
        } else {
          pipeline.replace(IdleStateHandler.class, "idle", replacement);
        }
      } else if (replacement != null) {
        if (pipeline.get(SslHandler.class) != null) {
          pipeline.addAfter(pipeline.context(SslHandler.class).name(), "idle", replacement);
        } else {
          pipeline.addFirst("idle", replacement);
        }
      }
    });
  }

  /** Runs {@code action} once the WebSocket is closed, whoever closed it. */
  void whenClosed(Runnable action) {
    channel.closeFuture().addListener(f -> action.run());
  }

  boolean isOpen() {
    return channel.isActive();
  }

  /** Sends a CALL; the future completes with the CALLRESULT payload or fails. */
  CompletableFuture<JsonNode> call(String action, JsonNode payload) {
    String id = MessageIds.next();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    outstanding.put(id, new Outstanding(action, answer));
    answer.whenComplete((r, e) -> outstanding.remove(id));
    byte[] text = codec.encodeUtf8(new Frame.Call(id, action, payload));
    Trace.toCsms(charger.id().value(), action, payload);
    channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(text))).addListener(f -> {
      if (!f.isSuccess()) {
        answer.completeExceptionally(OcppException.backendUnavailable(
            "could not send " + action + " to the central system: connection lost", f.cause()));
      }
    });
    return answer;
  }

  /** A text message from the central system. */
  void onText(String text) {
    Frame frame;
    try {
      frame = codec.decode(text);
    } catch (FrameException e) {
      onBadFrame(text, e);
      return;
    }
    try (LogContext log = LogContext.open(charger.id().value(), frame.id())) {
      if (frame instanceof Frame.Call call) {
        onCall(call);
      } else if (frame instanceof Frame.CallResult result) {
        onCallResult(result);
      } else if (frame instanceof Frame.CallError error) {
        onCallError(error);
      }
    }
  }

  /** The WebSocket closed: every outstanding call fails at once, not after its timeout. */
  void onClosed() {
    for (Outstanding o : outstanding.values()) {
      o.answer.completeExceptionally(OcppException.backendUnavailable(
          "connection to the central system was lost while waiting for the answer to "
              + o.action, null));
    }
  }

  /** True once the bridge itself started closing this connection. */
  boolean isClosing() {
    return closing;
  }

  /** Sends a close frame with {@code status}, then closes; the future completes once closed. */
  CompletableFuture<Void> close(WebSocketCloseStatus status) {
    closing = true;
    CompletableFuture<Void> closed = new CompletableFuture<>();
    channel.closeFuture().addListener(f -> closed.complete(null));
    if (channel.isActive()) {
      channel.writeAndFlush(new CloseWebSocketFrame(status))
          .addListener(f -> channel.close());
    }
    return closed;
  }

  private void onCallResult(Frame.CallResult result) {
    answered();
    Outstanding o = outstanding.remove(result.id());
    if (o == null) {
      LOG.warn("[{}] CALLRESULT {} matches no outstanding call (late answer of a timed-out call?);"
          + " dropped", charger.id(), result.id());
      return;
    }
    Trace.fromCsms(charger.id().value(), o.action, result.payload());
    o.answer.complete(result.payload());
  }

  private void onCallError(Frame.CallError error) {
    answered();
    Outstanding o = outstanding.remove(error.id());
    if (o == null) {
      LOG.warn("[{}] CALLERROR {} matches no outstanding call; dropped", charger.id(), error.id());
      return;
    }
    Trace.fromCsms(charger.id().value(), o.action,
        "CALLERROR " + error.errorCode() + " " + error.description());
    // the central system's reason, bounded and cleaned, for the charger's fault and the log
    String reason = CallErrorText.reason(error);
    OcppException failure = OcppErrorCode.parse(error.errorCode())
        .map(code -> {
          LOG.warn("[{}] the central system refused {} (message {}): {}: {}", charger.id(),
              o.action, error.id(), code.wireName(), reason);
          return new OcppException(code, reason, OcppException.Origin.CENTRAL_SYSTEM, null);
        })
        .orElseGet(() -> {
          LOG.warn("[{}] central system answered {} with unknown error code '{}': {}",
              charger.id(), o.action, CallErrorText.description(error.errorCode()), reason);
          return new OcppException(OcppErrorCode.INTERNAL_ERROR,
              "the central system answered with an invalid CALLERROR (unknown error code)");
        });
    o.answer.completeExceptionally(failure);
  }

  private void onCall(Frame.Call call) {
    if (!inboundInFlight.add(call.id())) {
      LOG.warn("[{}] the central system repeated the id {} of a {} still being answered; the"
          + " repeat is ignored (OCPP-J message ids are unique)", charger.id(), call.id(),
          call.action());
      return;
    }
    Trace.fromCsms(charger.id().value(), call.action(), call.payload());
    CompletableFuture<JsonNode> reply;
    try {
      reply = inbound.handle(charger, call.action(), call.payload());
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    reply.whenComplete((payload, failure) -> {
      try (LogContext log = LogContext.open(charger.id().value(), call.id())) {
        answerCall(call, payload, failure);
      }
    });
  }

  private void answerCall(Frame.Call call, JsonNode payload, Throwable failure) {
    inboundInFlight.remove(call.id());
    Frame answer;
    if (failure == null) {
      answer = new Frame.CallResult(call.id(), payload);
    } else {
      answer = callError(call.id(), unwrap(failure));
    }
    String text = codec.encode(answer);
    Trace.toCsms(charger.id().value(), call.action(), text);
    channel.writeAndFlush(new TextWebSocketFrame(text));
    if (answer instanceof Frame.CallResult) {
      try {
        inbound.answered(charger, call.action(), call.payload(), payload);
      } catch (RuntimeException e) {
        LOG.error("[{}] what follows the answer to {} could not be sent", charger.id(),
            call.action(), e);
      }
    }
  }

  private void onBadFrame(String text, FrameException e) {
    LOG.warn("[{}] invalid OCPP-J frame from the central system: {}", charger.id(),
        e.description());
    if (e.messageType() == 2 && e.messageId() != null) {
      channel.writeAndFlush(new TextWebSocketFrame(codec.encode(callError(e.messageId(), e))));
    } else if (e.messageId() != null) {
      Outstanding o = outstanding.remove(e.messageId());
      if (o != null) {
        o.answer.completeExceptionally(new OcppException(OcppErrorCode.INTERNAL_ERROR,
            "the central system answered " + o.action + " with an invalid frame"));
      }
    }
  }

  private Frame.CallError callError(String id, OcppException e) {
    return new Frame.CallError(id, charger.errorCode(e.code()), e.description(),
        mapper.createObjectNode());
  }

  static OcppException unwrap(Throwable t) {
    Throwable c = Failures.cause(t);
    if (c instanceof OcppException o) {
      return o;
    }
    LOG.error("unexpected failure while handling a call", c);
    return new OcppException(OcppErrorCode.INTERNAL_ERROR, "internal error in the bridge");
  }
}
