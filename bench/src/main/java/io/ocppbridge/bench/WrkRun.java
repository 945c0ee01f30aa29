package io.ocppbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of Debian's {@code wrk} ({@code /usr/bin/wrk}) posting OCPP 1.5 Heartbeats over
 * keep-alive connections, each request under the next of a set of charger identities and with its
 * own {@code wsa:MessageID}. The request is built by a Lua script written for the run from an
 * envelope template; the script's {@code done} hook prints one machine-readable line, which is
 * all this class reads of wrk's output. What the target spent during the run (CPU time, heap
 * allocated) is read from its process's {@link CostMeter}: this JVM's, or a child's
 * ({@link ChildTarget}); wrk is another process, so the figure is the target's alone.
 */
final class WrkRun {

  static final Path BINARY = Path.of("/usr/bin/wrk");
  static final String ID_MARK = "@ID@";
  static final String MESSAGE_ID_MARK = "@MID@";
  private static final Pattern RESULT = Pattern.compile("WRK-RESULT requests=(\\d+)"
      + " duration_us=(\\d+) p50_us=(\\d+) p90_us=(\\d+) p99_us=(\\d+) errors=(\\d+)"
      + " non2xx=(\\d+)");

  /**
   * What one run measured.
   *
   * @param requests responses received (any status)
   * @param notOk responses other than 2xx/3xx (a SOAP fault is 400 or 500)
   * @param errors connect, read, write and timeout errors
   * @param cpuNanos CPU time of the target's process during the run (-1: unknown)
   * @param allocatedBytes heap allocated by the target's process during the run (-1: unknown)
   */
  record Result(long requests, Duration elapsed, double p50Millis, double p90Millis,
      double p99Millis, long errors, long notOk, long cpuNanos, long allocatedBytes) {

    double perSecond() {
      return requests / (elapsed.toNanos() / 1e9);
    }

    /** CPU of the target per answered request, in microseconds (NaN: unknown). */
    double cpuMicrosPerRequest() {
      return requests == 0 || cpuNanos < 0 ? Double.NaN : cpuNanos / 1_000.0 / requests;
    }

    /** Heap the target allocated per answered request, in kilobytes (NaN: unknown). */
    double kilobytesPerRequest() {
      return requests == 0 || allocatedBytes < 0 ? Double.NaN
          : allocatedBytes / 1_000.0 / requests;
    }

    long failures() {
      return errors + notOk;
    }

    /**
     * Runs measured in turn on one target as one: requests, time, failures, CPU and heap added
     * (unknown in any of them stays unknown). wrk reports percentiles, not its histogram, so
     * each latency percentile is the mean of the runs' weighted by their requests: an estimate,
     * close when the runs are alike.
     */
    static Result sum(List<Result> runs) {
      long requests = 0;
      Duration elapsed = Duration.ZERO;
      double p50 = 0;
      double p90 = 0;
      double p99 = 0;
      long errors = 0;
      long notOk = 0;
      CostMeter.Cost spent = new CostMeter.Cost(0, 0);
      for (Result r : runs) {
        requests += r.requests;
        elapsed = elapsed.plus(r.elapsed);
        p50 += r.p50Millis * r.requests;
        p90 += r.p90Millis * r.requests;
        p99 += r.p99Millis * r.requests;
        errors += r.errors;
        notOk += r.notOk;
        spent = spent.plus(new CostMeter.Cost(r.cpuNanos, r.allocatedBytes));
      }
      double n = Math.max(1, requests);
      return new Result(requests, elapsed, p50 / n, p90 / n, p99 / n, errors, notOk,
          spent.cpuNanos(), spent.allocatedBytes());
    }
  }

  private final Path dir;
  private final int threads;
  private final int connections;
  private final int identities;

  WrkRun(Path dir, int threads, int connections, int identities) {
    this.dir = dir;
    this.threads = threads;
    this.connections = connections;
    this.identities = identities;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** Runs wrk against a target in this JVM, whose CPU and heap are then read. */
  Result run(URI url, String envelope, String contentType, Duration duration)
      throws IOException, InterruptedException {
    return run(url, envelope, contentType, duration, CostMeter.THIS_PROCESS);
  }

  /**
   * Runs wrk for {@code duration} against {@code url}.
   *
   * @param envelope the request, with {@value #ID_MARK} where the identity goes (as often as
   *     needed) and {@value #MESSAGE_ID_MARK} where the message id goes
   * @param contentType the request's Content-Type
   * @param target the process of the target, read before and after the run
   */
  Result run(URI url, String envelope, String contentType, Duration duration, CostMeter target)
      throws IOException, InterruptedException {
    Path script = dir.resolve("heartbeat.lua");
    int perThread = Math.max(1, (identities + threads - 1) / threads);
    Files.writeString(script, WrkScript.of(envelope, contentType, perThread),
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(BINARY.toString(),
        "-t" + threads, "-c" + connections, "-d" + Math.max(1, duration.toSeconds()) + "s",
        "--timeout", "10s", "-s", script.toString(), url.toString()));
    Path output = dir.resolve("wrk.out");
    CostMeter.Cost before = target.read();
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IOException("wrk did not end within a minute after its run");
    }
    CostMeter.Cost spent = target.read().since(before);
    String text = Files.readString(output);
    Matcher m = RESULT.matcher(text);
    if (wrk.exitValue() != 0 || !m.find()) {
      throw new IOException("wrk ended with status " + wrk.exitValue()
          + " and no result line: " + text);
    }
    return new Result(Long.parseLong(m.group(1)), Duration.ofNanos(Long.parseLong(m.group(2))
        * 1_000), micros(m.group(3)), micros(m.group(4)), micros(m.group(5)),
        Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), spent.cpuNanos(),
        spent.allocatedBytes());
  }

  private static double micros(String value) {
    return Long.parseLong(value) / 1_000.0;
  }
}
