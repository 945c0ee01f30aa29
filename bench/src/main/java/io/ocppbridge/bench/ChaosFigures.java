package io.ocppbridge.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run measured ({@link ClusterChaosRun}): the evidence that the node died and its
 * chargers moved, and the figures the issue asks for.
 *
 * @param nodes bridge nodes of the run, the killed one included
 * @param killedExitStatus the killed node's exit status (137: ended by SIGKILL)
 * @param victimChargers chargers whose live lease the killed node held just before the kill
 * @param reachedBusy the longest time after the kill until a busy charger of the killed node
 *     answered a central-system call (taken over by its next request); null when one never did
 * @param reachedQuiet the same for its quiet chargers (taken over when the lease expired)
 * @param unreached the killed node's chargers that never answered within the deadline
 * @param movedToSurvivors the killed node's chargers whose live lease one of the surviving nodes
 *     holds after
 * @param survivorShares of the killed node's chargers, how many each surviving node holds the
 *     live lease of after (by node id, every survivor named)
 * @param oneSocketEach whether every charger had exactly one WebSocket at the end
 * @param longestDuplicate the longest time the central system saw two live sockets for one
 *     identity, over the whole run
 * @param mostSockets the most sockets one identity ever had open at once
 * @param failedBeforeKill charger requests that failed before the kill (should be none)
 * @param failedAfterKill charger requests that failed from the kill until node 1 started again
 * @param failedDuringReturn charger requests that failed from then on (chargers moving back)
 * @param requests charger requests sent in the whole run
 * @param lastFailureAfterKill when the last failed request failed, after the kill (return phase
 *     included); null if none
 * @param acknowledgedUnseen chargers with more Heartbeats acknowledged than the central system
 *     received: an acknowledgement nobody answered
 * @param balancerSawDown whether HAProxy's log marks the killed node DOWN
 * @param busyVictims the killed node's busy chargers: those expected back on it once it runs
 *     again (HAProxy hashes them to it)
 * @param movedBack how many of them its second life took back (live handovers)
 * @param movedBackWithin how long that took after HAProxy saw it up
 */
record ChaosFigures(int chargers, int nodes, int killedExitStatus, int victimChargers,
    Duration reachedBusy, Duration reachedQuiet, int unreached, int movedToSurvivors,
    Map<String, Integer> survivorShares, boolean oneSocketEach,
    Duration longestDuplicate, int mostSockets, long failedBeforeKill, long failedAfterKill,
    long failedDuringReturn, long requests, Duration lastFailureAfterKill,
    int acknowledgedUnseen, boolean balancerSawDown,
    int busyVictims, int movedBack, Duration movedBackWithin, List<String> failureExamples) {

  /** The longest time until any of the killed node's chargers answered again. */
  Duration reachedAll() {
    if (reachedBusy == null || reachedQuiet == null) {
      return null;
    }
    return reachedBusy.compareTo(reachedQuiet) >= 0 ? reachedBusy : reachedQuiet;
  }

  /**
   * How the killed node's chargers spread over the survivors, e.g. {@code node-2 170, node-3 163}.
   */
  String shares() {
    StringBuilder b = new StringBuilder();
    survivorShares.forEach((node, n) -> b.append(b.isEmpty() ? "" : ", ").append(node)
        .append(' ').append(n));
    return b.toString();
  }

  /** Whether the node really died and all of its chargers really moved. */
  boolean chaosHappened() {
    return killedExitStatus == 137 && victimChargers > 0 && movedToSurvivors == victimChargers;
  }
}
