package io.ocppbridge.bench;

import java.io.File;
import java.lang.management.ManagementFactory;

/**
 * One reading of this process: open file descriptors (entries of {@code /proc/self/fd}, -1 where
 * there is none), heap in use (without forcing a collection) and a gauge of the bridge.
 */
record ProcessSample(long secondsIn, int descriptors, long heapUsedBytes, double gauge) {

  static ProcessSample now(long startNanos, double gauge) {
    return new ProcessSample((System.nanoTime() - startNanos) / 1_000_000_000L, openDescriptors(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), gauge);
  }

  static int openDescriptors() {
    String[] entries = new File("/proc/self/fd").list();
    return entries == null ? -1 : entries.length;
  }

  String describe() {
    return String.format("t=%ds fds=%d heap=%.0fMiB held=%.0f", secondsIn, descriptors,
        heapUsedBytes / (1024.0 * 1024), gauge);
  }
}
