package io.ocppbridge.bench;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ocpp-bench}: runs the named scenarios (or {@code all}) and prints the side-by-side
 * table; {@code jmh [JMH options]} runs the microbenchmarks instead. Exit code 0 when every
 * scenario ran (targets missed are reported, not failed), 1 when one could not run or a soak
 * scenario ({@link SoakScenario}, run only when named) missed its criterion.
 */
@Command(name = "ocpp-bench", mixinStandardHelpOptions = true,
    description = {"Load benchmark of the OCPP SOAP bridge against a bare CXF endpoint.",
        "Scenarios: peak, half-load, slow-backend, sessions, csms-calls, all;"
            + " run only when named: wrk, slow-body, invented-ids, accept-close, cluster-chaos;"
            + " or 'jmh [JMH options]' for the microbenchmarks."})
public final class BenchMain implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);

  @Parameters(arity = "0..*", paramLabel = "SCENARIO", defaultValue = "all",
      description = "Scenarios to run, in order (default: all).")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--warmup", defaultValue = "10", description = "Warm-up of each load phase, s.")
  double warmupSeconds;

  @Option(names = "--duration", defaultValue = "20",
      description = "Measured part of each load phase, s.")
  double durationSeconds;

  @Option(names = "--scale", defaultValue = "1.0",
      description = "Factor on every scenario's chargers (1.0: the issue's numbers).")
  double scale;

  @Option(names = "--chargers", defaultValue = "0",
      description = "Chargers of every scenario (overrides --scale).")
  int chargers;

  @Option(names = "--boot-concurrency", defaultValue = "200",
      description = "BootNotifications in flight at once in the boot storm.")
  int bootConcurrency;

  @Option(names = "--nodes", defaultValue = "3",
      description = "Bridge nodes of scenario cluster-chaos, at least 2 (one is killed).")
  int clusterNodes;

  @Option(names = "--rounds", defaultValue = "1",
      description = "peak, wrk, and half-load with --own-jvms: both targets up at once and"
          + " measured in turn this many times (the order alternating), each turn a --warmup"
          + " and a --duration (wrk: warmed up once, then --duration turns); the figures"
          + " summed.")
  int rounds;

  @Option(names = "--own-jvms", description = "peak, half-load, wrk: each target (bare endpoint,"
      + " bridge) in a JVM of its own, warmed up there for --jit-warmup, measured in"
      + " alternating turns (--rounds) by that process's CPU and heap alone. Other scenarios"
      + " run as without it.")
  boolean ownJvms;

  @Option(names = "--quick", description = "Smoke run: 2%% of the chargers, 2 s warm-up, 3 s"
      + " measured.")
  boolean quick;

  @Option(names = "--jit-warmup", defaultValue = "20",
      description = "Unmeasured load on both targets before the first scenario, s each (0: none);"
          + " with --own-jvms, in each target's own JVM before its turns, followed there by a"
          + " fifth as long with all the scenario's chargers.")
  double jitWarmupSeconds;

  @Option(names = "--bridge-peak", defaultValue = "0",
      description = "The bridge's peak throughput from an earlier run, requests/s: half-load then"
          + " runs at half of it without measuring the peak first (0: measure it, or take it"
          + " from scenario peak of this run).")
  double bridgePeak;

  @Option(names = "--markdown", description = "Also print the table as Markdown.")
  boolean markdown;

  public static void main(String[] args) throws Exception {
    CommonPool.ensureParallel();
    ClientKeepAlive.belowServers();
    if (args.length > 0 && "jmh".equals(args[0])) {
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      org.openjdk.jmh.Main.main(rest.length == 0 ? new String[] {"io.ocppbridge.bench.jmh"}
          : rest);
      return;
    }
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  static Map<String, Scenario> catalogue() {
    Map<String, Scenario> all = new LinkedHashMap<>();
    for (Scenario s : List.of(new PeakThroughputScenario(), new HalfLoadLatencyScenario(),
        new SlowBackendScenario(), new SessionsScenario(), new CsmsCallsScenario(),
        new SlowBodyScenario(), new InventedIdentitiesScenario(),
        new AcceptThenCloseScenario(), new ClusterChaosScenario(), new WrkScenario())) {
      all.put(s.name(), s);
    }
    return all;
  }

  BenchOptions options() {
    if (quick) {
      return new BenchOptions(Duration.ofSeconds(2), Duration.ofSeconds(3), 0.02, chargers,
          bootConcurrency, clusterNodes, Math.max(1, rounds), ownJvms, Duration.ZERO);
    }
    return new BenchOptions(Duration.ofMillis((long) (warmupSeconds * 1000)),
        Duration.ofMillis((long) (durationSeconds * 1000)), scale, chargers, bootConcurrency,
        clusterNodes, Math.max(1, rounds), ownJvms, jitWarmup());
  }

  private Duration jitWarmup() {
    return Duration.ofMillis((long) (jitWarmupSeconds * 1000));
  }

  @Override
  public Integer call() {
    quietLogs();
    Map<String, Scenario> catalogue = catalogue();
    List<Scenario> chosen = new ArrayList<>();
    for (String name : scenarios) {
      if ("all".equals(name)) {
        catalogue.values().stream().filter(s -> !(s instanceof OnlyWhenNamed))
            .forEach(chosen::add);
      } else if (catalogue.containsKey(name)) {
        chosen.add(catalogue.get(name));
      } else {
        System.err.println("unknown scenario '" + name + "'; known: " + catalogue.keySet()
            + ", all, jmh");
        return 2;
      }
    }
    BenchOptions options = options();
    BenchContext context = new BenchContext(options);
    if (bridgePeak > 0) {
      context.bridgePeak(bridgePeak);
    }
    LOG.info("{} cores, max heap {} MiB, {}; warm-up {} s, measured {} s",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), OsLimits.read(),
        options.warmup().toMillis() / 1000.0, options.duration().toMillis() / 1000.0);
    int status = 0;
    try {
      // targets in JVMs of their own are warmed up there; this JVM's would be of no use to them
      boolean onlyChildTargets = ownJvms && chosen.stream().allMatch(Scenario::runsInOwnJvms);
      JitWarmup.run(quick || onlyChildTargets ? Duration.ZERO : options.jitWarmup());
    } catch (Exception e) {
      LOG.error("the JIT warm-up failed: {}", e.toString(), e);
      return 1;
    }
    for (Scenario scenario : chosen) {
      LOG.info("=== {}: {}", scenario.name(), scenario.description());
      try {
        scenario.run(context);
      } catch (Exception e) {
        LOG.error("scenario {} could not run: {}", scenario.name(), e.toString(), e);
        context.table().add(ResultRow.judged(scenario.name(), "could not run", e.toString(),
            "", "", "", false));
        status = 1;
      }
    }
    System.out.println();
    context.table().print(System.out);
    if (markdown) {
      System.out.println();
      context.table().printMarkdown(System.out);
    }
    return status;
  }

  /** The bridge logs each charger's first contact at INFO; at this scale only WARN is useful. */
  static void quietLogs() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge"))
        .setLevel(Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.ocppbridge.bench"))
        .setLevel(Level.INFO);
  }
}
