package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of {@code sessions.store} and the PostgreSQL registry's credentials. */
class RegistryStoreConfigTest {

  private static final String PG = "jdbc:postgresql://db.example:5432/bridge";

  @TempDir
  Path dir;

  /** Verifies that the user and password come from a value, a variable or a file, masked. */
  @Test
  void postgresqlCredentialsAreSecretsFromValueEnvOrFile() throws Exception {
    // GIVEN the user in an environment variable and the password in a file
    Path password = Files.writeString(dir.resolve("pg-password"), "s3cret-pw\n");
    Path yaml = Files.writeString(dir.resolve("bridge.yaml"), String.join("\n",
        "csms:", "  url: ws://csms.example/ocpp", "sessions:", "  store: " + PG,
        "  storeUserEnv: PG_USER", "  storePasswordFile: " + password, ""));

    // WHEN the file is loaded
    SessionsConfig sessions = ConfigLoader.load(yaml, Map.of("PG_USER", "bridge")).sessions();

    // THEN both are resolved, named by their key, and never printed
    assertThat(sessions.isPostgresql()).isTrue();
    assertThat(sessions.storeUser().reveal()).isEqualTo("bridge");
    assertThat(sessions.storePassword().reveal()).isEqualTo("s3cret-pw");
    assertThat(sessions.storePassword().source()).isEqualTo("sessions.storePasswordFile");
    assertThat(sessions.toString()).doesNotContain("s3cret-pw");
  }

  /** Verifies that a JDBC URL of another database is refused, naming the key. */
  @Test
  void otherJdbcUrlsAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", "ws://csms.example/ocpp",
        "sessions.store", "jdbc:mysql://db.example/bridge?password=x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sessions.store")
        .hasMessageContaining("jdbc:mysql")
        .hasMessageNotContaining("password=x");
  }

  /** Verifies that credentials without a PostgreSQL registry are refused, not ignored. */
  @Test
  void credentialsWithoutPostgresqlAreRefused() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", "ws://csms.example/ocpp",
        "sessions.storePassword", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sessions.storePassword")
        .hasMessageContaining("jdbc:postgresql://");
  }
}
