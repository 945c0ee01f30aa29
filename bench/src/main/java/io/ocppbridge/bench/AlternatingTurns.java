package io.ocppbridge.bench;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order in which two targets are measured ({@code --rounds}): {@code 2 * rounds} turns,
 * bare, bridge, bridge, bare, ..., each target's turns kept to be summed. On a machine whose
 * speed drifts within minutes both sides then see the same machine on average, which two long
 * runs one after the other do not.
 */
final class AlternatingTurns {

  private static final Logger LOG = LoggerFactory.getLogger(AlternatingTurns.class);

  private AlternatingTurns() {}

  /** One measured turn on one target. */
  @FunctionalInterface
  interface Turn<R> {
    R run() throws Exception;
  }

  /** Each target's turns, in the order they ran. */
  record Sides<R>(List<R> bare, List<R> bridge) {}

  /**
   * @param scenario the name the log lines start with
   */
  static <R> Sides<R> run(String scenario, int rounds, Turn<R> bare, Turn<R> bridge)
      throws Exception {
    List<R> bareTurns = new ArrayList<>();
    List<R> bridgeTurns = new ArrayList<>();
    for (int turn = 0; turn < 2 * rounds; turn++) {
      boolean bareNow = turn % 4 == 0 || turn % 4 == 3;
      R result = (bareNow ? bare : bridge).run();
      LOG.info("{}, turn {} of {}, {}: {}", scenario, turn + 1, 2 * rounds,
          bareNow ? "bare" : "bridge", result);
      (bareNow ? bareTurns : bridgeTurns).add(result);
    }
    return new Sides<>(List.copyOf(bareTurns), List.copyOf(bridgeTurns));
  }
}
