package io.ocppbridge.bench;

/**
 * One line of the result table: a measured quantity for the bridge, for the bare endpoint when
 * there is one, how they compare, and the target with whether it was met.
 *
 * @param verdict "yes", "NO", or "-" when the line has no target
 */
public record ResultRow(String scenario, String metric, String bridge, String bare,
    String comparison, String target, String verdict) {

  public static ResultRow info(String scenario, String metric, String bridge, String bare,
      String comparison) {
    return new ResultRow(scenario, metric, bridge, bare, comparison, "", "-");
  }

  public static ResultRow judged(String scenario, String metric, String bridge, String bare,
      String comparison, String target, boolean met) {
    return new ResultRow(scenario, metric, bridge, bare, comparison, target, met ? "yes" : "NO");
  }

  static String ms(double millis) {
    return Double.isNaN(millis) ? "n/a" : String.format("%.2f ms", millis);
  }

  /** A difference of milliseconds with its sign: {@code +1.20 ms}, {@code -0.40 ms}. */
  static String msDifference(double millis) {
    return Double.isNaN(millis) ? "n/a" : String.format("%+.2f ms", millis);
  }

  static String rate(double perSecond) {
    return String.format("%.0f/s", perSecond);
  }
}
