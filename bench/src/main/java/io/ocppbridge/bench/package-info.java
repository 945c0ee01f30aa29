/**
 * The benchmark of issue 8: a load generator of SOAP chargers (OCPP 1.5, SOAP 1.2,
 * WS-Addressing 2005/08) run against the bridge, wired in-process through its own
 * {@code Bridge}/{@code ConfigLoader} to the built-in {@code CsmsSimulator} (in a child JVM for
 * scenario {@code peak}, so that the CPU counted is the bridge's alone), and against a bare
 * CXF endpoint that answers the same requests locally (the ceiling of any relay). Latencies are
 * recorded in HdrHistogram; heap and RSS are read from the JVM and {@code /proc/self/status}.
 *
 * <p>With {@code --own-jvms}, {@code peak}, {@code half-load} and {@code wrk} run each target
 * alone in a child JVM of its own ({@code TargetProcess}, started by {@code ChildTarget}; both
 * with the central system's by {@code ChildTargets}), warm it up there ({@code JitWarmup}: a
 * few chargers, then every charger with the scenario's own load; wrk with wrk) and measure both
 * in alternating turns ({@code AlternatingTurns}), reading each turn's CPU and heap from the
 * target's process ({@code CostMeter}), so that neither the load generator nor the other
 * target's code is in the figure. The other scenarios run as without it.
 *
 * <p>The soak scenarios of issue 14 ({@link io.ocppbridge.bench.SoakScenario}: slow bodies,
 * invented identities, an accept-then-close central system) run the bridge with its default edge
 * limits and the admin listener on ({@code SoakBridge}), read its refusal counters from
 * {@code /metrics}, judge their own criteria and fail the run when one is missed.
 *
 * <p>Scenario {@code cluster-chaos} (issue 15) runs the bridge as an operator would instead:
 * three node processes ({@code Main run}; {@code --nodes} for another number) sharing a private
 * PostgreSQL server, behind HAProxy with the shipped {@code config/haproxy.cfg} written with one
 * {@code server} line per node ({@code HaproxyConfig}; Debian's {@code postgresql} and
 * {@code haproxy} packages), and kills one with {@code kill -9} under load; the others share its
 * chargers. Like the soak scenarios it runs only when named, never under {@code all}.
 *
 * <p>Scenario {@code wrk} (issue 16) drives Debian's {@code wrk} with a generated Lua script
 * ({@code WrkRun}, {@code WrkScript}) against the bare endpoint and the bridge; it too runs only
 * when named ({@link io.ocppbridge.bench.OnlyWhenNamed}).
 *
 * <p>May use everything in the bridge module; nothing in the bridge uses this package.
 */
package io.ocppbridge.bench;
