package io.ocppbridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts a {@link TargetProcess} in a child JVM with this JVM's class path, and reads what it
 * spent ({@link CostMeter}). The child gets the JVM options in the system property
 * {@value #JVM_OPTIONS} (split at spaces; a profiler agent, for instance, with {@code %p} in its
 * file name to tell the children apart). It dies with its standard input, closed by
 * {@link #close}.
 */
final class ChildTarget implements CostMeter, AutoCloseable {

  /** System property: further JVM options of every child target. */
  static final String JVM_OPTIONS = "bench.childJvmOptions";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> costs = new ArrayBlockingQueue<>(16);
  private final BlockingQueue<String> ready = new ArrayBlockingQueue<>(1);
  /** Set by {@link #awaitReady}. */
  private URI url;

  /** Starts the process, without waiting for it to listen. */
  private ChildTarget(String name, List<String> args) throws IOException {
    this.name = name;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions(JVM_OPTIONS));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        TargetProcess.class.getName()));
    command.addAll(args);
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, "child-" + name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** The bare CXF endpoint in a child JVM, listening. */
  static ChildTarget bare() throws IOException, InterruptedException {
    return launchBare().awaitReady();
  }

  /**
   * The bare CXF endpoint's JVM started, not yet listening: {@link #awaitReady} before use (so
   * that it can start while something else does).
   */
  static ChildTarget launchBare() throws IOException {
    return new ChildTarget("bare endpoint", List.of(TargetProcess.BARE));
  }

  /** The bridge in a child JVM, in front of the central system at {@code csms}, listening. */
  static ChildTarget bridge(URI csms) throws IOException, InterruptedException {
    return new ChildTarget("bridge", List.of(TargetProcess.BRIDGE, csms.toString()))
        .awaitReady();
  }

  /**
   * Waits until the child listens (at most {@link #START_TIMEOUT}; the process is killed when it
   * does not).
   */
  ChildTarget awaitReady() throws InterruptedException {
    if (url == null) {
      String line = ready.poll(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (line == null) {
        process.destroyForcibly();
        throw new IllegalStateException("the " + name + " process did not start within "
            + START_TIMEOUT.toSeconds() + " s");
      }
      url = URI.create(line.substring(TargetProcess.READY.length()).trim());
    }
    return this;
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith(TargetProcess.READY)) {
          ready.offer(line);
        } else if (line.startsWith(TargetProcess.COST)) {
          costs.offer(line);
        } else {
          System.out.println("[" + name + " process] " + line);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** The JVM options in a system property of this JVM, split at spaces (none when unset). */
  static List<String> jvmOptions(String property) {
    String extra = System.getProperty(property, "").trim();
    return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
  }

  /** The target's SOAP address, once {@link #awaitReady ready}. */
  URI url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  /** What the child process spent so far, or {@link Cost#UNKNOWN} when it did not say in time. */
  @Override
  public synchronized Cost read() {
    costs.clear();
    commands.println("cost");
    try {
      String line = costs.poll(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (line == null) {
        return Cost.UNKNOWN;
      }
      String[] figures = line.substring(TargetProcess.COST.length()).trim().split(" ");
      return new Cost(Long.parseLong(figures[0]), Long.parseLong(figures[1]),
          Long.parseLong(figures[2]));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Cost.UNKNOWN;
    }
  }

  /** Tells the child to stop (end of its input), without waiting for it. */
  void endInput() {
    commands.close();
  }

  @Override
  public void close() throws InterruptedException {
    endInput();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
