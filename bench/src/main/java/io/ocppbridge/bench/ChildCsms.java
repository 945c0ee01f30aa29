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
 * Starts {@link CsmsSimulatorProcess} in a child JVM with this JVM's class path, and asks it how
 * many WebSockets it holds. The child dies with its standard input (closed by {@link #close}).
 * Extra options for its JVM (a collector, a GC log) go in the system property
 * {@value #JVM_OPTIONS}, split at spaces.
 */
final class ChildCsms implements AutoCloseable {

  static final String JVM_OPTIONS = "bench.csmsJvmOptions";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final PrintWriter commands;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1024);
  private final URI url;

  ChildCsms(String maxHeap) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
    command.addAll(ChildTarget.jvmOptions(JVM_OPTIONS));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        CsmsSimulatorProcess.class.getName()));
    process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, "child-csms-output");
    reader.setDaemon(true);
    reader.start();
    String ready = lines.poll(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (ready == null || !ready.startsWith(CsmsSimulatorProcess.READY)) {
      process.destroyForcibly();
      throw new IllegalStateException("the central system process did not start within "
          + START_TIMEOUT.toSeconds() + " s (said: " + ready + ")");
    }
    url = URI.create(ready.substring(CsmsSimulatorProcess.READY.length()).trim());
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith(CsmsSimulatorProcess.READY)
            || line.startsWith(CsmsSimulatorProcess.CONNECTIONS)) {
          lines.offer(line);
        } else {
          System.out.println("[central system process] " + line);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  URI url() {
    return url;
  }

  /** Open WebSockets at the central system, or -1 when it did not say in time. */
  int connections() throws InterruptedException {
    commands.println("count");
    String line = lines.poll(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return line == null ? -1
        : Integer.parseInt(line.substring(CsmsSimulatorProcess.CONNECTIONS.length()).trim());
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    commands.close();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
