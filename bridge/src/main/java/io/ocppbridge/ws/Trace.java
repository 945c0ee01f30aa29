package io.ocppbridge.ws;

import io.ocppbridge.logging.MessageTrace;

/**
 * The WebSocket side of the {@link MessageTrace}: {@code [CB1] >>csms BootNotification {...}} for
 * what goes to the central system and {@code <<csms} for what comes from it. A payload is given
 * as it is (text or tree) and written only when the trace is on for the charger.
 */
final class Trace {

  private Trace() {}

  static void toCsms(String charger, String action, Object json) {
    if (MessageTrace.isOn(charger)) {
      MessageTrace.line(charger, ">>csms {} {}", action, json);
    }
  }

  static void fromCsms(String charger, String action, Object json) {
    if (MessageTrace.isOn(charger)) {
      MessageTrace.line(charger, "<<csms {} {}", action, json);
    }
  }
}
