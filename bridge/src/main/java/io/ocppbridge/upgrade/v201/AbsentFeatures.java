package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.OcppErrorCode;
import io.ocppbridge.core.OcppException;
import io.ocppbridge.core.OcppVersion;
import io.ocppbridge.upgrade.MessageContext;

/**
 * 2.0.1 calls asking about what a 1.x charger does not have, answered truthfully by the bridge:
 * a charger without smart charging (1.2, 1.5) has no charging profiles, and no 1.x charger has
 * display messages. A 1.6 charger may have charging profiles but cannot list them: that question
 * is refused NotSupported.
 */
final class AbsentFeatures {

  CsmsExchange chargingProfiles(MessageContext m, JsonNode in, StationState state) {
    if (m.version() == OcppVersion.V1_6) {
      throw new OcppException(OcppErrorCode.NOT_SUPPORTED, "an OCPP 1.6 charger cannot list its"
          + " charging profiles (GetCompositeSchedule tells their combined effect)");
    }
    return CsmsExchange.local(Answers.status("NoProfiles"));
  }

  CsmsExchange displayMessages(MessageContext m, JsonNode in, StationState state) {
    return CsmsExchange.local(Answers.status("Unknown"));
  }
}
