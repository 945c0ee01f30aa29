package io.ocppbridge.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ocppbridge.frame.Frame;
import io.ocppbridge.frame.FrameCodec;
import io.ocppbridge.frame.FrameException;
import io.ocppbridge.translate.OcppJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link FrameCodec#decode} with arbitrary WebSocket text (OCPP-J 1.6 section 4 frames).
 *
 * <p>Properties: decoding either returns a frame or throws {@link FrameException}, never
 * anything else; and a decoded frame, encoded and decoded again, is the same frame (a CALLERROR
 * read without details comes back with {@code {}}, as {@link FrameCodec#encode} writes it). An
 * input is the raw bytes of one WebSocket message, read as UTF-8 (Netty hands the codec decoded
 * UTF-8 too, so no lone surrogate ever reaches it).
 *
 * <p><b>In a plain build</b> ({@code mvn test}, CI) the {@code @FuzzTest} does not fuzz: it
 * runs the empty input and every file under {@code src/test/resources/io/ocppbridge/fuzz/
 * FrameCodecFuzzTestInputs/decodeFailsOnlyWithFrameExceptionAndRoundTrips/} (seeds, and fixed
 * findings kept as regression cases), in a few seconds.
 *
 * <p><b>To fuzz</b> (Jazzer 0.30, coverage-guided), from the repository root, one
 * {@code @FuzzTest} per run:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl bridge test \
 *     -Dtest='FrameCodecFuzzTest#decodeFailsOnlyWithFrameExceptionAndRoundTrips' \
 *     -Djazzer.max_duration=10m '-Djazzer.instrument=io.ocppbridge.**,com.fasterxml.jackson.**'
 * </pre>
 * <ul>
 *   <li>{@code -Djazzer.max_duration} overrides the annotation's {@code maxDuration} (4 minutes);
 *       {@code -Djazzer.max_executions=N} bounds the number of runs instead.
 *   <li>{@code -Djazzer.instrument}: by default Jazzer measures coverage only in the classes of
 *       the build's own output directories; adding Jackson lets it see the parser (coverage
 *       rose from 84 to about 2,700 edges).
 *   <li>The first finding fails the test and is written as {@code crash-<sha1>} into the inputs
 *       directory above, so the next plain build replays it. {@code -Djazzer.keep_going=N} goes
 *       on after findings (deduplicated by stack trace), but then the test passes: read the log
 *       ({@code == Java Exception}) and look for new {@code crash-} files.
 *   <li>A finding that cannot be fixed at once moves to {@code FrameCodecFuzzTestInputs/
 *       knownBugs/} (not replayed by Jazzer) and gets a {@code @Disabled("bug: ...")} test here
 *       that replays it, like {@link #numberBeyondDoubleRangeKeepsItsTypeThroughTheCodec}.
 *   <li>The corpus the fuzzer grows stays in {@code bridge/.cifuzz-corpus/} and is not committed.
 * </ul>
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

  // Verifies that a number too large for a double keeps its JSON type through decode + encode.
  // Found by fuzzing (Jazzer, after about 1.5 M runs): Jackson reads 3e+3320 as the double
  // Infinity, and FrameCodec.encode writes that as the string "Infinity"; minimal form
  // [3,"a",{"x":1e999}] comes back as [3,"a",{"x":"Infinity"}].
  @Test
  void numberBeyondDoubleRangeKeepsItsTypeThroughTheCodec() {
    decodeFailsOnlyWithFrameExceptionAndRoundTrips(
        knownBug("crash-f8a6b144fe115ac56ef7b08c2b18823f2de8b371"));
  }

  /** The frame as {@link FrameCodec#encode} writes it: CALLERROR details default to {}. */
  private static Frame asWritten(Frame frame) {
    if (frame instanceof Frame.CallError e && e.details() == null) {
      return new Frame.CallError(e.id(), e.errorCode(), e.description(),
          JsonNodeFactory.instance.objectNode());
    }
    return frame;
  }

  /** A finding kept under {@code FrameCodecFuzzTestInputs/knownBugs/}, which Jazzer skips. */
  private static byte[] knownBug(String name) {
    String resource = "FrameCodecFuzzTestInputs/knownBugs/" + name;
    try (InputStream in = FrameCodecFuzzTest.class.getResourceAsStream(resource)) {
      return Objects.requireNonNull(in, "missing " + resource).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
