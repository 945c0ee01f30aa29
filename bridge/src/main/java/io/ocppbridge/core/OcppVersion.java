package io.ocppbridge.core;

import java.util.Optional;

/**
 * An OCPP version spoken by a SOAP charger, with the namespaces of its two services and the
 * WebSocket subprotocol under which its messages travel toward the central system.
 */
public enum OcppVersion {
  V1_2("1.2", "urn://Ocpp/Cs/2010/08/", "urn://Ocpp/Cp/2010/08/", "ocpp1.2"),
  V1_5("1.5", "urn://Ocpp/Cs/2012/06/", "urn://Ocpp/Cp/2012/06/", "ocpp1.5"),
  V1_6("1.6", "urn://Ocpp/Cs/2015/10/", "urn://Ocpp/Cp/2015/10/", "ocpp1.6");

  private final String label;
  private final String centralSystemNamespace;
  private final String chargePointNamespace;
  private final String subprotocol;

  OcppVersion(String label, String csNamespace, String cpNamespace, String subprotocol) {
    this.label = label;
    this.centralSystemNamespace = csNamespace;
    this.chargePointNamespace = cpNamespace;
    this.subprotocol = subprotocol;
  }

  /** "1.5". */
  public String label() {
    return label;
  }

  /** Namespace of the CentralSystemService (operations the charger initiates). */
  public String centralSystemNamespace() {
    return centralSystemNamespace;
  }

  /** Namespace of the ChargePointService (operations the central system initiates). */
  public String chargePointNamespace() {
    return chargePointNamespace;
  }

  /** WebSocket subprotocol, e.g. {@code ocpp1.5}. */
  public String subprotocol() {
    return subprotocol;
  }

  /** Every version, read on every message: {@code values()} would copy the array each time. */
  private static final OcppVersion[] ALL = values();

  /** The version whose CentralSystemService uses this namespace. */
  public static Optional<OcppVersion> ofCentralSystemNamespace(String namespace) {
    for (OcppVersion v : ALL) {
      if (v.centralSystemNamespace.equals(namespace)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The version labelled so ({@code "1.6"}). */
  public static Optional<OcppVersion> ofLabel(String label) {
    for (OcppVersion v : ALL) {
      if (v.label.equals(label)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The version whose ChargePointService uses this namespace. */
  public static Optional<OcppVersion> ofChargePointNamespace(String namespace) {
    for (OcppVersion v : ALL) {
      if (v.chargePointNamespace.equals(namespace)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * True for the versions whose OCPP-J form is the ocppjs mapping, made by the bridge from the
   * WSDL (1.2, 1.5); false for 1.6, whose JSON form the Open Charge Alliance specified itself.
   */
  public boolean ocppjsMapping() {
    return this != V1_6;
  }

  @Override
  public String toString() {
    return "OCPP " + label;
  }
}
