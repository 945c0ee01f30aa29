package io.ocppbridge.upgrade;

import io.ocppbridge.core.ChargerId;
import io.ocppbridge.core.OcppVersion;

/** The message being converted: whose, in which charger version, which action. */
public record MessageContext(ChargerId charger, OcppVersion version, String action) {

  /** "StatusNotification.info", for loss reports and error texts. */
  public String field(String name) {
    return action + "." + name;
  }
}
