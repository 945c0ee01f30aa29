package io.ocppbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap in use after a full collection, and the process's resident set size. */
public record ProcessMemory(long heapUsedBytes, long rssBytes) {

  private static final long MIB = 1024 * 1024;

  /** Reads both, after asking for (and giving time to) a full GC. */
  public static ProcessMemory afterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new ProcessMemory(heap, rss());
  }

  /** VmRSS of this process from {@code /proc/self/status}, bytes; -1 where there is none. */
  public static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  public ProcessMemory minus(ProcessMemory base) {
    return new ProcessMemory(heapUsedBytes - base.heapUsedBytes, rssBytes - base.rssBytes);
  }

  public String heapMiB() {
    return String.format("%.0f MiB", heapUsedBytes / (double) MIB);
  }

  public String rssMiB() {
    return rssBytes < 0 ? "n/a" : String.format("%.0f MiB", rssBytes / (double) MIB);
  }
}
