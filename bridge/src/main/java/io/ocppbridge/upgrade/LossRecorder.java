package io.ocppbridge.upgrade;

import io.ocppbridge.core.ChargerId;

/**
 * Hears of every value the upgrade profile could not carry over unchanged: the bridge exposes the
 * counts as a metric and logs each at WARN. The case names are the constants of {@link LossCase}.
 * Implementations must be thread-safe and must not throw.
 */
public interface LossRecorder {

  /**
   * Reports one occurrence.
   *
   * @param caseName one of the {@link LossCase} constants
   * @param charger the charger whose message lost something
   * @param detail what was lost, for the operator (action, field, original value or its length)
   */
  void record(String caseName, ChargerId charger, String detail);
}
