package io.ocppbridge.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command of the command line running on a thread of its own, with a piped standard input
 * the test types into and a captured output it waits on (polling with a deadline).
 */
final class CommandRun implements AutoCloseable {

  private final PipedOutputStream keyboard = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final Future<Integer> exitCode;

  private CommandRun(String... args) throws IOException {
    PipedInputStream in = new PipedInputStream(keyboard, 64 * 1024);
    Terminal terminal = new Terminal(in, new PrintStream(screen, true, StandardCharsets.UTF_8));
    this.exitCode = thread.submit(() -> Main.commandLine(terminal).execute(args));
  }

  static CommandRun start(String... args) throws IOException {
    return new CommandRun(args);
  }

  /** Types one line. */
  void type(String line) throws IOException {
    keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  /** Closes the input: the end of standard input. */
  void endInput() throws IOException {
    keyboard.close();
  }

  String output() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  /** Waits until the output contains this text; fails after the timeout, showing the output. */
  String awaitOutput(String text, Duration timeout) throws InterruptedException {
    return awaitOutput(out -> out.contains(text), "'" + text + "'", timeout);
  }

  /** Waits for a match of the pattern in the output and returns its first group. */
  String awaitMatch(Pattern pattern, Duration timeout) throws InterruptedException {
    String out = awaitOutput(o -> pattern.matcher(o).find(), pattern.pattern(), timeout);
    Matcher m = pattern.matcher(out);
    m.find();
    return m.group(1);
  }

  int awaitExit(Duration timeout) throws Exception {
    return exitCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private String awaitOutput(Predicate<String> done, String what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String out = output();
      if (done.test(out)) {
        return out;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new AssertionError("no " + what + " within " + timeout + " in:\n" + output());
  }

  @Override
  public void close() throws IOException {
    keyboard.close();
    exitCode.cancel(true);
    thread.shutdownNow();
  }
}
