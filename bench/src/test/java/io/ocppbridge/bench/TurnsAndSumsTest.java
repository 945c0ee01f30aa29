package io.ocppbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verifies the order of alternating turns ({@code --rounds}) and how each side's turns are added
 * up when only some figures are known.
 */
class TurnsAndSumsTest {

  /** Verifies the order bare, bridge, bridge, bare, ... and that each side keeps its turns. */
  @Test
  void turnsAlternateAndEachSideKeepsItsOwn() throws Exception {
    // GIVEN three rounds that record which side ran
    List<String> order = new ArrayList<>();
    int[] n = {0};
    // WHEN they run
    AlternatingTurns.Sides<Integer> sides = AlternatingTurns.run("test", 3,
        () -> record(order, "bare", n), () -> record(order, "bridge", n));
    // THEN six turns ran in the alternating order, each side holding its turns' results
    assertThat(order).containsExactly("bare", "bridge", "bridge", "bare", "bare", "bridge");
    assertThat(sides.bare()).containsExactly(0, 3, 4);
    assertThat(sides.bridge()).containsExactly(1, 2, 5);
  }

  private static int record(List<String> order, String side, int[] n) {
    order.add(side);
    return n[0]++;
  }

  /** Verifies that wrk turns add up, percentiles weighted by requests, unknown cost kept unknown. */
  @Test
  void wrkTurnsAddUpAndAnUnknownCostStaysUnknown() {
    // GIVEN two turns, the second of which could not read the heap
    WrkRun.Result first = new WrkRun.Result(100, Duration.ofSeconds(1), 1.0, 2.0, 3.0, 1, 0,
        50_000_000, 1_000_000);
    WrkRun.Result second = new WrkRun.Result(300, Duration.ofSeconds(1), 2.0, 4.0, 7.0, 0, 2,
        150_000_000, -1);
    // WHEN summed
    WrkRun.Result sum = WrkRun.Result.sum(List.of(first, second));
    // THEN counts, time and CPU are added, percentiles weighted, the heap unknown
    assertThat(sum.requests()).isEqualTo(400);
    assertThat(sum.perSecond()).isEqualTo(200.0);
    assertThat(sum.failures()).isEqualTo(3);
    assertThat(sum.cpuMicrosPerRequest()).isEqualTo(500.0);
    assertThat(sum.p50Millis()).isEqualTo(1.75);
    assertThat(sum.p99Millis()).isEqualTo(6.0);
    assertThat(sum.kilobytesPerRequest()).isNaN();
  }

  /** Verifies a window's cost: the difference of two readings, unknown where either is. */
  @Test
  void aWindowsCostIsTheDifferenceOfItsReadings() {
    CostMeter.Cost start = new CostMeter.Cost(1_000, -1);
    CostMeter.Cost end = new CostMeter.Cost(5_000, 7_000);
    assertThat(end.since(start)).isEqualTo(new CostMeter.Cost(4_000, -1));
    assertThat(end.plus(end)).isEqualTo(new CostMeter.Cost(10_000, 14_000));
  }
}
