package io.ocppbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped {@code config/haproxy.cfg} for any number of nodes: the file names two, and says
 * to add one {@code server} line per node. Everything but the {@code server nodeN} lines is kept
 * as shipped (balancing, health checks, retries, timeouts), so that a run tests the shipped
 * configuration; the server lines are written again, one per node, each a copy of the shipped
 * {@code node1} line with {@code node1} and {@code BRIDGE_NODE1} numbered for its node.
 */
final class HaproxyConfig {

  private static final Pattern SERVER_LINE = Pattern.compile("^\\s*server\\s+node(\\d+)\\s.*$");
  private static final Pattern NODE_NAME = Pattern.compile("\\bnode1(?!\\d)");
  private static final Pattern NODE_VARIABLE = Pattern.compile("\\bBRIDGE_NODE1(?!\\d)");

  private HaproxyConfig() {}

  /**
   * {@code shipped} with its server lines replaced by {@code nodes} lines, where the first one
   * stood.
   *
   * @throws IllegalArgumentException if {@code shipped} has no {@code server node1} line to copy
   */
  static String forNodes(String shipped, int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("at least one node, not " + nodes);
    }
    List<String> out = new ArrayList<>();
    String template = null;
    for (String line : shipped.split("\n", -1)) {
      Matcher server = SERVER_LINE.matcher(line);
      if (!server.matches()) {
        out.add(line);
        continue;
      }
      if (template == null) {
        if (!"1".equals(server.group(1))) {
          throw new IllegalArgumentException("the first server line is not node1's: " + line);
        }
        template = line;
        for (int n = 1; n <= nodes; n++) {
          out.add(numbered(template, n));
        }
      }
    }
    if (template == null) {
      throw new IllegalArgumentException("no \"server node1\" line to copy");
    }
    return String.join("\n", out);
  }

  private static String numbered(String template, int node) {
    String named = NODE_NAME.matcher(template).replaceAll("node" + node);
    return NODE_VARIABLE.matcher(named).replaceAll("BRIDGE_NODE" + node);
  }
}
