package io.ocppbridge.translate;

/**
 * Recognises the timestamp text most chargers send, {@code 2013-02-01T15:09:18Z} with at most
 * nine digits of fraction, as already being what OCPP-J is sent: for such text,
 * {@link OcppJson#timestampText} of the parsed value gives the same text back. Anything else
 * (an offset, no zone, hour 24, a year beyond four digits, more digits of fraction) is not
 * recognised and goes the general way. Parsing and formatting every timestamp was the bridge's
 * largest own cost after validation and translation in the {@code peak} profile.
 */
final class UtcTimestampText {

  private static final int SHORTEST = "2013-02-01T15:09:18Z".length();
  private static final int MAX_FRACTION_DIGITS = 9;

  private UtcTimestampText() {}

  /** Whether {@code text} is a valid UTC date-time in the form it is sent on unchanged. */
  static boolean isCanonical(String text) {
    int length = text.length();
    if (length < SHORTEST || length > SHORTEST + 1 + MAX_FRACTION_DIGITS
        || length == SHORTEST + 1 || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return false;
    }
    if (length > SHORTEST && (text.charAt(19) != '.' || !digits(text, 20, length - 1))) {
      return false;
    }
    if (!digits(text, 0, 4) || !digits(text, 5, 7) || !digits(text, 8, 10)
        || !digits(text, 11, 13) || !digits(text, 14, 16) || !digits(text, 17, 19)) {
      return false;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 7);
    int day = number(text, 8, 10);
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
        && number(text, 11, 13) <= 23 && number(text, 14, 16) <= 59
        && number(text, 17, 19) <= 59;
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (text.charAt(i) - '0');
    }
    return n;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }
}
