package io.ocppbridge.sim;

import java.time.Duration;

/**
 * What the simulated central system sends back for one CALL: a whole frame's text (so tests can
 * send anything, garbage included) after a delay, or nothing at all.
 */
public record CsmsReply(String frameText, Duration delay) {

  public static CsmsReply now(String frameText) {
    return new CsmsReply(frameText, Duration.ZERO);
  }

  public static CsmsReply after(Duration delay, String frameText) {
    return new CsmsReply(frameText, delay);
  }

  /** No answer: the call stays unanswered. */
  public static CsmsReply silence() {
    return new CsmsReply(null, Duration.ZERO);
  }
}
