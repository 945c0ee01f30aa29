package io.ocppbridge.bench;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the mixed load with a few chargers against the bare endpoint and the bridge, unmeasured,
 * so that the JIT has compiled CXF, Jetty, Xerces, Jackson and Netty before either side is
 * measured (on a busy 2-core machine that takes tens of seconds of CPU, and the side measured
 * first would otherwise pay for both): in this JVM before any scenario ({@link #run}), or in
 * each target's own JVM ({@link #inChildren}, {@code --own-jvms}). A few chargers, because the
 * JIT compiles at the rate of requests: a thousand cold chargers at once run far fewer in the
 * same time and leave the code half compiled. In own JVMs, once the chargers have been heard
 * from, all of them then load each target for a fifth as long again ({@link #atFullScale}).
 */
final class JitWarmup {

  private static final Logger LOG = LoggerFactory.getLogger(JitWarmup.class);
  static final int CHARGERS = 50;
  /** The full-scale part ({@link #atFullScale}) lasts this fraction of the JIT warm-up. */
  static final int FULL_SCALE_SHARE = 5;

  private JitWarmup() {}

  /** Both targets started in this JVM, warmed up for {@code each}, stopped again. */
  static void run(Duration each) throws Exception {
    if (each.isZero()) {
      return;
    }
    try (BareSoapEndpoint endpoint = new BareSoapEndpoint("127.0.0.1", 0, "/ocpp");
        LoadGenerator load = MixedLoad.generator(endpoint.url())) {
      warm("JIT warm-up, bare", load, each);
    }
    try (BridgeUnderTest under = BridgeUnderTest.withSimulator(Duration.ZERO,
            Duration.ofSeconds(30));
        LoadGenerator load = MixedLoad.generator(under.soapUrl())) {
      warm("JIT warm-up, bridge", load, each);
    }
  }

  /**
   * The targets in JVMs of their own, each warmed up for {@code each} through its load generator.
   *
   * @param scenario the name the log lines start with
   */
  static void inChildren(String scenario, LoadGenerator toBare, LoadGenerator toBridge,
      Duration each) throws InterruptedException {
    if (each.isZero()) {
      return;
    }
    warm(scenario + ", JIT warm-up of its own JVM, bare", toBare, each);
    warm(scenario + ", JIT warm-up of its own JVM, bridge", toBridge, each);
  }

  /**
   * After the JIT warm-up with a few chargers and the chargers' first Heartbeats, each target
   * carries the turns' own load over every one of the {@code chargers} ({@code load}) for a
   * fifth of the JIT warm-up, unmeasured: paths the few chargers never took (a thousand
   * sessions, connections and queues, and the code compiled for them) are warm before the first
   * turn. Without it each side's first turn at a thousand chargers was its dearest (step 10:
   * bridge 272 µs against 167–183 µs for its later turns, bare 226 µs against 163–168 µs) and
   * weighed on the ratio of the whole run by which of the two it cost more.
   *
   * @param scenario the name the log lines start with
   * @return the two runs, bare then bridge; none when the JIT warm-up is too short to share
   */
  static List<LoadResult> atFullScale(String scenario, LoadGenerator toBare,
      LoadGenerator toBridge, List<String> chargers, Duration jitWarmup, FullScaleLoad load)
      throws InterruptedException {
    Duration each = jitWarmup.dividedBy(FULL_SCALE_SHARE);
    if (each.isZero()) {
      return List.of();
    }
    return List.of(
        fullScale(scenario + ", full-scale warm-up, bare", toBare, chargers, each, load),
        fullScale(scenario + ", full-scale warm-up, bridge", toBridge, chargers, each, load));
  }

  private static LoadResult fullScale(String what, LoadGenerator target, List<String> chargers,
      Duration each, FullScaleLoad load) throws InterruptedException {
    LOG.info("{}: {} chargers, {}, {} ms", what, chargers.size(), load, each.toMillis());
    LoadResult result = load.run(target, chargers, each);
    LOG.info("{}: {}", what, result);
    return result;
  }

  /**
   * What each target carries in the full-scale warm-up: the turns' own load, unmeasured. A
   * closed loop for {@code peak}, whose turns are one; an open loop at the turns' rate for
   * {@code half-load}. Half-load once warmed up with the closed loop, and each target's first
   * turns then measured the after-effects of that saturation (step 13): a p50 0.5–0.9 ms above
   * its later turns, for both targets, for about 45 s.
   *
   * @param rate requests a second of an open loop; empty for a closed loop
   */
  record FullScaleLoad(OptionalDouble rate) {

    private static final FullScaleLoad CLOSED_LOOP = new FullScaleLoad(OptionalDouble.empty());

    /** Every charger sends its next request when answered. */
    static FullScaleLoad closedLoop() {
      return CLOSED_LOOP;
    }

    /** {@code rate} requests a second, as in {@link MixedLoad#openLoop}. */
    static FullScaleLoad openLoop(double rate) {
      return new FullScaleLoad(OptionalDouble.of(rate));
    }

    /** Runs the load on {@code target} over {@code chargers} for {@code each}. */
    LoadResult run(LoadGenerator target, List<String> chargers, Duration each)
        throws InterruptedException {
      return rate.isPresent()
          ? MixedLoad.openLoop(target, chargers, rate.getAsDouble(), Duration.ZERO, each)
          : target.closedLoop(chargers, MixedLoad.mix(), Duration.ZERO, each);
    }

    @Override
    public String toString() {
      return rate.isPresent() ? "open loop at " + Math.round(rate.getAsDouble()) + "/s"
          : "closed loop";
    }
  }

  private static void warm(String what, LoadGenerator load, Duration each)
      throws InterruptedException {
    LOG.info("{}: {} chargers, {} s", what, CHARGERS, each.toSeconds());
    List<String> few = MixedLoad.chargers("JIT", CHARGERS);
    LOG.info("{}: {}", what, load.closedLoop(few, MixedLoad.mix(), Duration.ZERO, each));
  }
}
