package io.ocppbridge.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time used by this whole process (every thread: bridge, central system simulator, load
 * generator). Divided by the requests answered it gives a cost per request that, unlike
 * throughput, hardly depends on how much of the machine other processes take.
 */
final class CpuClock {

  private CpuClock() {}

  /** Nanoseconds of CPU used by this process so far, or -1 where the JVM cannot tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
