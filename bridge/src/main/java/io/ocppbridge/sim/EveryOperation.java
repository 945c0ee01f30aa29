package io.ocppbridge.sim;

import io.ocppbridge.core.Initiator;
import io.ocppbridge.core.OcppAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every charger-initiated operation of the charger's version once, with data that hangs together
 * so that a real central system is left tidy: the id tag of this run is authorized and charged
 * with, the transaction the central system numbered is the one metered and stopped (stopped even
 * when the tag was refused), and the operations that depend on nothing (DataTransfer, the
 * diagnostics and firmware notifications) use the built-in samples.
 */
public final class EveryOperation {

  private EveryOperation() {}

  /**
   * Sends them in a charger's order: BootNotification, Heartbeat, StatusNotification Available,
   * Authorize, StartTransaction, MeterValues, StopTransaction (only when the central system
   * numbered the transaction), then the rest of the version's.
   *
   * @return one step per operation, in the order sent
   */
  public static List<ChargerSession.Step> run(ChargerSession session, String idTag,
      int meterStartWh) {
    List<ChargerSession.Step> steps = new ArrayList<>();
    steps.add(session.boot());
    steps.add(session.heartbeat());
    steps.add(session.status(1, "Available"));
    steps.add(session.authorize(idTag));
    ChargerSession.Step start = session.start(1, idTag, meterStartWh);
    steps.add(start);
    steps.add(session.meter(1, meterStartWh + ChargerScript.METER_STEP_WH));
    if (session.transaction().isPresent()) {
      steps.add(session.stop(start.ok() ? null : "DeAuthorized"));
    }
    // no numbered transaction, nothing to stop: never a StopTransaction of a made-up one
    Set<OcppAction> sent = EnumSet.of(OcppAction.STOP_TRANSACTION);
    steps.forEach(step -> sent.add(step.action()));
    for (OcppAction action : OcppAction.all(session.version(), Initiator.CHARGE_POINT)) {
      if (!sent.contains(action)) {
        steps.add(session.sendSample(action));
      }
    }
    return steps;
  }
}
