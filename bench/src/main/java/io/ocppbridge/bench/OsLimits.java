package io.ocppbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operating-system limits that decide how many sockets one benchmark process may hold: open
 * files ({@code ulimit -n}, from {@code /proc/self/limits}) and the ephemeral port range.
 */
public record OsLimits(long openFiles, int firstPort, int lastPort) {

  /** File descriptors the JVM, jars and listeners use before any charger connects. */
  public static final int BASE_DESCRIPTORS = 600;

  public static OsLimits read() {
    long files = Long.MAX_VALUE;
    int first = 32768;
    int last = 60999;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
          files = "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
        }
      }
      // readAllLines, not readString: a /proc file says it is empty, and readString believes it
      String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
          .get(0).trim().split("\\s+");
      int from = Integer.parseInt(range[0]);
      last = Integer.parseInt(range[1]);
      first = from;
    } catch (IOException | RuntimeException e) {
      // not Linux: keep the defaults, the run reports what it could not read
    }
    return new OsLimits(files, first, last);
  }

  public int ephemeralPorts() {
    return lastPort - firstPort + 1;
  }

  /** How many sockets this process may still open beyond its base use. */
  public long socketBudget() {
    return openFiles == Long.MAX_VALUE ? Long.MAX_VALUE : openFiles - BASE_DESCRIPTORS;
  }

  @Override
  public String toString() {
    return "open files (ulimit -n) " + (openFiles == Long.MAX_VALUE ? "unlimited" : openFiles)
        + ", ephemeral ports " + firstPort + "-" + lastPort + " (" + ephemeralPorts() + ")";
  }
}
