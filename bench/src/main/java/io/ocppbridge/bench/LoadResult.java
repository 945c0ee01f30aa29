package io.ocppbridge.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured: requests answered correctly within the measured window, the
 * throughput over that window, the latency distribution (microseconds), and every failure
 * seen in the whole run (warm-up included), with a few examples.
 *
 * @param answered correct answers (HTTP 200, the operation's response element) in the window
 * @param failures wrong answers, faults, HTTP errors and timeouts over the whole run
 * @param skipped open-loop sends left out because too many were in flight
 */
public record LoadResult(long answered, long failures, long skipped, double seconds,
    Histogram latencyMicros, List<String> failureExamples, long answeredInWholeRun) {

  public double throughput() {
    return seconds <= 0 ? 0 : answered / seconds;
  }

  /** A latency percentile in milliseconds. */
  public double millis(double percentile) {
    if (latencyMicros.getTotalCount() == 0) {
      return Double.NaN;
    }
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMillis() {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN
        : latencyMicros.getMaxValue() / 1000.0;
  }

  public static long micros(long nanos) {
    return TimeUnit.NANOSECONDS.toMicros(nanos);
  }

  @Override
  public String toString() {
    return String.format("%d answered in %.1f s (%.0f/s), %d failures, %d skipped;"
            + " p50 %.2f ms p90 %.2f ms p99 %.2f ms p99.9 %.2f ms max %.2f ms",
        answered, seconds, throughput(), failures, skipped, millis(50), millis(90), millis(99),
        millis(99.9), maxMillis());
  }
}
