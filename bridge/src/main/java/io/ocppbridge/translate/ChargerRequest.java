package io.ocppbridge.translate;

import io.ocppbridge.core.OcppAction;
import io.ocppbridge.core.OcppVersion;

/** A charger's SOAP request, recognised and translated to its OCPP-J payload. */
public record ChargerRequest(OcppVersion version, OcppAction action, String payloadJson) {}
