package io.ocppbridge.bench;

/**
 * Where a load run reads what its target spent: CPU time and heap allocated so far. By default
 * the load generator reads its own process (the target in it, the generator's own threads told
 * apart); with the target in a process of its own ({@link ChildTarget}), that process.
 */
interface CostMeter {

  /** What was spent so far; each figure -1 where it cannot be read. */
  Cost read();

  /**
   * @param cpuNanos CPU time used so far
   * @param allocatedBytes heap allocated so far
   */
  record Cost(long cpuNanos, long allocatedBytes) {

    static final Cost UNKNOWN = new Cost(-1, -1);
  }
}
