package io.ocppbridge.core;

/**
 * How the JSON property names of {@code ocpp1.2} and {@code ocpp1.5} are spelt toward a central
 * system. The Open Charge Alliance published no JSON mapping for these versions, and two are in
 * use: the one ocppjs defined, and the one JAXB-based central systems (SteVe) get by mapping the
 * XSD straight to JSON. Where they differ is stated once, in
 * {@code io.ocppbridge.translate.DialectNames}; OCPP 1.6 and 2.0.1 have one official mapping
 * and are the same in both.
 */
public enum JsonDialect {
  /** Every name as the XSD element it stands for (SteVe and other JAXB-based systems). */
  XSD("xsd"),
  /** The ocppjs mapping: the 1.5 MeterValue's list of samples is called {@code values}. */
  OCPPJS("ocppjs");

  private final String configName;

  JsonDialect(String configName) {
    this.configName = configName;
  }

  /** As written in the configuration ({@code csms.jsonDialect}). */
  public String configName() {
    return configName;
  }

  @Override
  public String toString() {
    return configName;
  }
}
