package io.ocppbridge.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for one benchmark run, from Debian's binaries
 * ({@code /usr/lib/postgresql/<major>/bin}, the {@code postgresql} package that {@code .ci/run}
 * installs): a data folder under the temporary directory, a free port on 127.0.0.1, password
 * authentication, fsync off. PostgreSQL refuses to run as root, so as root its commands run as
 * the {@code postgres} user through {@code runuser}. Stopped at once and deleted by
 * {@link #close}.
 */
final class LocalPostgres implements AutoCloseable {

  static final String USER = "bridge";
  static final String PASSWORD = "bench-secret";
  private static final long COMMAND_TIMEOUT_S = 60;

  private final Path folder;
  private final Path bin;
  private final boolean asPostgresUser;
  private final int port;

  private LocalPostgres(Path folder, Path bin, boolean asPostgresUser, int port) {
    this.folder = folder;
    this.bin = bin;
    this.asPostgresUser = asPostgresUser;
    this.port = port;
  }

  /** Whether this machine has PostgreSQL's server binaries. */
  static boolean installed() {
    try {
      binaries();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static LocalPostgres start() throws IOException, InterruptedException {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path folder = Files.createTempDirectory("bench-postgres");
    Path password = Files.writeString(folder.resolve("password"), PASSWORD + "\n");
    if (root) {
      run(List.of("chown", "-R", "postgres", folder.toString()), false);
    }
    Path data = folder.resolve("data");
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
        "--pwfile=" + password, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
        "--locale=C", "--no-sync"), root);
    int port = freePort();
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        folder.resolve("server.log").toString(), "-w", "-t", "30", "-o",
        "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=200"
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"), root);
    return new LocalPostgres(folder, bin, root, port);
  }

  /** Creates database {@code name} and returns its JDBC URL (no credentials in it). */
  String createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, PASSWORD);
  }

  @Override
  public void close() {
    try {
      run(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
          "-m", "immediate", "-w", "stop"), asPostgresUser);
    } catch (IOException e) {
      System.err.println("could not stop the benchmark's PostgreSQL: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    TempFolders.delete(folder);
  }

  private static Path binaries() throws IOException {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
            .max(Comparator.comparingInt(LocalPostgres::major)).orElse(null);
        if (newest != null) {
          return newest.resolve("bin");
        }
      }
    }
    throw new IOException("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
        + " (apt-get install postgresql)");
  }

  /** Debian keeps each major version's binaries in a folder named after it. */
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

  private static void run(List<String> command, boolean asPostgres)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path output = Files.createTempFile("bench-postgres", ".log");
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish within " + COMMAND_TIMEOUT_S
            + " s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + p.exitValue()
            + ": " + Files.readString(output).strip());
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
