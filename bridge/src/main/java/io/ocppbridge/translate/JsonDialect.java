package io.ocppbridge.translate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where the JSON names of a backend's OCPP-J mapping differ from the XSD. The ocppjs mapping for
 * {@code ocpp1.5} calls the list of sampled values inside a MeterValue {@code values}, while the
 * XSD element is {@code value} (its items are {@code {"value": "...", "unit": ...}} objects). A
 * backend that names the list after the XSD would be served by a dialect without that rename.
 *
 * <p>OCPP 1.6 has no such rename in either dialect: its sampled values are elements
 * ({@code meterValue[{timestamp, sampledValue[{value, unit, ...}]}]}), named in JSON as in the
 * WSDL; the mix-in below applies to the 1.5 class only.
 */
public enum JsonDialect {
  /** The mapping of the ocppjs JSON schemas and simulators. */
  OCPPJS {
    @Override
    void apply(ObjectMapper mapper) {
      mapper.addMixIn(io.ocppbridge.generated.ocpp15.cs.MeterValue.class,
          MeterValue15ValuesName.class);
    }
  },
  /** Field names exactly as in the XSD. */
  XSD {
    @Override
    void apply(ObjectMapper mapper) {}
  };

  abstract void apply(ObjectMapper mapper);

  /** Renames MeterValue.value to "values" (ocppjs, OCPP 1.5): {@link OcppjsNaming}. */
  abstract static class MeterValue15ValuesName {
    @JsonProperty(OcppjsNaming.METER_VALUE_JSON_PROPERTY)
    Object value;
  }
}
