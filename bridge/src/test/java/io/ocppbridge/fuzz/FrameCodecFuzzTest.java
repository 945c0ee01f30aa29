package io.ocppbridge.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.frame.Frame;
import io.ocppbridge.frame.FrameCodec;
import io.ocppbridge.frame.FrameException;
import io.ocppbridge.translate.OcppJson;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link FrameCodec#decode} with arbitrary WebSocket text (OCPP-J 1.6 section 4 frames).
 *
 * <p>Properties: decoding either returns a frame or throws {@link FrameException}, never
 * anything else; and a decoded frame, encoded and decoded again, is the same frame (a CALLERROR
 * read without details comes back with {@code {}}, as {@link FrameCodec#encode} writes it).
 *
 * <p><b>In a plain build</b> ({@code mvn test}, CI) the {@code @FuzzTest} runs only the empty
 * input and the files in {@code src/test/resources/io/ocppbridge/fuzz/FrameCodecFuzzTestInputs/
 * decodeFailsOnlyWithFrameExceptionAndRoundTrips/}: seeds, and the crashes fuzzing found, kept as
 * regression cases. Each file is the raw text of one WebSocket message, read as UTF-8 (the
 * bytes Netty hands over are UTF-8 too, so no lone surrogate ever reaches the codec).
 *
 * <p><b>To fuzz</b> (Jazzer 0.30, coverage-guided; one {@code @FuzzTest} per run), from the
 * repository root:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl bridge test \
 *     -Dtest='FrameCodecFuzzTest#decodeFailsOnlyWithFrameExceptionAndRoundTrips' \
 *     -Djazzer.max_duration=10m
 * </pre>
 * {@code -Djazzer.max_duration} overrides the annotation's {@code maxDuration} (4 minutes);
 * {@code -Djazzer.max_executions=N} bounds the runs instead. A finding fails the test and is
 * written as {@code crash-<sha1>} into the inputs directory above, where the next plain build
 * replays it; move it elsewhere (see {@link #knownBugs}) if it cannot be fixed at once. The
 * corpus the fuzzer grows is kept in {@code bridge/.cifuzz-corpus/} (not committed).
 */
class FrameCodecFuzzTest {

  private final FrameCodec codec = new FrameCodec(OcppJson.frameMapper());

  // Verifies that decoding any text yields a frame or a FrameException, and that a decoded frame
  // survives encode + decode unchanged.
  @FuzzTest(maxDuration = "4m")
  void decodeFailsOnlyWithFrameExceptionAndRoundTrips(byte[] input) {
    // GIVEN any WebSocket text
    String text = new String(input, StandardCharsets.UTF_8);

    // WHEN it is decoded (anything but a FrameException escapes and is a finding)
    Frame frame;
    try {
      frame = codec.decode(text);
    } catch (FrameException refused) {
      return;
    }

    // THEN encoding and decoding it again gives the same frame
    String encoded = codec.encode(frame);
    assertThat(codec.decode(encoded))
        .as("decode(encode(frame)) of %s, encoded as %s", text, encoded)
        .isEqualTo(asWritten(frame));
  }

  /** The frame as {@link FrameCodec#encode} writes it: CALLERROR details default to {}. */
  private static Frame asWritten(Frame frame) {
    if (frame instanceof Frame.CallError e && e.details() == null) {
      return new Frame.CallError(e.id(), e.errorCode(), e.description(),
          JsonNodeFactory.instance.objectNode());
    }
    return frame;
  }

  /** Crashes found by fuzzing that wait for a fix in main code; none at the moment. */
  static final String knownBugs = "FrameCodecFuzzTestKnownBugs/";
}
