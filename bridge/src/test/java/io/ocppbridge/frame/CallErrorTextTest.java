package io.ocppbridge.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** The central system's CALLERROR texts as the bridge passes them on: bounded, one line. */
class CallErrorTextTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Verifies that SteVe-like details follow the description as compact JSON. */
  @Test
  void rendersDetailsAfterTheDescription() throws Exception {
    Frame.CallError error = new Frame.CallError("1", "PropertyConstraintViolation",
        "Message validation failed",
        JSON.readTree("{\"errorMsg\": \"Violation of field constraints\"}"));

    assertThat(CallErrorText.reason(error)).isEqualTo("Message validation failed (details:"
        + " {\"errorMsg\":\"Violation of field constraints\"})");
  }

  /** Verifies that empty or absent details add nothing. */
  @Test
  void emptyDetailsAddNothing() {
    for (var details : new com.fasterxml.jackson.databind.JsonNode[] {null,
        JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.nullNode(),
        JsonNodeFactory.instance.arrayNode()}) {
      assertThat(CallErrorText.reason(new Frame.CallError("1", "GenericError", "no", details)))
          .isEqualTo("no");
    }
  }

  /**
   * Verifies that control characters, line separators and characters XML cannot carry never
   * pass, and that runs of them become one space.
   */
  @Test
  void cleansHostileText() {
    String hostile = "a\r\n\tb\u0000\u0007c\u2028d\u0085e\ud800f\uffffg  \n h";

    assertThat(CallErrorText.description(hostile)).isEqualTo("a b c d e\ufffdf\ufffdg h");
    assertThat(CallErrorText.details(JsonNodeFactory.instance.textNode(hostile)))
        .isEqualTo("a b c d e\ufffdf\ufffdg h");
  }

  /** Verifies that a huge description and huge details are each cut to the bound. */
  @Test
  void boundsHugeText() {
    String huge = "x".repeat(1_000_000);
    Frame.CallError error = new Frame.CallError("1", "GenericError", huge,
        JsonNodeFactory.instance.objectNode().put("errorMsg", huge));

    String description = CallErrorText.description(huge);
    String details = CallErrorText.details(error.details());
    assertThat(description).hasSize(CallErrorText.MAX_LENGTH).endsWith("x\u2026");
    assertThat(details).hasSize(CallErrorText.MAX_LENGTH).startsWith("{\"errorMsg\":\"xxx")
        .endsWith("\u2026");
    assertThat(CallErrorText.reason(error))
        .hasSizeLessThanOrEqualTo(2 * CallErrorText.MAX_LENGTH + 20);
  }

  /** Verifies that the cut never splits a surrogate pair. */
  @Test
  void cutKeepsSurrogatePairsWhole() {
    String emoji = "\ud83d\ude00".repeat(CallErrorText.MAX_LENGTH + 10);

    String cut = CallErrorText.description(emoji);
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(CallErrorText.MAX_LENGTH);
    assertThat(cut.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
  }
}
