package io.ocppbridge.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of one Prometheus text exposition, read by metric name and {@code reason}. */
final class PrometheusText {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)$");
  private static final Pattern REASON = Pattern.compile("reason=\"([^\"]*)\"");

  private final String text;

  PrometheusText(String text) {
    this.text = text;
  }

  /** The value of an unlabelled sample, or NaN when there is none. */
  double value(String name) {
    for (String line : text.split("\n")) {
      Matcher m = SAMPLE.matcher(line.trim());
      if (m.matches() && m.group(1).equals(name) && m.group(2) == null) {
        return Double.parseDouble(m.group(3));
      }
    }
    return Double.NaN;
  }

  /** Every sample of {@code name} by its {@code reason} label, in name order. */
  Map<String, Long> byReason(String name) {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher m = SAMPLE.matcher(line.trim());
      if (m.matches() && m.group(1).equals(name) && m.group(2) != null) {
        Matcher reason = REASON.matcher(m.group(2));
        if (reason.find()) {
          counts.merge(reason.group(1), (long) Double.parseDouble(m.group(3)), Long::sum);
        }
      }
    }
    return counts;
  }

  /** {@code reason=count, ...} without the zeros, or "none". */
  static String describe(Map<String, Long> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach((reason, n) -> {
      if (n > 0) {
        b.append(b.length() == 0 ? "" : ", ").append(reason).append('=').append(n);
      }
    });
    return b.length() == 0 ? "none" : b.toString();
  }
}
