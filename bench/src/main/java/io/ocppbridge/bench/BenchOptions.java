package io.ocppbridge.bench;

import java.time.Duration;

/**
 * The scale of a run: how long each load phase warms up and measures, and a factor applied to
 * every scenario's number of chargers (1.0 = the numbers), or an absolute number of
 * chargers for every scenario.
 *
 * @param chargers when positive, the number of chargers of every scenario
 * @param bootConcurrency how many BootNotifications of a boot storm are in flight at once
 * @param clusterNodes bridge nodes of scenario {@code cluster-chaos}
 * @param rounds {@code peak}, {@code wrk}, {@code half-load} with {@code ownJvms}: turns of each
 *     target, alternating ({@link AlternatingTurns})
 * @param ownJvms {@code peak}, {@code half-load}, {@code wrk}: each target in a JVM of its own
 *     ({@link ChildTargets})
 * @param jitWarmup unmeasured load on each target before the first measurement
 */
public record BenchOptions(Duration warmup, Duration duration, double scale, int chargers,
    int bootConcurrency, int clusterNodes, int rounds, boolean ownJvms, Duration jitWarmup) {

  /** One round: each target measured once, one after the other. */
  public BenchOptions(Duration warmup, Duration duration, double scale, int chargers,
      int bootConcurrency, int clusterNodes) {
    this(warmup, duration, scale, chargers, bootConcurrency, clusterNodes, 1);
  }

  /** Both targets in this JVM, warmed up (if at all) before the run. */
  public BenchOptions(Duration warmup, Duration duration, double scale, int chargers,
      int bootConcurrency, int clusterNodes, int rounds) {
    this(warmup, duration, scale, chargers, bootConcurrency, clusterNodes, rounds, false,
        Duration.ZERO);
  }

  /**
   * What a scenario measured in turns adds to its name in the table: the rounds and whether
   * each target ran in its own JVM; nothing for one round in this JVM.
   */
  public String turnsLabel() {
    return (rounds > 1 || ownJvms ? ", " + rounds + " rounds" : "")
        + (ownJvms ? ", own JVMs" : "");
  }

  /** The chargers a scenario runs with, from its default at full scale. */
  public int chargers(int fullScale) {
    if (chargers > 0) {
      return chargers;
    }
    return Math.max(1, (int) Math.round(fullScale * scale));
  }
}
