package io.ocppbridge.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * CPU time used and heap memory allocated by this whole process (every thread: bridge, central
 * system simulator, load generator). Divided by the requests answered they give costs per request
 * that, unlike throughput, hardly depend on how much of the machine other processes take.
 */
final class CpuClock {

  private CpuClock() {}

  /**
   * Milliseconds, as nanoseconds, that this process's collectors have stopped it so far: the
   * collection time of every collector that pauses the application (G1's young and old, Serial,
   * Parallel; the pause counters of ZGC and Shenandoah), not that of their concurrent cycles.
   */
  static long processGcPauseNanos() {
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = gc.getName();
      if (name.contains("Cycles") || name.contains("Concurrent")) {
        continue;
      }
      long time = gc.getCollectionTime();
      if (time < 0) {
        return -1;
      }
      millis += time;
    }
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** Nanoseconds of CPU used by this process so far, or -1 where the JVM cannot tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * Bytes of heap allocated by all threads of this process so far (those that ended included),
   * or -1 where the JVM cannot tell.
   */
  static long processAllocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemoryEnabled()) {
      return threads.getTotalThreadAllocatedBytes();
    }
    return -1;
  }

  /**
   * Nanoseconds of CPU used so far by the live threads among {@code threads}, or -1 where the
   * JVM cannot tell. Threads that ended are not counted.
   */
  static long threadsCpuNanos(Set<Thread> threads) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (!bean.isThreadCpuTimeSupported() || !bean.isThreadCpuTimeEnabled()) {
      return -1;
    }
    long sum = 0;
    for (Thread t : threads) {
      long nanos = t.isAlive() ? bean.getThreadCpuTime(t.getId()) : -1;
      sum += Math.max(0, nanos);
    }
    return sum;
  }
}
