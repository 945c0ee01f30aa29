package io.ocppbridge.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;

/** A charger's SOAP request, recognised and translated to its OCPP-J payload (a JSON object). */
public record ChargerRequest(OcppVersion version, OcppAction action, JsonNode payload) {

  /** The payload as JSON text (for logs and tests; the relay sends the tree). */
  public String payloadJson() {
    return payload.toString();
  }
}
