package io.ocppbridge.sim;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A charging session as a real charger plays it: BootNotification; StatusNotification Available
 * for each connector; heartbeats, the interval the boot answer gave apart; Authorize;
 * StartTransaction on connector 1; StatusNotification Occupied (1.6: Charging); MeterValues with
 * a rising energy register and the transaction's id; StopTransaction; StatusNotification
 * Available.
 *
 * <p>It stops at the first step that gets no real answer or is not accepted, since the later
 * steps depend on the earlier ones, but it never leaves a transaction open at the central
 * system: once StartTransaction was numbered, StopTransaction is sent whatever happened after it
 * (in 1.6 with reason {@code DeAuthorized} when the id tag was refused), then Available.
 */
public final class ChargerScript {

  /** The energy register at the start of the transaction, Wh, unless a plan says otherwise. */
  public static final int METER_START_WH = 10_000;
  /** What the register rises by between two MeterValues, Wh. */
  public static final int METER_STEP_WH = 250;
  /** Used when the boot answer names no heartbeat interval (it is optional in OCPP 1.2). */
  static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(300);

  /**
   * What to play.
   *
   * @param connectors connectors 1..n announced Available at the start
   * @param heartbeats heartbeats after the boot: the first at once (so a default run is quick),
   *     the next ones one heartbeat interval apart
   * @param heartbeatCap the longest such pause (null: the interval as given)
   * @param meterValues MeterValues during the transaction
   * @param meterStartWh the energy register when the transaction starts
   */
  public record Plan(int connectors, int heartbeats, Duration heartbeatCap, String idTag,
      int meterValues, int meterStartWh) {
    public Plan {
      Objects.requireNonNull(idTag, "idTag");
      if (connectors < 1 || heartbeats < 0 || meterValues < 0 || meterStartWh < 0) {
        throw new IllegalArgumentException("connectors must be at least 1, heartbeats, meter"
            + " values and the meter start at least 0");
      }
      if (heartbeatCap != null && heartbeatCap.isNegative()) {
        throw new IllegalArgumentException("the heartbeat cap must not be negative");
      }
    }
  }

  /** Waits between heartbeats; a test can make it instant. */
  @FunctionalInterface
  public interface Pause {
    void await(Duration duration) throws InterruptedException;

    static Pause sleeping() {
      return duration -> Thread.sleep(duration.toMillis());
    }
  }

  private final Plan plan;
  private final Pause pause;
  private final PrintStream trace;

  public ChargerScript(Plan plan, Pause pause, PrintStream trace) {
    this.plan = plan;
    this.pause = pause;
    this.trace = trace;
  }

  /**
   * Plays the script.
   *
   * @return true when every step got a real answer and every status was Accepted
   */
  public boolean run(ChargerSession session) throws InterruptedException {
    boolean ok = step(session::boot);
    for (int c = 1; ok && c <= plan.connectors(); c++) {
      int connector = c;
      ok = step(() -> session.status(connector, "Available"));
    }
    Duration pace = heartbeatPause(session);
    for (int i = 0; ok && i < plan.heartbeats(); i++) {
      if (i > 0) {
        pause.await(pace);
      }
      ok = step(session::heartbeat);
    }
    ok = ok && step(() -> session.authorize(plan.idTag()));
    boolean accepted = ok && step(() -> session.start(1, plan.idTag(), plan.meterStartWh()));
    ok = accepted && step(() -> session.status(1, session.inUseStatus()));
    for (int i = 1; ok && i <= plan.meterValues(); i++) {
      int register = plan.meterStartWh() + i * METER_STEP_WH;
      ok = step(() -> session.meter(1, register));
    }
    if (session.transaction().isPresent()) {
      boolean closed = step(() -> session.stop(accepted ? null : "DeAuthorized"))
          && step(() -> session.status(1, "Available"));
      ok = ok && closed;
    }
    trace.println(ok ? "== scripted session complete: every step was answered and accepted"
        : "== scripted session stopped at the step above" + (session.transaction().isPresent()
            ? "; transaction " + session.transaction().get().id() + " is still open" : ""));
    return ok;
  }

  private Duration heartbeatPause(ChargerSession session) {
    Duration interval = session.heartbeatInterval().orElse(DEFAULT_HEARTBEAT_INTERVAL);
    Duration cap = plan.heartbeatCap();
    return cap != null && cap.compareTo(interval) < 0 ? cap : interval;
  }

  private static boolean step(Supplier<ChargerSession.Step> step) {
    return step.get().ok();
  }
}
