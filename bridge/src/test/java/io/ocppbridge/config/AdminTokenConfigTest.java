package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin bearer token: inline or from a file, long enough, never printed. */
class AdminTokenConfigTest {

  private static final String CSMS = "ws://127.0.0.1:9000/ocpp";

  /** Verifies that no token is the default. */
  @Test
  void noTokenByDefault() {
    assertThat(ConfigLoader.fromValues(Map.of("csms.url", CSMS)).admin().token()).isNull();
  }

  /** Verifies that the token is read from its file, first line, trimmed. */
  @Test
  void tokenFromFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "  0123456789abcdefXYZ \nignored\n");
    AdminConfig admin = ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "admin.tokenFile", file.toString())).admin();
    assertThat(admin.token().reveal()).isEqualTo("0123456789abcdefXYZ");
    assertThat(admin.toString()).doesNotContain("0123456789abcdefXYZ").contains("token=****");
  }

  /** Verifies that short tokens, both sources at once and unreadable files are refused. */
  @Test
  void badTokensAreRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "admin.token", "short"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("admin.token").hasMessageContaining("at least 16 characters");
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "admin.token", "0123456789abcdef", "admin.tokenFile", "/x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "admin.tokenFile", dir.resolve("missing").toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
  }
}
