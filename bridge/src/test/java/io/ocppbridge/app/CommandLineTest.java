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

  /** Verifies that the demo relays operations both ways for every version and exits 0. */
  @Test
  void demoRelaysEveryOperationAndExitsZero() {
    String out = captureStdout(() -> assertThat(Main.commandLine().execute("demo"))
        .isEqualTo(Main.EXIT_OK));
    assertThat(out).contains("every operation was relayed and answered, in both directions");
    assertThat(out).doesNotContain("FAIL");
    // 10 + 9 + 10 + 10 charger-initiated operations (1.5, 1.2, 1.6, 1.5 as 2.0.1), 5 + 3 + 4 + 6
    // sent by the central system
    assertThat(out.lines().filter(l -> l.contains(" ok   ")).count()).isEqualTo(57);
    assertThat(out).contains("[DEMO-CP16] ok   SetChargingProfile (from the central system)");
    assertThat(out).contains("[DEMO-CP201] ok   GetBaseReport (from the central system)")
        .contains("[DEMO-CP201] ok   RequestStartTransaction (from the central system)")
        .contains("the central system sees an OCPP 2.0.1 charging station");
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

  /** Verifies that a registry that cannot be created stops the start with one clear line. */
  @Test
  void anUnusableRegistryExitsWithOneLineNamingIt(@TempDir Path dir) throws Exception {
    Path notADirectory = dir.resolve("file");
    Files.writeString(notADirectory, "x");
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, "csms:\n  url: ws://127.0.0.1:9/ocpp\nsoap:\n  port: 0\n"
        + "admin:\n  enabled: false\nsessions:\n  store: " + notADirectory.resolve("registry")
        + "\n");
    String err = captureStderr(() -> assertThat(Main.commandLine()
        .execute("run", "--config", file.toString())).isEqualTo(Main.EXIT_FAILURE));
    assertThat(err).startsWith("ocpp-soap-bridge: cannot start: ")
        .contains("sessions.store").contains(notADirectory.toString())
        .doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(err.lines().count()).isEqualTo(1);
  }

  /** Verifies that the documented example configuration is valid as shipped. */
  @Test
  void exampleConfigurationIsValid() {
    Path example = Path.of("..", "config", "bridge.yaml");
    assertThat(io.ocppbridge.config.ConfigLoader.load(example, java.util.Map.of()).soap().port())
        .isEqualTo(8080);
  }

  /** Verifies that check-config prints every effective value and says the file is valid. */
  @Test
  void checkConfigPrintsTheEffectiveConfiguration(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, "csms:\n  url: ws://10.1.2.3:9000/ocpp\nchargers:\n  CB.7:\n"
        + "    timezone: Europe/Amsterdam\n");
    String out = captureStdout(() -> assertThat(Main.commandLine()
        .execute("check-config", file.toString())).isEqualTo(Main.EXIT_OK));
    assertThat(out).contains("csms.url: ws://10.1.2.3:9000/ocpp")
        .contains("soap.port: 8080")
        .contains("csms.callTimeout: 30s")
        .contains("chargers.CB.7.timezone: Europe/Amsterdam")
        .contains("# valid");
  }

  /** Verifies that check-config refuses an invalid file with exit code 2. */
  @Test
  void checkConfigRefusesAnInvalidFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, "csms:\n  url: http://not-a-websocket/\n");
    String err = captureStderr(() -> assertThat(Main.commandLine()
        .execute("check-config", file.toString())).isEqualTo(Main.EXIT_CONFIG));
    assertThat(err).contains("csms.url");
  }

  /** Verifies that simulate-charger --all runs every operation through a bridge and exits 0. */
  @Test
  void simulateChargerSmokeTestsABridge() {
    try (io.ocppbridge.testsupport.BridgeFixture fixture =
        io.ocppbridge.testsupport.BridgeFixture.start()) {
      String out = captureStdout(() -> assertThat(Main.commandLine().execute("simulate-charger",
          "--bridge", fixture.soapUrl().toString(), "--id", "SMOKE-1", "--ocpp", "1.2",
          "--soap", "1.1", "--all")).isEqualTo(Main.EXIT_OK));
      assertThat(out.lines().filter(l -> l.contains(" ok   ")).count()).isEqualTo(9);
      assertThat(fixture.csms().received()).hasSize(9)
          .allMatch(c -> c.chargerId().equals("SMOKE-1") && c.subprotocol().equals("ocpp1.2"));
    }
  }

  /**
   * Verifies that simulate-csms listens, says where, and stops after its duration, not at the end
   * of its input (closed from the start, as in a container).
   */
  @Test
  void simulateCsmsListensAndStopsAfterItsDurationNotAtTheEndOfInput() throws Exception {
    try (CommandRun run = CommandRun.start("simulate-csms", "--port", "0", "--duration", "1")) {
      long started = System.nanoTime();
      run.endInput();

      assertThat(run.awaitExit(java.time.Duration.ofSeconds(20))).isEqualTo(Main.EXIT_OK);
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(900));
      assertThat(run.output()).containsPattern("point csms.url at ws://127\\.0\\.0\\.1:\\d+/ocpp")
          .contains("answered 0 call(s)");
    }
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
