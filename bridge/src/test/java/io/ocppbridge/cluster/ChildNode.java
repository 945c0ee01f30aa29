package io.ocppbridge.cluster;

import io.ocppbridge.testsupport.Poll;
import io.ocppbridge.testsupport.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bridge node in a child JVM ({@code Main run --config}, this JVM's class path), so that it can
 * die as a process does: {@link #kill} ends it with {@code SIGKILL}, leaving its leases to
 * expire. It listens on a port of its own choosing (0), read from its log.
 */
final class ChildNode implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("bridge listening on (http://127\\.0\\.0\\.1:\\d+/ocpp)");
  private static final String PASSWORD_ENV = "CHILD_NODE_DB_PASSWORD";

  private final String nodeId;
  private final Process process;
  private final Path log;

  private ChildNode(String nodeId, Process process, Path log) {
    this.nodeId = nodeId;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts node {@code nodeId} on the registry {@code database} toward the central system at
   * {@code csms}, its configuration and log in {@code dir}; does not wait for it.
   */
  static ChildNode start(String nodeId, Path dir, URI csms, String database, Duration leaseTtl,
      Duration renewEvery) throws IOException {
    Path config = Files.writeString(dir.resolve(nodeId + ".yaml"), """
        soap:
          host: 127.0.0.1
          port: 0
          shutdownGrace: 1s
        csms:
          url: %s
          callTimeout: 5s
          connectTimeout: 2s
        sessions:
          store: %s
          storeUser: %s
          storePasswordEnv: %s
          flushInterval: 200ms
        cluster:
          nodeId: %s
          leaseTtl: %dms
          renewEvery: %dms
          handoverWithin: 3s
        admin:
          enabled: false
        """.formatted(csms, database, PostgresServer.USER, PASSWORD_ENV, nodeId,
        leaseTtl.toMillis(), renewEvery.toMillis()));
    Path log = dir.resolve(nodeId + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), "io.ocppbridge.app.Main", "run", "--config",
        config.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put(PASSWORD_ENV, PostgresServer.PASSWORD);
    return new ChildNode(nodeId, builder.start(), log);
  }

  /** Waits until the node names its SOAP URL in its log, and returns it. */
  URI awaitListening(Duration within) {
    AtomicReference<String> url = new AtomicReference<>();
    Poll.until(within, "node " + nodeId + " listens", () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + nodeId + " exited with "
            + process.exitValue() + "; its log:\n" + log());
      }
      Matcher m = LISTENING.matcher(log());
      if (m.find()) {
        url.set(m.group(1));
      }
      return url.get() != null;
    });
    return URI.create(url.get());
  }

  /**
   * Ends the process with {@code SIGKILL} (no shutdown hook runs, no lease is given back) and
   * waits for it.
   *
   * @return its exit status: 137 (128 + 9) for a process SIGKILL ended
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("node " + nodeId + " still runs after SIGKILL");
    }
    return process.exitValue();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
