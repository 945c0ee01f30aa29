package io.ocppbridge.relay;

import io.ocppbridge.core.JsonDialect;

/**
 * Every test of {@link ChargerInitiatedRelayTest} again with {@code csms.jsonDialect: xsd},
 * against a central system that holds each CALL to the XSD-named schemas
 * ({@code schemas-json/ocpp1.5-xsd/}) as SteVe does: MeterValues and a StopTransaction with
 * transactionData must arrive with the samples' list named {@code value}, and be accepted.
 */
class XsdDialectRelayTest extends ChargerInitiatedRelayTest {

  @Override
  JsonDialect dialect() {
    return JsonDialect.XSD;
  }
}
