package io.ocppbridge.bench;

import java.util.ArrayList;
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
 * @param loadCpuNanos CPU time of the load generator's own threads in the window (-1: unknown)
 * @param gcPauseNanos time the measured process was stopped by its collector in the window
 *     (-1: unknown)
 */
public record LoadResult(long answered, long failures, long skipped, double seconds,
    Histogram latencyMicros, List<String> failureExamples, long answeredInWholeRun,
    long cpuNanos, long allocatedBytes, long loadCpuNanos, long gcPauseNanos) {

  /**
   * The share of the measured window the process stood stopped by its collector, percent (NaN
   * when unknown): every request that arrives in a pause waits for its end.
   */
  public double gcPausePercent() {
    return gcPauseNanos < 0 || seconds <= 0 ? Double.NaN : gcPauseNanos / seconds / 1e7;
  }

  /**
   * CPU time of the whole process per answered request in the window, microseconds (NaN when
   * unknown): the cost that does not shrink when other processes take the machine's cores.
   */
  public double cpuMicrosPerRequest() {
    return cpuNanos <= 0 || answered == 0 ? Double.NaN : cpuNanos / 1000.0 / answered;
  }

  /**
   * CPU time per answered request of the process without the load generator's own threads
   * (its HTTP client's selector and executor), microseconds (NaN when unknown): the target's
   * cost, with the garbage collection and compilation of the whole process still in it.
   */
  public double targetCpuMicrosPerRequest() {
    return cpuNanos <= 0 || loadCpuNanos < 0 || answered == 0 ? Double.NaN
        : (cpuNanos - loadCpuNanos) / 1000.0 / answered;
  }

  /**
   * Heap allocated by the whole process per answered request in the window, kilobytes (NaN when
   * unknown); the load generator's share is in it, as it is in the CPU.
   */
  public double kilobytesPerRequest() {
    return allocatedBytes < 0 || answered == 0 ? Double.NaN : allocatedBytes / 1000.0 / answered;
  }

  /**
   * Loads measured in turn on one target as one: answers, failures, windows, CPU and allocation
   * added, latencies merged; unknown CPU or allocation in any of them stays unknown.
   */
  public static LoadResult sum(List<LoadResult> parts) {
    Histogram latency = parts.get(0).latencyMicros().copy();
    latency.reset();
    long answered = 0;
    long failures = 0;
    long skipped = 0;
    double seconds = 0;
    List<String> examples = new ArrayList<>();
    long inRun = 0;
    CostMeter.Cost spent = new CostMeter.Cost(0, 0, 0);
    long loadCpu = 0;
    for (LoadResult r : parts) {
      latency.add(r.latencyMicros());
      answered += r.answered();
      failures += r.failures();
      skipped += r.skipped();
      seconds += r.seconds();
      int room = Math.max(0, LoadGenerator.FAILURE_EXAMPLES - examples.size());
      r.failureExamples().stream().limit(room).forEach(examples::add);
      inRun += r.answeredInWholeRun();
      spent = spent.plus(new CostMeter.Cost(r.cpuNanos(), r.allocatedBytes(), r.gcPauseNanos()));
      loadCpu = loadCpu < 0 || r.loadCpuNanos() < 0 ? -1 : loadCpu + r.loadCpuNanos();
    }
    return new LoadResult(answered, failures, skipped, seconds, latency, List.copyOf(examples),
        inRun, spent.cpuNanos(), spent.allocatedBytes(), loadCpu, spent.gcPauseNanos());
  }

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
            + " p50 %.2f ms p90 %.2f ms p99 %.2f ms p99.9 %.2f ms max %.2f ms;"
            + " CPU %.0f us/request, heap %.1f KB/request, GC pauses %.2f%% of the time",
        answered, seconds, throughput(), failures, skipped, millis(50), millis(90), millis(99),
        millis(99.9), maxMillis(), cpuMicrosPerRequest(), kilobytesPerRequest(),
        gcPausePercent())
        + (failureExamples.isEmpty() ? "" : "; first failures: " + failureExamples);
  }
}
