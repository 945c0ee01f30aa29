package io.ocppbridge.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private PostgreSQL server for one test class, from the machine's own binaries (Debian's
 * {@code postgresql} package, which {@code .ci/run} installs): a new data folder under the
 * temporary directory, a free port on 127.0.0.1, password authentication over TCP, fsync off.
 * Register it with {@code @RegisterExtension static final PostgresServer POSTGRES = new
 * PostgresServer();}; it starts before the class's first test and is stopped (and its folder
 * deleted) after the last.
 *
 * <p>PostgreSQL refuses to run as root: when the tests run as root, every command runs as the
 * {@code postgres} user through {@code runuser}. When the server cannot start, the class is
 * skipped with the reason, or fails when the environment variable {@code CI} is set.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

  public static final String USER = "bridge";
  public static final String PASSWORD = "bridge-test-secret";
  private static final long COMMAND_TIMEOUT_S = 60;

  private final AtomicInteger databases = new AtomicInteger();
  private Path folder;
  private Path bin;
  private int port;
  private boolean asPostgresUser;

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      start();
    } catch (IOException | RuntimeException e) {
      cleanUp();
      String reason = "cannot start a private PostgreSQL server: " + e.getMessage();
      if (System.getenv("CI") != null) {
        throw new AssertionError(reason + " (CI is set: install Debian's postgresql package)", e);
      }
      Assumptions.abort(reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while starting PostgreSQL", e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** The port the server listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The JDBC URL of {@code database} (no credentials in it). */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates an empty database of its own for one test and returns its URL. */
  public String freshDatabase() {
    String name = "registry_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return url(name);
  }

  private void start() throws IOException, InterruptedException {
    bin = binaries();
    asPostgresUser = "root".equals(System.getProperty("user.name"));
    folder = Files.createTempDirectory("bridge-postgres");
    Path passwordFile = Files.writeString(folder.resolve("password"), PASSWORD + "\n");
    if (asPostgresUser) {
      run(List.of("chown", "-R", "postgres", folder.toString()), false);
    }
    Path data = folder.resolve("data");
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
        "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust",
        "-E", "UTF8", "--locale=C", "--no-sync"), asPostgresUser);
    port = freePort();
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
        "-l", folder.resolve("server.log").toString(), "-w", "-t", "30",
        "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "start"), asPostgresUser);
  }

  /** Stops the server at once and deletes its folder; nothing happens when it never started. */
  public void stop() {
    if (folder != null && Files.exists(folder.resolve("data/postmaster.pid"))) {
      try {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
            "-m", "immediate", "-w", "stop"), asPostgresUser);
      } catch (IOException | RuntimeException e) {
        System.err.println("could not stop the test PostgreSQL server: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    cleanUp();
  }

  private void cleanUp() {
    if (folder == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
    folder = null;
  }

  /** The newest installed server's binaries: Debian keeps them per major version. */
  private static Path binaries() throws IOException {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
            .max(Comparator.comparingInt(PostgresServer::major)).orElse(null);
        if (newest != null) {
          return newest.resolve("bin");
        }
      }
    }
    throw new IOException("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
        + " (apt-get install postgresql)");
  }

  private static int major(Path versionFolder) {
    try {
      return Integer.parseInt(versionFolder.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void run(List<String> command, boolean asPostgres)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path output = Files.createTempFile("bridge-postgres-command", ".log");
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish within " + COMMAND_TIMEOUT_S
            + " s");
      }
      if (p.exitValue() != 0) {
        String log = folder == null || !Files.exists(folder.resolve("server.log")) ? ""
            : "; server log: " + Files.readString(folder.resolve("server.log"));
        throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
            + Files.readString(output, StandardCharsets.UTF_8).strip() + log);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
