package io.ocppbridge.frame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.core.OcppErrorCode;

/** Reads and writes OCPP-J frames. Thread-safe; share one instance. */
public final class FrameCodec {

  private static final int CALL = 2;
  private static final int CALL_RESULT = 3;
  private static final int CALL_ERROR = 4;

  private final ObjectMapper mapper;
  /** Refuses text after the frame ({@code [3,"a",{}]]}): a message is exactly one JSON value. */
  private final ObjectReader reader;

  public FrameCodec(ObjectMapper mapper) {
    this.mapper = mapper;
    this.reader = mapper.readerFor(JsonNode.class)
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The frame as WebSocket text. */
  public String encode(Frame frame) {
    try {
      return mapper.writeValueAsString(tree(frame));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an OCPP-J frame", e);
    }
  }

  /**
   * The frame as the UTF-8 bytes of its WebSocket text, written straight from the tree (no text
   * in between to encode again).
   */
  public byte[] encodeUtf8(Frame frame) {
    try {
      return mapper.writeValueAsBytes(tree(frame));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an OCPP-J frame", e);
    }
  }

  private static ArrayNode tree(Frame frame) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    if (frame instanceof Frame.Call c) {
      array.add(CALL).add(c.id()).add(c.action()).add(c.payload());
    } else if (frame instanceof Frame.CallResult r) {
      array.add(CALL_RESULT).add(r.id()).add(r.payload());
    } else if (frame instanceof Frame.CallError e) {
      array.add(CALL_ERROR).add(e.id()).add(e.errorCode()).add(e.description())
          .add(e.details() == null ? JsonNodeFactory.instance.objectNode() : e.details());
    }
    return array;
  }

  /**
   * Parses WebSocket text into a frame.
   *
   * @throws FrameException with the OCPP error code that fits the defect
   */
  public Frame decode(String text) {
    JsonNode root;
    try {
      root = reader.readValue(text);
    } catch (JsonProcessingException e) {
      throw new FrameException(OcppErrorCode.FORMATION_VIOLATION, "frame is not JSON", null, 0);
    }
    if (root == null || !root.isArray() || root.isEmpty() || !root.get(0).isInt()) {
      throw new FrameException(OcppErrorCode.FORMATION_VIOLATION,
          "frame is not an array starting with a message type number", null, 0);
    }
    int type = root.get(0).intValue();
    String id = root.size() > 1 && root.get(1).isTextual() ? root.get(1).textValue() : null;
    if (id == null || id.isEmpty()) {
      throw new FrameException(OcppErrorCode.FORMATION_VIOLATION,
          "frame has no message id (a non-empty string)", null, type);
    }
    if (id.length() > Frame.MAX_ID_LENGTH) {
      throw new FrameException(OcppErrorCode.PROTOCOL_ERROR,
          "message id is longer than " + Frame.MAX_ID_LENGTH + " characters", id, type);
    }
    return switch (type) {
      case CALL -> decodeCall(root, id);
      case CALL_RESULT -> decodeCallResult(root, id);
      case CALL_ERROR -> decodeCallError(root, id);
      default -> throw new FrameException(OcppErrorCode.PROTOCOL_ERROR,
          "unknown message type " + type, id, type);
    };
  }

  private static Frame decodeCall(JsonNode root, String id) {
    if (root.size() != 4 || !root.get(2).isTextual() || !root.get(3).isObject()) {
      throw new FrameException(OcppErrorCode.FORMATION_VIOLATION,
          "CALL must be [2, id, action, {payload}]", id, CALL);
    }
    return new Frame.Call(id, root.get(2).textValue(), root.get(3));
  }

  private static Frame decodeCallResult(JsonNode root, String id) {
    if (root.size() != 3 || !root.get(2).isObject()) {
      throw new FrameException(OcppErrorCode.FORMATION_VIOLATION,
          "CALLRESULT must be [3, id, {payload}]", id, CALL_RESULT);
    }
    return new Frame.CallResult(id, root.get(2));
  }

  private static Frame decodeCallError(JsonNode root, String id) {
    if (root.size() < 4 || root.size() > 5 || !root.get(2).isTextual()
        || !root.get(3).isTextual() || (root.size() == 5 && !root.get(4).isObject())) {
      throw new FrameException(OcppErrorCode.FORMATION_VIOLATION,
          "CALLERROR must be [4, id, code, description, {details}]", id, CALL_ERROR);
    }
    return new Frame.CallError(id, root.get(2).textValue(), root.get(3).textValue(),
        root.size() == 5 ? root.get(4) : null);
  }
}
