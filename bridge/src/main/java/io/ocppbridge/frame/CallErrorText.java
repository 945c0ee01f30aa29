package io.ocppbridge.frame;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The texts of a central system's CALLERROR as the bridge passes them on (in the SOAP fault the
 * charger gets, and in the log): its description and a rendering of its {@code errorDetails}
 * (OCPP-J 1.6 section 4.2.3), where a central system says why it refused, e.g. SteVe's
 * {@code {"errorMsg":"Violation of field constraints"}}. Both come from outside, so each is
 * bounded ({@link #MAX_LENGTH} characters, cut with an ellipsis), one line (control and
 * line-separator characters become spaces, runs of spaces one), and XML-safe (characters XML
 * cannot carry become U+FFFD).
 */
public final class CallErrorText {

  /** The most characters kept of the description, and of the details' rendering. */
  public static final int MAX_LENGTH = 512;

  private CallErrorText() {}

  /**
   * What the charger and the operator read: {@code description (details: {...})}, or the
   * description alone when the details are absent or empty.
   */
  public static String reason(Frame.CallError error) {
    String description = description(error.description());
    String details = details(error.details());
    if (details.isEmpty()) {
      return description;
    }
    return description.isEmpty() ? "details: " + details
        : description + " (details: " + details + ")";
  }

  /** The description, cleaned and bounded. */
  public static String description(String description) {
    return description == null ? "" : clean(description);
  }

  /**
   * The details as compact JSON (a text node as its text), cleaned and bounded; empty for
   * none, {@code null} or {@code {}}.
   */
  public static String details(JsonNode details) {
    if (details == null || details.isNull() || details.isMissingNode()
        || (details.isContainerNode() && details.isEmpty())) {
      return "";
    }
    return clean(details.isTextual() ? details.textValue() : details.toString());
  }

  /** One line, XML-safe, at most {@link #MAX_LENGTH} characters. */
  static String clean(String text) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
    int kept = 0;
    boolean space = true; // drops leading spaces
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (oneLineSpace(c)) {
        if (!space) {
          sb.append(' ');
          kept++;
          space = true;
        }
      } else {
        sb.appendCodePoint(xmlCharacter(c) ? c : 0xFFFD);
        kept++;
        space = false;
      }
      if (kept > MAX_LENGTH) {
        break;
      }
    }
    String line = sb.toString().strip();
    if (line.codePointCount(0, line.length()) > MAX_LENGTH) {
      line = line.substring(0, line.offsetByCodePoints(0, MAX_LENGTH - 1)).stripTrailing()
          + "\u2026";
    }
    return line;
  }

  private static boolean oneLineSpace(int c) {
    return Character.isWhitespace(c) || Character.isISOControl(c) || c == 0x2028
        || c == 0x2029 || c == 0x85;
  }

  /** XML 1.0 section 2.2 (controls are spaces before this is asked). */
  private static boolean xmlCharacter(int c) {
    return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
