/**
 * Simulators for the demo, smoke tests and benchmarks: an OCPP-J central system
 * ({@link io.ocppbridge.sim.CsmsSimulator}) that answers every charger-initiated 1.2/1.5
 * operation and sends remote operations on command; a SOAP charger
 * ({@link io.ocppbridge.sim.SoapChargerSimulator}) that sends each operation through the bridge;
 * and that charger's own SOAP server ({@link io.ocppbridge.sim.SimulatedChargePointServer}),
 * which answers every ChargePointService operation.
 *
 * <p>May use anything but {@code app}.
 */
package io.ocppbridge.sim;
