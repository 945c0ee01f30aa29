package io.ocppbridge.bench;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The load of scenarios {@code peak} and {@code half-load}: Heartbeat, MeterValues and
 * StatusNotification in turn, each charger starting at a different one.
 */
final class MixedLoad {

  /** A callback address no one calls in these scenarios (same host, so the policy accepts it). */
  static final String NO_CALLBACK = "http://127.0.0.1:9/charger";
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final Operation[] MIX =
      {Operation.HEARTBEAT, Operation.METER_VALUES, Operation.STATUS_NOTIFICATION};

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

  static LoadResult openLoop(URI url, List<String> chargers, double rate, BenchOptions options)
      throws InterruptedException {
    try (LoadGenerator load = generator(url)) {
      return load.openLoop(chargers, mix(), rate, options.warmup(), options.duration(),
          Math.max(100, chargers.size()));
    }
  }
}
