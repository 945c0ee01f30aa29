package io.ocppbridge.bench;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load of scenarios {@code peak} and {@code half-load}: Heartbeat, MeterValues and
 * StatusNotification in turn, each charger starting at a different one; and the comparison of
 * the two targets under it in alternating turns, in this JVM or each in a JVM of its own.
 */
final class MixedLoad {

  /** A callback address no one calls in these scenarios (same host, so the policy accepts it). */
  static final String NO_CALLBACK = "http://127.0.0.1:9/charger";
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final Operation[] MIX =
      {Operation.HEARTBEAT, Operation.METER_VALUES, Operation.STATUS_NOTIFICATION};
  private static final Logger LOG = LoggerFactory.getLogger(MixedLoad.class);
  /** Chargers sending their first Heartbeat at once in {@link #connect}. */
  static final int CONNECTING_AT_ONCE = 100;
  /** How long {@link #connect} waits for every charger to be answered. */
  static final Duration CONNECT_DEADLINE = Duration.ofSeconds(120);

  /** One measured load through a target's load generator (closed or open loop). */
  @FunctionalInterface
  interface Measurement {
    LoadResult on(LoadGenerator target) throws InterruptedException;
  }

  private MixedLoad() {}

  static IntFunction<Operation> mix() {
    return n -> MIX[Math.floorMod(n, MIX.length)];
  }

  static List<String> chargers(String prefix, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(LoadGenerator.chargerId(prefix, i));
    }
    return ids;
  }

  static LoadResult closedLoop(URI url, List<String> chargers, BenchOptions options)
      throws InterruptedException {
    try (LoadGenerator load = generator(url)) {
      return load.closedLoop(chargers, mix(), options.warmup(), options.duration());
    }
  }

  /** A load generator for the chargers of these scenarios (several loads in turn, or one). */
  static LoadGenerator generator(URI url) {
    return generator(url, null);
  }

  /** A load generator whose runs read the CPU and heap of {@code meter}'s process. */
  static LoadGenerator generator(URI url, CostMeter meter) {
    return new LoadGenerator(url, NO_CALLBACK, REQUEST_TIMEOUT, meter);
  }

  /** A load generator for a target in a child JVM, whose CPU and heap its runs read. */
  static LoadGenerator generator(ChildTarget target) {
    return generator(target.url(), target);
  }

  static LoadResult openLoop(URI url, List<String> chargers, double rate, BenchOptions options)
      throws InterruptedException {
    try (LoadGenerator load = generator(url)) {
      return openLoop(load, chargers, rate, options);
    }
  }

  /** {@code rate} requests a second over {@code chargers}, a warm-up then a measured window. */
  static LoadResult openLoop(LoadGenerator load, List<String> chargers, double rate,
      BenchOptions options) throws InterruptedException {
    return openLoop(load, chargers, rate, options.warmup(), options.duration());
  }

  /** {@code rate} requests a second over {@code chargers}, {@code warmup} then {@code measure}. */
  static LoadResult openLoop(LoadGenerator load, List<String> chargers, double rate,
      Duration warmup, Duration measure) throws InterruptedException {
    return load.openLoop(chargers, mix(), rate, warmup, measure, Math.max(100, chargers.size()));
  }

  /**
   * Both targets measured in {@link AlternatingTurns}, each side's turns summed:
   * {bridge, bare}.
   */
  static LoadResult[] inTurns(String scenario, int rounds, LoadGenerator toBare,
      LoadGenerator toBridge, Measurement measurement) throws Exception {
    AlternatingTurns.Sides<LoadResult> turns = AlternatingTurns.run(scenario, rounds,
        () -> measurement.on(toBare), () -> measurement.on(toBridge));
    LoadResult bare = LoadResult.sum(turns.bare());
    LoadResult bridge = LoadResult.sum(turns.bridge());
    LOG.info("{}, bare, {} turns: {}", scenario, turns.bare().size(), bare);
    LOG.info("{}, bridge, {} turns: {}", scenario, turns.bridge().size(), bridge);
    return new LoadResult[] {bridge, bare};
  }

  /**
   * As {@link #inTurns}, with each target in a JVM of its own ({@link ChildTargets}), warmed up
   * there for {@code --jit-warmup} first ({@link JitWarmup#inChildren}); each turn's CPU and
   * heap are those of the target's process alone (the load generator and the central system
   * run in other processes).
   */
  static LoadResult[] inTurnsInOwnJvms(String scenario, BenchOptions options,
      List<String> chargers, Measurement measurement, JitWarmup.FullScaleLoad fullScale)
      throws Exception {
    try (ChildTargets targets = ChildTargets.start(scenario)) {
      return inTurns(scenario, targets, options, chargers, measurement, fullScale);
    }
  }

  /**
   * As {@link #inTurnsInOwnJvms}, in child JVMs already started. After the JIT warm-up, each of
   * the {@code chargers} (those the measurement loads) sends one Heartbeat to each target
   * ({@link #connect}), so that no turn counts the bridge taking on a thousand new chargers, and
   * then all of them load each target unmeasured for a while with {@code fullScale}
   * ({@link JitWarmup#atFullScale}).
   */
  static LoadResult[] inTurns(String scenario, ChildTargets targets, BenchOptions options,
      List<String> chargers, Measurement measurement, JitWarmup.FullScaleLoad fullScale)
      throws Exception {
    try (LoadGenerator toBare = generator(targets.bare());
        LoadGenerator toBridge = generator(targets.bridge())) {
      JitWarmup.inChildren(scenario, toBare, toBridge, options.jitWarmup());
      connect(scenario + ", bare", toBare, chargers);
      connect(scenario + ", bridge", toBridge, chargers);
      JitWarmup.atFullScale(scenario, toBare, toBridge, chargers, options.jitWarmup(),
          fullScale);
      return inTurns(scenario, options.rounds(), toBare, toBridge, measurement);
    }
  }

  /**
   * Each charger sends one Heartbeat, {@value #CONNECTING_AT_ONCE} at a time: the bridge opens
   * their WebSockets and sessions, as it holds them in a charging network, before anything is
   * measured. Without it the bridge's first turn also counted a thousand WebSocket handshakes
   * (step 9). It does not warm what a thousand chargers at once reach and the JIT warm-up's few
   * did not; {@link JitWarmup#atFullScale} does.
   */
  static LoadResult connect(String what, LoadGenerator target, List<String> chargers)
      throws InterruptedException {
    LoadResult connected = target.eachOnce(chargers, Operation.HEARTBEAT, CONNECTING_AT_ONCE,
        CONNECT_DEADLINE);
    LOG.info("{}: each of the {} chargers heard from once before the turns: {}", what,
        chargers.size(), connected);
    return connected;
  }
}
