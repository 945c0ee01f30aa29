package io.ocppbridge.bench;

import java.util.OptionalDouble;

/**
 * What the scenarios of one run share: the options, the result table, and the bridge's peak
 * throughput once scenario {@code peak} has measured it (the half-load scenario needs it).
 */
public final class BenchContext {

  private final BenchOptions options;
  private final ResultTable table = new ResultTable();
  private volatile double bridgePeak = Double.NaN;

  public BenchContext(BenchOptions options) {
    this.options = options;
  }

  public BenchOptions options() {
    return options;
  }

  public ResultTable table() {
    return table;
  }

  public void bridgePeak(double perSecond) {
    this.bridgePeak = perSecond;
  }

  public OptionalDouble bridgePeak() {
    return Double.isNaN(bridgePeak) ? OptionalDouble.empty() : OptionalDouble.of(bridgePeak);
  }
}
