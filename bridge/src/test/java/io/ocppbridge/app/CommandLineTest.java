package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: the demo, and configuration errors with exit code 2. */
class CommandLineTest {

  /** Verifies that the demo relays operations both ways for both versions and exits 0. */
  @Test
  void demoRelaysEveryOperationAndExitsZero() {
    String out = captureStdout(() -> assertThat(Main.commandLine().execute("demo"))
        .isEqualTo(Main.EXIT_OK));
    assertThat(out).contains("every operation was relayed and answered, in both directions");
    assertThat(out).doesNotContain("FAIL");
    // 10 + 9 charger-initiated operations, 5 + 3 sent by the central system
    assertThat(out.lines().filter(l -> l.contains(" ok   ")).count()).isEqualTo(27);
  }

  /** Verifies that an invalid configuration value stops with exit code 2 naming the key. */
  @Test
  void invalidConfigurationExitsWithTwo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, "soap:\n  port: 70000\ncsms:\n  url: ws://127.0.0.1:9/ocpp\n");
    String err = captureStderr(() -> assertThat(Main.commandLine()
        .execute("run", "--config", file.toString())).isEqualTo(Main.EXIT_CONFIG));
    assertThat(err).contains("soap.port").contains("70000");
  }

  /** Verifies that the documented example configuration is valid as shipped. */
  @Test
  void exampleConfigurationIsValid() {
    Path example = Path.of("..", "config", "bridge.yaml");
    assertThat(io.ocppbridge.config.ConfigLoader.load(example, java.util.Map.of()).soap().port())
        .isEqualTo(8080);
  }

  private static String captureStdout(Runnable r) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static String captureStderr(Runnable r) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
