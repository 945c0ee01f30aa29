/**
 * Simulators for the demo, smoke tests and benchmarks: an OCPP-J central system
 * ({@link io.ocppbridge.sim.CsmsSimulator}) that answers every charger-initiated 1.2/1.5
 * operation, and a SOAP charger ({@link io.ocppbridge.sim.SoapChargerSimulator}) that sends each
 * operation through the bridge.
 *
 * <p>May use anything but {@code app}.
 */
package io.ocppbridge.sim;
