package io.ocppbridge.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shipped {@code config/haproxy.cfg} in Debian's HAProxy ({@code /usr/sbin/haproxy}), in
 * front of any number of bridge nodes: the file with one {@code server} line per node
 * ({@link HaproxyConfig}), the addresses given through the environment variables it names, its
 * output in a log file.
 */
final class HaproxyProcess implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/haproxy");
  private static final Duration LISTEN_WITHIN = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;
  private final URI url;

  private HaproxyProcess(Process process, Path log, URI url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Starts HAProxy with the repository's configuration in front of {@code nodes}: node
   * {@code i} of the list is HAProxy's server {@code node<i+1>}. The configuration it runs is
   * written to {@code dir/haproxy.cfg}.
   */
  static HaproxyProcess start(Path dir, List<BridgeNodeProcess> nodes)
      throws IOException, InterruptedException {
    int port = freePort();
    Path config = Files.writeString(dir.resolve("haproxy.cfg"),
        HaproxyConfig.forNodes(Files.readString(shippedConfig()), nodes.size()));
    Path log = dir.resolve("haproxy.log");
    ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "-db", "-f",
        config.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("BRIDGE_LB_BIND", "127.0.0.1:" + port);
    for (int i = 0; i < nodes.size(); i++) {
      env.put("BRIDGE_NODE" + (i + 1), nodes.get(i).soapHostPort());
      env.put("BRIDGE_NODE" + (i + 1) + "_ADMIN", String.valueOf(nodes.get(i).adminPort()));
    }
    HaproxyProcess haproxy =
        new HaproxyProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port));
    try {
      haproxy.awaitListening(port, LISTEN_WITHIN);
    } catch (IOException | RuntimeException | InterruptedException e) {
      haproxy.close();
      throw e;
    }
    return haproxy;
  }

  /**
   * Waits until HAProxy's frontend accepts connections: the process returns before it has bound
   * the port, and a charger posting in that gap would see its connection refused.
   */
  private void awaitListening(int port, Duration within)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("HAProxy exited with " + process.exitValue()
            + " before listening; its log:\n" + log());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("HAProxy did not listen on port " + port + " within "
              + within.toSeconds() + " s; its log:\n" + log(), notYet);
        }
        Thread.sleep(20);
      }
    }
  }

  /** {@code config/haproxy.cfg} of the repository the run was started in (or below it). */
  static Path shippedConfig() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("config/haproxy.cfg");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no config/haproxy.cfg in " + Path.of("").toAbsolutePath()
        + " or above: run from the repository");
  }

  /** Where chargers post: {@code <url>/ocpp/<identity>}. */
  URI url() {
    return url;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** HAProxy's own lines, e.g. {@code Server bridges/node1 is DOWN}. */
  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
