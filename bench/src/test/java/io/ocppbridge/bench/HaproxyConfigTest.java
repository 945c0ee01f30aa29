package io.ocppbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped HAProxy configuration written for any number of nodes. */
class HaproxyConfigTest {

  /**
   * Verifies that the shipped file for three nodes has one server line per node, each the
   * shipped node1 line numbered for its node, and every other line exactly as shipped.
   */
  @Test
  void writesOneServerLinePerNodeAndKeepsTheRestAsShipped() throws Exception {
    // GIVEN the shipped configuration
    String shipped = Files.readString(Path.of("..", "config", "haproxy.cfg"));

    // WHEN written for three nodes
    String three = HaproxyConfig.forNodes(shipped, 3);

    // THEN it names node1 to node3, each with its own address and health-check port
    assertThat(serverLines(three)).containsExactly(
        "server node1 \"${BRIDGE_NODE1}\" check port \"${BRIDGE_NODE1_ADMIN}\"",
        "server node2 \"${BRIDGE_NODE2}\" check port \"${BRIDGE_NODE2_ADMIN}\"",
        "server node3 \"${BRIDGE_NODE3}\" check port \"${BRIDGE_NODE3_ADMIN}\"");
    // AND everything else is the shipped file's
    assertThat(withoutServerLines(three)).isEqualTo(withoutServerLines(shipped));
    // AND for the two nodes the file names, it is the file itself
    assertThat(HaproxyConfig.forNodes(shipped, 2)).isEqualTo(shipped);
  }

  /** Verifies that a file without a node1 line to copy is refused rather than run unchanged. */
  @Test
  void refusesAFileWithoutANode1ServerLine() {
    assertThatThrownBy(() -> HaproxyConfig.forNodes("backend b\n  server a 127.0.0.1:1\n", 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node1");
  }

  private static List<String> serverLines(String config) {
    return config.lines().map(String::strip).filter(l -> l.startsWith("server ")).toList();
  }

  private static List<String> withoutServerLines(String config) {
    return config.lines().filter(l -> !l.strip().startsWith("server ")).toList();
  }
}
