package io.ocppbridge.frame;

import com.fasterxml.jackson.databind.JsonNode;

/** One OCPP-J message. */
public sealed interface Frame permits Frame.Call, Frame.CallResult, Frame.CallError {

  /** OCPP-J limits message ids to 36 characters. */
  int MAX_ID_LENGTH = 36;

  String id();

  /** {@code [2, id, action, payload]}. */
  record Call(String id, String action, JsonNode payload) implements Frame {}

  /** {@code [3, id, payload]}. */
  record CallResult(String id, JsonNode payload) implements Frame {}

  /** {@code [4, id, errorCode, errorDescription, errorDetails]}. */
  record CallError(String id, String errorCode, String description, JsonNode details)
      implements Frame {}
}
