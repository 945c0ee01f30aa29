package io.ocppbridge.core;

/** Which side starts an operation (OCPP 1.5 section 4 and 5). */
public enum Initiator {
  /** Operations of the CentralSystemService: the charge point calls, the central system answers. */
  CHARGE_POINT,
  /** Operations of the ChargePointService: the central system calls, the charge point answers. */
  CENTRAL_SYSTEM
}
