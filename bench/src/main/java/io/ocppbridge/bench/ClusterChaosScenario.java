package io.ocppbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Scenario {@code cluster-chaos} (issue 15): 1,000 SOAP chargers through HAProxy on three bridge
 * nodes ({@code --nodes}) sharing a PostgreSQL registry, one node {@code kill -9}ed under load
 * ({@link ClusterChaosRun}), with the cluster keys at their defaults. Needs Debian's
 * {@code postgresql} and {@code haproxy} packages, and must be started from the repository (it
 * uses {@code config/haproxy.cfg}).
 */
public final class ClusterChaosScenario implements OnlyWhenNamed {

  static final int FULL_SCALE_CHARGERS = 1_000;

  @Override
  public String name() {
    return "cluster-chaos";
  }

  @Override
  public String description() {
    return "1,000 chargers, 3 nodes behind HAProxy, one node kill -9'd under load";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    if (!LocalPostgres.installed() || !HaproxyProcess.installed()) {
      throw new IllegalStateException("needs Debian's postgresql and haproxy packages");
    }
    ChaosSettings settings = ChaosSettings.defaults(context.options().clusterNodes(),
        context.options().chargers(FULL_SCALE_CHARGERS));
    Path dir = Files.createTempDirectory("bench-cluster-chaos");
    ChaosFigures f = new ClusterChaosRun(settings, dir).run();
    String scenario = "cluster chaos, " + f.nodes() + " nodes, " + f.chargers() + " chargers";
    ResultTable table = context.table();
    table.add(ResultRow.judged(scenario, "node killed (exit status) / its chargers moved",
        f.killedExitStatus() + " / " + f.movedToSurvivors() + " of " + f.victimChargers(), "",
        "HAProxy marked it DOWN: " + f.balancerSawDown() + "; leased by " + f.shares(),
        "137 / all", f.chaosHappened()));
    Duration all = f.reachedAll();
    table.add(ResultRow.judged(scenario, "killed node's chargers answer the CSMS again",
        all == null ? f.unreached() + " never" : seconds(all), "",
        "busy " + seconds(f.reachedBusy()) + ", quiet " + seconds(f.reachedQuiet()),
        "<= " + settings.reachTarget().toSeconds() + " s",
        all != null && all.compareTo(settings.reachTarget()) <= 0));
    table.add(ResultRow.judged(scenario, "longest two live sockets for one identity",
        String.format("%d ms", f.longestDuplicate().toMillis()), "",
        "most at once: " + f.mostSockets() + "; one each at the end: " + f.oneSocketEach(),
        "<= handoverWithin " + settings.handoverWithin().toSeconds() + " s",
        f.longestDuplicate().compareTo(settings.handoverWithin()) <= 0 && f.oneSocketEach()));
    table.add(ResultRow.judged(scenario, "busy chargers back on node 1 once it runs again",
        f.movedBack() + " of " + f.busyVictims(), "",
        String.format("%.1f s after HAProxy saw it up", f.movedBackWithin().toMillis() / 1000.0),
        "all", f.movedBack() == f.busyVictims()));
    table.add(ResultRow.info(scenario, "requests failed: after the kill / node 1 back",
        f.failedAfterKill() + " / " + f.failedDuringReturn() + " of " + f.requests(), "",
        f.lastFailureAfterKill() == null ? "none"
            : "last " + seconds(f.lastFailureAfterKill()) + " after; e.g. "
                + f.failureExamples().stream().findFirst().orElse("")));
    table.add(ResultRow.judged(scenario, "failed before the kill / acknowledged, CSMS unaware",
        f.failedBeforeKill() + " / " + f.acknowledgedUnseen(), "", "", "0 / 0",
        f.failedBeforeKill() == 0 && f.acknowledgedUnseen() == 0));
  }

  private static String seconds(Duration d) {
    return d == null ? "never" : String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
