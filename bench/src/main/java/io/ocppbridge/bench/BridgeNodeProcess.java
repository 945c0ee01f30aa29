package io.ocppbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bridge node as an operator runs it: a child JVM running {@code Main run --config <file>}
 * with this JVM's class path, its output in a log file. It listens on ports of its own choosing
 * (0), which are read from its log. {@link #killHard} sends it {@code SIGKILL}.
 */
final class BridgeNodeProcess implements AutoCloseable {

  /** The environment variable the node reads its database password from. */
  static final String PASSWORD_ENV = "BENCH_NODE_DB_PASSWORD";
  private static final Pattern SOAP_URL =
      Pattern.compile("bridge listening on (http://127\\.0\\.0\\.1:\\d+/ocpp)");
  private static final Pattern ADMIN_PORT =
      Pattern.compile("admin listener on http://127\\.0\\.0\\.1:(\\d+)/");

  private final String nodeId;
  private final Path dir;
  private final Map<String, String> settings;
  private final String databasePassword;
  private final Process process;
  private final Path log;
  private URI soapUrl;
  private int adminPort;

  private BridgeNodeProcess(String nodeId, Path dir, Map<String, String> settings,
      String databasePassword, Process process, Path log) {
    this.nodeId = nodeId;
    this.dir = dir;
    this.settings = Map.copyOf(settings);
    this.databasePassword = databasePassword;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts node {@code nodeId} with {@code settings} (dotted keys of two levels, e.g.
   * {@code cluster.leaseTtl}) written to a YAML file in {@code dir}; does not wait for it.
   */
  static BridgeNodeProcess start(String nodeId, Path dir, Map<String, String> settings,
      String databasePassword) throws IOException {
    return start(nodeId, dir, settings, databasePassword, nodeId);
  }

  private static BridgeNodeProcess start(String nodeId, Path dir, Map<String, String> settings,
      String databasePassword, String fileName) throws IOException {
    Path config = Files.writeString(dir.resolve(fileName + ".yaml"), yaml(settings));
    Path log = dir.resolve(fileName + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp",
        System.getProperty("java.class.path"), "io.ocppbridge.app.Main", "run", "--config",
        config.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put(PASSWORD_ENV, databasePassword);
    return new BridgeNodeProcess(nodeId, dir, settings, databasePassword, builder.start(), log);
  }

  /**
   * After this node died: the same node (same id and settings) started again on the ports it
   * had, where the load balancer still looks for it; does not wait for it.
   */
  BridgeNodeProcess startAgain() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("node " + nodeId + " still runs");
    }
    Map<String, String> again = new java.util.HashMap<>(settings);
    again.put("soap.port", String.valueOf(soapUrl.getPort()));
    again.put("admin.port", String.valueOf(adminPort));
    return start(nodeId, dir, again, databasePassword, nodeId + "-again");
  }

  /** Waits until the node names its SOAP URL and admin port in its log. */
  void awaitListening(Duration within) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + nodeId + " exited with " + process.exitValue()
            + "; its log:\n" + Files.readString(log));
      }
      String text = Files.readString(log);
      Matcher soap = SOAP_URL.matcher(text);
      Matcher admin = ADMIN_PORT.matcher(text);
      if (soap.find() && admin.find()) {
        soapUrl = URI.create(soap.group(1));
        adminPort = Integer.parseInt(admin.group(1));
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("node " + nodeId + " did not listen within "
        + within.toSeconds() + " s; its log:\n" + Files.readString(log));
  }

  String nodeId() {
    return nodeId;
  }

  /** {@code host:port} of its SOAP listener. */
  String soapHostPort() {
    return soapUrl.getHost() + ":" + soapUrl.getPort();
  }

  int adminPort() {
    return adminPort;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * {@code kill -9 <pid>} and waits for the process to end.
   *
   * @return its exit status as the JVM reports it: 137 (128 + 9) for a process SIGKILL ended
   */
  int killHard() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid()))
        .redirectErrorStream(true).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -9 " + process.pid() + " failed");
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("node " + nodeId + " still runs after kill -9");
    }
    return process.exitValue();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** Asks the node to stop ({@code SIGTERM}) without waiting, so that several stop at once. */
  void requestStop() {
    if (process.isAlive()) {
      process.destroy();
    }
  }

  /** Stops the node ({@code SIGTERM}), and kills it if it has not ended within 15 s. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** {@code a.b: v} pairs as YAML sections. */
  private static String yaml(Map<String, String> settings) {
    Map<String, List<String>> sections = new TreeMap<>();
    new TreeMap<>(settings).forEach((key, value) -> {
      String[] parts = key.split("\\.");
      if (parts.length != 2) {
        throw new IllegalArgumentException("only section.key settings: " + key);
      }
      sections.computeIfAbsent(parts[0], s -> new ArrayList<>())
          .add("  " + parts[1] + ": " + value + "\n");
    });
    StringBuilder b = new StringBuilder();
    sections.forEach((section, lines) -> {
      b.append(section).append(":\n");
      lines.forEach(b::append);
    });
    return b.toString();
  }
}
