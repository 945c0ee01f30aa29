package io.ocppbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies that check-config masks every password but shows where secrets are read from. */
class CheckConfigSecretsTest {

  /** Verifies that passwords are printed as **** and their sources (env name, file) are shown. */
  @Test
  void masksPasswordsAndShowsTheirSources(@TempDir Path dir) throws Exception {
    // GIVEN a configuration with passwords of every kind
    Path pwFile = Files.writeString(dir.resolve("cb2.pw"), "file-secret-Q7\n");
    Path file = Files.writeString(dir.resolve("bridge.yaml"), String.join("\n",
        "csms:", "  url: ws://10.1.2.3:9000/ocpp", "  securityProfile: 1",
        "  allowInsecureBasicAuth: true", "  password: global-secret-X1",
        "chargers:",
        "  CB1: {password: charger-secret-Y2, soapPassword: soap-secret-Z3}",
        "  CB2: {passwordFile: " + pwFile + "}",
        ""));
    // WHEN check-config prints the effective configuration
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.commandLine().execute("check-config", file.toString());
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    // THEN it is valid, no secret is printed, and the masked keys are there
    assertThat(exit).as(out).isEqualTo(Main.EXIT_OK);
    assertThat(out).doesNotContain("global-secret-X1").doesNotContain("charger-secret-Y2")
        .doesNotContain("soap-secret-Z3").doesNotContain("file-secret-Q7")
        .contains("csms.password: ****")
        .contains("chargers.CB1.password: ****")
        .contains("chargers.CB1.soapPassword: ****")
        .contains("chargers.CB2.passwordFile: " + pwFile);
  }
}
