package io.ocppbridge.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbridge.core.OcppErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of {@link FrameCodec}: OCPP-J 1.6 section 4 frames as WebSocket text. */
class FrameCodecTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final FrameCodec codec = new FrameCodec(mapper);

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }

  private FrameException decodeFailure(String text) {
    FrameException e = catchThrowableOfType(FrameException.class, () -> codec.decode(text));
    assertThat(e).as("decoding %s should fail with a FrameException", text).isNotNull();
    return e;
  }

  @Nested
  class RoundTrips {

    // Verifies that a CALL is read field by field and written back as compact OCPP-J text.
    @Test
    void decodesAndReencodesACall() throws Exception {
      // GIVEN a BootNotification CALL as a central system would receive it
      String text = """
          [2, "19223201", "BootNotification",
           {"chargePointVendor": "VendorX", "chargePointModel": "SingleSocketCharger"}]
          """;

      // WHEN it is decoded and encoded again
      Frame frame = codec.decode(text);
      String encoded = codec.encode(frame);

      // THEN every field is kept and the text is the same frame without layout
      assertThat(frame).isInstanceOf(Frame.Call.class);
      Frame.Call call = (Frame.Call) frame;
      assertThat(call.id()).isEqualTo("19223201");
      assertThat(call.action()).isEqualTo("BootNotification");
      assertThat(call.payload()).isEqualTo(json("""
          {"chargePointVendor": "VendorX", "chargePointModel": "SingleSocketCharger"}"""));
      assertThat(encoded).isEqualTo("""
          [2,"19223201","BootNotification",\
          {"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}]""");
      assertThat(codec.decode(encoded)).isEqualTo(frame);
    }

    // Verifies that the UTF-8 form sent on the WebSocket is the text's, byte for byte.
    @Test
    void utf8FormIsTheTextsBytes() throws Exception {
      // GIVEN frames with text beyond ASCII, escapes, a decimal and a nested error detail
      Frame[] frames = {
          codec.decode("[2,\"a-1\",\"DataTransfer\",{\"vendorId\":\"Zoë ⚡ 充電\","
              + "\"data\":\"line\\nbreak \\\"quoted\\\" \\u00e9\",\"x\":20.5}]"),
          codec.decode("[3,\"a-2\",{\"status\":\"Accepted\"}]"),
          codec.decode("[4,\"a-3\",\"GenericError\",\"ünïcode\",{\"k\":[1,2]}]")};
      for (Frame frame : frames) {
        // WHEN it is written both ways
        byte[] bytes = codec.encodeUtf8(frame);

        // THEN the bytes are the UTF-8 of the text, and read back as the same frame
        assertThat(bytes).isEqualTo(codec.encode(frame).getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
        assertThat(codec.decode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)))
            .isEqualTo(frame);
      }
    }

    // Verifies that a CALLRESULT is read field by field and written back unchanged.
    @Test
    void decodesAndReencodesACallResult() throws Exception {
      // GIVEN a BootNotification CALLRESULT with a nested payload
      String text = """
          [3, "19223201",
           {"status": "Accepted", "currentTime": "2013-02-01T20:53:32.486Z", "heartbeatInterval": 300}]
          """;

      // WHEN it is decoded and encoded again
      Frame frame = codec.decode(text);
      String encoded = codec.encode(frame);

      // THEN id and payload are kept
      assertThat(frame).isEqualTo(new Frame.CallResult("19223201", json("""
          {"status": "Accepted", "currentTime": "2013-02-01T20:53:32.486Z", "heartbeatInterval": 300}
          """)));
      assertThat(encoded).isEqualTo("""
          [3,"19223201",\
          {"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","heartbeatInterval":300}]""");
    }

    // Verifies that a CALLRESULT with an empty payload (Heartbeat-style {}) survives a round trip.
    @Test
    void keepsAnEmptyCallResultPayload() {
      // GIVEN a CALLRESULT whose payload is the empty object
      String text = """
          [3,"hb-1",{}]""";

      // WHEN it is decoded and re-encoded
      Frame frame = codec.decode(text);

      // THEN the payload is an empty object and the text is unchanged
      assertThat(((Frame.CallResult) frame).payload().isObject()).isTrue();
      assertThat(((Frame.CallResult) frame).payload().isEmpty()).isTrue();
      assertThat(codec.encode(frame)).isEqualTo(text);
    }

    // Verifies that a CALLERROR with details is read field by field and written back unchanged.
    @Test
    void decodesAndReencodesACallErrorWithDetails() throws Exception {
      // GIVEN a CALLERROR carrying an error code, a description and details
      String text = """
          [4, "162376037", "NotSupported",
           "SetChargingProfile not supported", {"hint": "upgrade firmware"}]
          """;

      // WHEN it is decoded and encoded again
      Frame frame = codec.decode(text);
      String encoded = codec.encode(frame);

      // THEN every field is kept
      assertThat(frame).isEqualTo(new Frame.CallError("162376037", "NotSupported",
          "SetChargingProfile not supported", json("""
              {"hint": "upgrade firmware"}""")));
      assertThat(encoded).isEqualTo("""
          [4,"162376037","NotSupported","SetChargingProfile not supported",\
          {"hint":"upgrade firmware"}]""");
    }

    // Verifies that a CALLERROR without the optional details element is accepted and written
    // back with an empty details object, as OCPP-J requires the element on output.
    @Test
    void acceptsACallErrorWithoutDetailsAndWritesEmptyDetails() {
      // GIVEN a four-element CALLERROR
      String text = """
          [4, "7", "GenericError", ""]""";

      // WHEN it is decoded and encoded again
      Frame frame = codec.decode(text);

      // THEN the details are absent when read and {} when written
      assertThat(frame).isEqualTo(new Frame.CallError("7", "GenericError", "", null));
      assertThat(codec.encode(frame)).isEqualTo("""
          [4,"7","GenericError","",{}]""");
    }

    // Verifies that an id of exactly the maximum length (36, a UUID) is accepted.
    @Test
    void acceptsAnIdOfExactlyThirtySixCharacters() {
      // GIVEN a CALL whose id is a 36-character UUID
      String id = "1f0e7c8a-3b1d-4e55-9a6b-2c2f0d4e9b71";
      assertThat(id).hasSize(Frame.MAX_ID_LENGTH);

      // WHEN it is decoded
      Frame frame = codec.decode("[2,\"" + id + "\",\"Heartbeat\",{}]");

      // THEN the id is kept whole
      assertThat(frame.id()).isEqualTo(id);
    }
  }

  @Nested
  class DecodingErrors {

    // Verifies that text that is not JSON is a FormationViolation without id or type.
    @ParameterizedTest
    @ValueSource(strings = {"[2, \"1\", \"Heartbeat\", {", "hello", "[2, '1', 'Heartbeat', {}]"})
    void refusesTextThatIsNotJson(String text) {
      // GIVEN text that no JSON parser accepts
      // WHEN it is decoded
      FrameException e = decodeFailure(text);

      // THEN it is a FormationViolation with nothing read
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isNull();
      assertThat(e.messageType()).isZero();
    }

    // Verifies that JSON that is not an array is a FormationViolation without id or type.
    @ParameterizedTest
    @ValueSource(strings = {"{\"messageTypeId\": 2}", "\"[2,\\\"1\\\",\\\"Heartbeat\\\",{}]\"",
        "2", "null"})
    void refusesJsonThatIsNotAnArray(String text) {
      // GIVEN a JSON object, string, number or null
      // WHEN it is decoded
      FrameException e = decodeFailure(text);

      // THEN it is a FormationViolation with nothing read
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isNull();
      assertThat(e.messageType()).isZero();
    }

    // Verifies that an empty array is a FormationViolation without id or type.
    @Test
    void refusesAnEmptyArray() {
      // GIVEN an empty array
      // WHEN it is decoded
      FrameException e = decodeFailure("[]");

      // THEN it is a FormationViolation with nothing read
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isNull();
      assertThat(e.messageType()).isZero();
    }

    // Verifies that a message type that is not an integer is a FormationViolation, even when the
    // id could be read.
    @ParameterizedTest
    @ValueSource(strings = {"[\"2\", \"1\", \"Heartbeat\", {}]", "[2.5, \"1\", \"Heartbeat\", {}]",
        "[null, \"1\", \"Heartbeat\", {}]"})
    void refusesAMessageTypeThatIsNotANumber(String text) {
      // GIVEN a frame whose first element is a string, a fraction or null
      // WHEN it is decoded
      FrameException e = decodeFailure(text);

      // THEN it is a FormationViolation with no type
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageType()).isZero();
      assertThat(e.messageId()).isNull();
    }

    // Verifies that a frame with a type but without a usable id is a FormationViolation that
    // keeps the type.
    @ParameterizedTest
    @ValueSource(strings = {"[2]", "[2, 19223201, \"Heartbeat\", {}]", "[2, \"\", \"Heartbeat\", {}]",
        "[2, null, \"Heartbeat\", {}]"})
    void refusesAFrameWithoutMessageId(String text) {
      // GIVEN a CALL without id, with a numeric id, an empty id or a null id
      // WHEN it is decoded
      FrameException e = decodeFailure(text);

      // THEN it is a FormationViolation that knows the type but no id
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isNull();
      assertThat(e.messageType()).isEqualTo(2);
    }

    // Verifies that an id longer than 36 characters is a ProtocolError that still carries the
    // id, so the sender can be answered.
    @Test
    void refusesAnIdLongerThanThirtySixCharactersButKeepsIt() {
      // GIVEN a CALL whose id has 37 characters
      String id = "x".repeat(Frame.MAX_ID_LENGTH + 1);

      // WHEN it is decoded
      FrameException e = decodeFailure("[2,\"" + id + "\",\"Heartbeat\",{}]");

      // THEN it is a ProtocolError with the id and the type
      assertThat(e.code()).isEqualTo(OcppErrorCode.PROTOCOL_ERROR);
      assertThat(e.messageId()).isEqualTo(id);
      assertThat(e.messageType()).isEqualTo(2);
      assertThat(e.description()).contains("36");
    }

    // Verifies that an unknown message type number is a ProtocolError carrying the id and type.
    @Test
    void refusesAnUnknownMessageType() {
      // GIVEN a frame of message type 5
      // WHEN it is decoded
      FrameException e = decodeFailure("""
          [5, "abc", "Heartbeat", {}]""");

      // THEN it is a ProtocolError that names the type
      assertThat(e.code()).isEqualTo(OcppErrorCode.PROTOCOL_ERROR);
      assertThat(e.messageId()).isEqualTo("abc");
      assertThat(e.messageType()).isEqualTo(5);
      assertThat(e.description()).contains("5");
    }

    // Verifies that a CALL whose payload is not an object is a FormationViolation with its id.
    @ParameterizedTest
    @ValueSource(strings = {"[2, \"c1\", \"Heartbeat\", []]", "[2, \"c1\", \"Heartbeat\", \"{}\"]",
        "[2, \"c1\", \"Heartbeat\", null]", "[2, \"c1\", \"Heartbeat\"]"})
    void refusesACallWhosePayloadIsNotAnObject(String text) {
      // GIVEN a CALL with an array, string, null or missing payload
      // WHEN it is decoded
      FrameException e = decodeFailure(text);

      // THEN it is a FormationViolation that can still be answered
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isEqualTo("c1");
      assertThat(e.messageType()).isEqualTo(2);
    }

    // Verifies that a CALL whose action is not a string is a FormationViolation with its id.
    @Test
    void refusesACallWhoseActionIsNotAString() {
      // GIVEN a CALL with a numeric action
      // WHEN it is decoded
      FrameException e = decodeFailure("""
          [2, "c2", 42, {}]""");

      // THEN it is a FormationViolation that can still be answered
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isEqualTo("c2");
      assertThat(e.messageType()).isEqualTo(2);
    }

    // Verifies that a CALLRESULT with an element after the payload is a FormationViolation.
    @Test
    void refusesACallResultWithAnExtraElement() {
      // GIVEN a CALLRESULT with four elements
      // WHEN it is decoded
      FrameException e = decodeFailure("""
          [3, "r1", {"status": "Accepted"}, {}]""");

      // THEN it is a FormationViolation with id and type
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isEqualTo("r1");
      assertThat(e.messageType()).isEqualTo(3);
    }

    // Verifies that a CALLERROR whose details are not an object is a FormationViolation.
    @ParameterizedTest
    @ValueSource(strings = {"[4, \"e1\", \"GenericError\", \"oops\", \"details\"]",
        "[4, \"e1\", \"GenericError\", \"oops\", []]", "[4, \"e1\", \"GenericError\", \"oops\", 1]"})
    void refusesACallErrorWithNonObjectDetails(String text) {
      // GIVEN a CALLERROR whose details are a string, an array or a number
      // WHEN it is decoded
      FrameException e = decodeFailure(text);

      // THEN it is a FormationViolation with id and type
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isEqualTo("e1");
      assertThat(e.messageType()).isEqualTo(4);
    }

    // Verifies that a CALLERROR missing its description is a FormationViolation.
    @Test
    void refusesACallErrorWithoutDescription() {
      // GIVEN a CALLERROR of three elements
      // WHEN it is decoded
      FrameException e = decodeFailure("""
          [4, "e2", "GenericError"]""");

      // THEN it is a FormationViolation with id and type
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
      assertThat(e.messageId()).isEqualTo("e2");
      assertThat(e.messageType()).isEqualTo(4);
    }

    // Verifies that text continuing after a complete frame is refused: the whole WebSocket
    // message must be one JSON array.
    @Test
    void refusesTextAfterTheFrame() {
      // GIVEN a valid CALLRESULT followed by a stray bracket
      // WHEN it is decoded
      FrameException e = decodeFailure("""
          [3, "r1", {}]]""");

      // THEN it is a FormationViolation: the message is not JSON
      assertThat(e.code()).isEqualTo(OcppErrorCode.FORMATION_VIOLATION);
    }
  }

  @Nested
  class Escaping {

    // Verifies that quotes, backslashes, control and non-ASCII characters in every string of a
    // frame are escaped on output and come back unchanged.
    @Test
    void escapesSpecialCharactersInEveryString() {
      // GIVEN a CALL whose id, action and payload hold quotes, backslashes, newlines and unicode
      String tricky = "say \"hi\" \\ C:\\temp\\x\n\ttab \u0001 é € 😀 </script>";
      ObjectNode payload = mapper.createObjectNode().put("idTag", tricky);
      Frame.Call call = new Frame.Call("id\"1\\", "Data\"Transfer", payload);

      // WHEN it is encoded
      String encoded = codec.encode(call);

      // THEN the text is one valid JSON array with the characters escaped
      assertThat(encoded)
          .contains("\"id\\\"1\\\\\"")
          .contains("\"Data\\\"Transfer\"")
          .contains("say \\\"hi\\\" \\\\ C:\\\\temp\\\\x\\n\\ttab \\u0001")
          .doesNotContain("\n")
          .doesNotContain("\u0001");
      // AND decoding gives back exactly the same frame
      assertThat(codec.decode(encoded)).isEqualTo(call);
    }

    // Verifies that JSON escapes in incoming text (\\uXXXX, \\", \\\\, \\/) are decoded.
    @Test
    void decodesJsonEscapesInIncomingText() {
      // GIVEN a CALLERROR whose strings use JSON escape sequences
      String text = """
          [4, "e\\u00e9", "GenericError", "a \\"quoted\\" C:\\\\dir \\/ \\ud83d\\ude00", {}]""";

      // WHEN it is decoded
      Frame.CallError error = (Frame.CallError) codec.decode(text);

      // THEN the strings hold the characters the escapes stand for
      assertThat(error.id()).isEqualTo("eé");
      assertThat(error.description()).isEqualTo("a \"quoted\" C:\\dir / 😀");
    }

    // Verifies that a CALLERROR description with quotes and newlines is written as valid JSON.
    @Test
    void escapesACallErrorDescription() throws Exception {
      // GIVEN a CALLERROR whose description spans lines and quotes a value
      Frame.CallError error = new Frame.CallError("9", "FormationViolation",
          "line 1\nfield \"idTag\" is \\ wrong", mapper.createObjectNode());

      // WHEN it is encoded
      String encoded = codec.encode(error);

      // THEN the JSON is well formed and carries the description unchanged
      JsonNode tree = json(encoded);
      assertThat(tree.get(3).textValue()).isEqualTo("line 1\nfield \"idTag\" is \\ wrong");
      assertThat(encoded).isEqualTo(
          "[4,\"9\",\"FormationViolation\",\"line 1\\nfield \\\"idTag\\\" is \\\\ wrong\",{}]");
    }
  }
}
