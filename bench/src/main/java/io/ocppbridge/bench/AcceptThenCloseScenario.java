package io.ocppbridge.bench;

import io.ocppbridge.bench.SoapEnvelopes.Operation;
import io.ocppbridge.sim.CsmsSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soak (issue 14): 1,000 chargers ({@code --chargers}) boot through the bridge; then the central
 * system starts closing every WebSocket right after accepting it, and drops them all. For
 * {@code D} ({@code --duration}) it counts the bridge's handshakes where the central system
 * sees them. Criteria, with {@code csms.handshakeRate} 50 (its default; a token bucket holding
 * one second's worth): the whole run holds no more than {@code D} seconds' worth plus the bucket
 * (the boot storm likewise over its own length), and no sliding ten seconds more than eleven
 * seconds' worth (a full bucket plus ten seconds' refill) with 10 % allowed for jitter: measured
 * where the central system sees them, handshakes carry the timer's and the scheduler's delays on
 * a busy machine, which bunch some together. The busiest single second is reported, not judged.
 */
public final class AcceptThenCloseScenario implements SoakScenario {

  static final int FULL_CHARGERS = 1_000;
  static final int HANDSHAKE_RATE = 50;
  private static final long SECOND = 1_000_000_000L;
  private static final Logger LOG = LoggerFactory.getLogger(AcceptThenCloseScenario.class);

  @Override
  public String name() {
    return "accept-close";
  }

  @Override
  public String description() {
    return "soak: accept-then-close central system, 1,000 chargers; handshake rate vs cap";
  }

  @Override
  public void run(BenchContext context) throws Exception {
    Result result = measure(context.options().chargers(FULL_CHARGERS),
        context.options().duration(), HANDSHAKE_RATE);
    result.addTo(context.table());
    if (!result.met()) {
      throw new CriterionMissed(name(), "boot storm max " + result.boot().maxInWindow(10 * SECOND)
          + " handshakes in 10 s; afterwards max " + result.flapping().maxInWindow(10 * SECOND)
          + " in 10 s, mean " + String.format("%.1f/s", result.meanRate())
          + " (csms.handshakeRate " + result.rate() + ")");
    }
  }

  /** What one run measured. */
  record Result(int chargers, Duration duration, int rate, HandshakeRate boot,
      double bootSeconds, HandshakeRate flapping, long unproven) {

    double meanRate() {
      return flapping.mean(duration.toNanos() / 1e9);
    }

    boolean met() {
      return withinCap(boot, bootSeconds) && withinCap(flapping, duration.toNanos() / 1e9);
    }

    private boolean withinCap(HandshakeRate handshakes, double seconds) {
      return handshakes.times().size() <= allowed(seconds)
          && handshakes.maxInWindow(10 * SECOND) <= windowBound();
    }

    /** A full bucket plus {@code seconds} of refill. */
    private long allowed(double seconds) {
      return (long) Math.ceil(rate * seconds) + rate;
    }

    private long windowBound() {
      return Math.round(11 * rate * 1.1);
    }

    void addTo(ResultTable table) {
      String scenario = "accept-close " + chargers + " chargers, " + duration.toSeconds() + " s";
      table.add(ResultRow.judged(scenario, "boot storm: handshakes, time; max in 10 s / 1 s",
          boot.times().size() + ", " + String.format("%.1f s", bootSeconds) + "; "
              + boot.maxInWindow(10 * SECOND) + " / " + boot.maxInWindow(SECOND), "",
          "csms.handshakeRate " + rate, "<= " + allowed(bootSeconds) + "; 10 s <= "
              + windowBound(), withinCap(boot, bootSeconds)));
      table.add(ResultRow.judged(scenario, "accept-then-close: handshakes, mean; max in 10 s / 1 s",
          flapping.times().size() + ", " + String.format("%.1f/s", meanRate()) + "; "
              + flapping.maxInWindow(10 * SECOND) + " / " + flapping.maxInWindow(SECOND), "",
          "bridge_csms_unproven_connections_total " + unproven, "<= "
              + allowed(duration.toNanos() / 1e9) + "; 10 s <= " + windowBound(),
          withinCap(flapping, duration.toNanos() / 1e9)));
    }
  }

  /** Runs the scenario with {@code chargers} and the given handshake cap. */
  static Result measure(int chargers, Duration duration, int rate) throws Exception {
    List<String> ids = MixedLoad.chargers("FLAP", chargers);
    Duration bootDeadline = Duration.ofSeconds(60 + 2L * chargers / rate);
    try (SoakBridge bridge = new SoakBridge(Map.of("csms.handshakeRate", String.valueOf(rate),
            "csms.callTimeout", bootDeadline.toSeconds() + "s",
            "sessions.newIdentityBurst", "1000000", "sessions.maxChargers", "1000000"));
        LoadGenerator load = new LoadGenerator(bridge.soapUrl(), MixedLoad.NO_CALLBACK,
            bootDeadline)) {
      CsmsSimulator csms = bridge.csms();
      LoadResult boots = load.eachOnce(ids, Operation.BOOT_NOTIFICATION,
          Math.min(200, chargers), bootDeadline);
      if (boots.answered() != chargers) {
        throw new IllegalStateException("not every charger booted: " + boots);
      }
      HandshakeRate boot = since(csms, Long.MIN_VALUE);
      LOG.info("accept-close: {} chargers booted in {} s; the central system now closes every"
          + " WebSocket right after accepting it", chargers, String.format("%.1f",
          boots.seconds()));
      csms.closeAfterHandshake(true);
      long from = System.nanoTime();
      csms.dropConnections();
      Thread.sleep(duration.toMillis());
      HandshakeRate flapping = since(csms, from);
      HandshakeRate inWindow = new HandshakeRate(flapping.times().stream()
          .filter(t -> t - from < duration.toNanos()).toList());
      long unproven = (long) bridge.metrics().value("bridge_csms_unproven_connections_total");
      return new Result(chargers, duration, rate, boot, boots.seconds(), inWindow, unproven);
    }
  }

  private static HandshakeRate since(CsmsSimulator csms, long from) {
    return new HandshakeRate(csms.handshakes().stream().map(CsmsSimulator.Handshake::nanoTime)
        .filter(t -> t >= from).sorted().toList());
  }
}
