package io.ocppbridge.access;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.function.LongSupplier;

/**
 * The process's open file descriptors and its limit ({@code ulimit -n}), read from the JVM's
 * Unix operating-system bean; unknown (never full) where the JVM does not tell. Reading the count
 * lists {@code /proc/self/fd}, so a value is reused for a short while.
 */
public final class OpenFiles {

  private static final long REUSE_NANOS = 200_000_000L;

  private final LongSupplier open;
  private final LongSupplier max;
  private final LongSupplier nanoClock;
  private long lastRead = Long.MIN_VALUE;
  private long lastOpen;

  OpenFiles(LongSupplier open, LongSupplier max, LongSupplier nanoClock) {
    this.open = open;
    this.max = max;
    this.nanoClock = nanoClock;
  }

  /** The running JVM's descriptors, or an instance that knows none (not a Unix JVM). */
  public static OpenFiles ofThisProcess() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return new OpenFiles(unix::getOpenFileDescriptorCount, unix::getMaxFileDescriptorCount,
          System::nanoTime);
    }
    return new OpenFiles(() -> -1, () -> -1, System::nanoTime);
  }

  /** Descriptors open now (at most a fraction of a second old), or -1 when unknown. */
  public synchronized long open() {
    long now = nanoClock.getAsLong();
    if (lastRead == Long.MIN_VALUE || now - lastRead > REUSE_NANOS) {
      lastOpen = open.getAsLong();
      lastRead = now;
    }
    return lastOpen;
  }

  /** The process's limit on open descriptors, or -1 when unknown. */
  public long max() {
    return max.getAsLong();
  }
}
