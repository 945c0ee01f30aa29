package io.ocppbridge.upgrade.v201;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A charger's request under the 2.0.1 profile: the OCPP 2.0.1 CALLs that carry it to the central
 * system, to be sent one after the other (none when the bridge answers it itself), and the
 * charger's OCPP 1.6 answer made from their CALLRESULTs.
 */
public interface ChargerExchange {

  /** The CALLs, in order. */
  List<OutgoingCall> calls();

  /**
   * The charger's answer (OCPP 1.6 JSON) from the central system's answers, one per CALL and in
   * the same order, each valid against its 2.0.1 schema. What the exchange reserved is kept.
   *
   * @throws io.ocppbridge.core.OcppException when the answers cannot be given to the charger
   */
  JsonNode answer(List<JsonNode> results);

  /**
   * A CALL got no CALLRESULT (a CALLERROR, no answer, no connection): what the exchange reserved
   * (a sequence number) is given back. Not called when every CALL was answered, even if an
   * answer then proved invalid: the central system has taken the message.
   */
  void failed();
}
