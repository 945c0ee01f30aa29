package io.ocppbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppbridge.config.CsmsConfig.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code csms.transport} and {@code csms.ioThreads}: the socket transport toward the central
 * system and the event loops that carry it.
 */
class CsmsTransportConfigTest {

  private static final String CSMS = "ws://csms.example.com:9000/ocpp";

  /** Verifies that nothing set means auto, and that the key table says so. */
  @Test
  void defaultsToAuto() {
    assertThat(ConfigLoader.fromValues(Map.of("csms.url", CSMS)).csms().transport())
        .isEqualTo(Transport.AUTO);
    assertThat(ConfigKey.ALL.stream().filter(k -> k.path().equals("csms.transport"))
        .findFirst().orElseThrow().defaultValue()).isEqualTo("auto");
  }

  /** Verifies that each of the three names is read from the file. */
  @Test
  void readsEachNameFromTheFile(@TempDir Path dir) throws Exception {
    for (Transport transport : Transport.values()) {
      Path file = dir.resolve("bridge-" + transport.configName() + ".yaml");
      Files.writeString(file, "csms:\n  url: " + CSMS + "\n  transport: "
          + transport.configName() + "\n");
      assertThat(ConfigLoader.load(file, Map.of()).csms().transport()).isEqualTo(transport);
    }
  }

  /** Verifies that BRIDGE_CSMS_TRANSPORT overrides the file. */
  @Test
  void environmentOverridesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bridge.yaml");
    Files.writeString(file, "csms:\n  url: " + CSMS + "\n  transport: epoll\n");
    assertThat(ConfigLoader.load(file, Map.of("BRIDGE_CSMS_TRANSPORT", "nio")).csms()
        .transport()).isEqualTo(Transport.NIO);
  }

  /** Verifies that an unknown transport is refused naming the key, the value and the choices. */
  @Test
  void refusesAnUnknownTransport() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "csms.transport", "kqueue")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("csms.transport")
        .hasMessageContaining("kqueue")
        .hasMessageContaining("is not auto, nio or epoll");
  }

  /** Verifies that the names are case-sensitive, as every other named choice is. */
  @Test
  void refusesAnUpperCaseName() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "csms.transport", "EPOLL")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("csms.transport");
  }

  /** Verifies that ioThreads unset means one loop per two cores, at least one. */
  @Test
  void startsOneEventLoopPerTwoCoresByDefault() {
    CsmsConfig csms = ConfigLoader.fromValues(Map.of("csms.url", CSMS)).csms();
    assertThat(csms.ioThreads()).isZero();
    assertThat(csms.eventLoops(1)).isEqualTo(1);
    assertThat(csms.eventLoops(2)).isEqualTo(1);
    assertThat(csms.eventLoops(3)).isEqualTo(1);
    assertThat(csms.eventLoops(8)).isEqualTo(4);
    assertThat(csms.eventLoops(64)).isEqualTo(32);
  }

  /** Verifies that a set number of loops holds on any machine. */
  @Test
  void startsTheEventLoopsAsked() {
    CsmsConfig csms = ConfigLoader.fromValues(Map.of("csms.url", CSMS, "csms.ioThreads", "6"))
        .csms();
    assertThat(csms.eventLoops(2)).isEqualTo(6);
    assertThat(csms.eventLoops(64)).isEqualTo(6);
  }

  /** Verifies that a negative number of loops is refused, naming the key. */
  @Test
  void refusesANegativeNumberOfLoops() {
    assertThatThrownBy(() -> ConfigLoader.fromValues(Map.of("csms.url", CSMS,
        "csms.ioThreads", "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("csms.ioThreads");
  }
}
