package io.ocppbridge.ws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message trace an operator switches on with the logger {@code io.ocppbridge.trace} at
 * DEBUG: one line per relayed message, {@code [CB1] >>csms BootNotification {...}} for what goes
 * to the central system and {@code <<csms} for what comes from it.
 */
final class Trace {

  private static final Logger LOG = LoggerFactory.getLogger("io.ocppbridge.trace");

  private Trace() {}

  static void toCsms(String charger, String action, String json) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("[{}] >>csms {} {}", charger, action, json);
    }
  }

  static void fromCsms(String charger, String action, String json) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("[{}] <<csms {} {}", charger, action, json);
    }
  }
}
