package io.ocppbridge.bench;

/**
 * Where a load run reads what its target spent: CPU time and heap allocated so far. By default
 * the load generator reads its own process (the target in it, the generator's own threads told
 * apart); with the target in a process of its own ({@link ChildTarget}), that process.
 */
interface CostMeter {

  /** This process, every thread of it ({@link CpuClock}). */
  CostMeter THIS_PROCESS = () -> new Cost(CpuClock.processCpuNanos(),
      CpuClock.processAllocatedBytes(), CpuClock.processGcPauseNanos());

  /** What was spent so far; each figure -1 where it cannot be read. */
  Cost read();

  /**
   * @param cpuNanos CPU time used so far
   * @param allocatedBytes heap allocated so far
   * @param gcPauseNanos time the process was stopped by its garbage collector so far
   */
  record Cost(long cpuNanos, long allocatedBytes, long gcPauseNanos) {

    static final Cost UNKNOWN = new Cost(-1, -1, -1);

    /** CPU and allocation; the collector's pauses unknown. */
    Cost(long cpuNanos, long allocatedBytes) {
      this(cpuNanos, allocatedBytes, -1);
    }

    /** What was spent between {@code earlier} and this reading; -1 where either is unknown. */
    Cost since(Cost earlier) {
      return new Cost(known(cpuNanos, earlier.cpuNanos, cpuNanos - earlier.cpuNanos),
          known(allocatedBytes, earlier.allocatedBytes,
              allocatedBytes - earlier.allocatedBytes),
          known(gcPauseNanos, earlier.gcPauseNanos, gcPauseNanos - earlier.gcPauseNanos));
    }

    /** This and {@code other} spent together; -1 where either is unknown. */
    Cost plus(Cost other) {
      return new Cost(known(cpuNanos, other.cpuNanos, cpuNanos + other.cpuNanos),
          known(allocatedBytes, other.allocatedBytes, allocatedBytes + other.allocatedBytes),
          known(gcPauseNanos, other.gcPauseNanos, gcPauseNanos + other.gcPauseNanos));
    }

    private static long known(long a, long b, long result) {
      return a < 0 || b < 0 ? -1 : result;
    }
  }
}
