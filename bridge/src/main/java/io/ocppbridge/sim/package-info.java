/**
 * Simulators for the demo, smoke tests and benchmarks: an OCPP-J central system
 * ({@link io.ocppbridge.sim.CsmsSimulator}) that answers every charger-initiated 1.2/1.5/1.6
 * operation and sends remote operations on command; a SOAP charger
 * ({@link io.ocppbridge.sim.SoapChargerSimulator}) that sends each operation through the bridge;
 * that charger's own SOAP server ({@link io.ocppbridge.sim.SimulatedChargePointServer}), which
 * answers every ChargePointService operation and remembers its configuration and local-list
 * version per charge point; and a charger's state between operations
 * ({@link io.ocppbridge.sim.ChargerSession}) with the charging session it plays
 * ({@link io.ocppbridge.sim.ChargerScript}) or every operation once with coherent data
 * ({@link io.ocppbridge.sim.EveryOperation}), fresh per run ({@link io.ocppbridge.sim.RunData}),
 * its requests built from the generated JAXB classes
 * ({@link io.ocppbridge.sim.ChargerPayloads}) and its answers read with DOM and XPath
 * ({@link io.ocppbridge.sim.PayloadXml}).
 *
 * <p>May use anything but {@code app}.
 */
package io.ocppbridge.sim;
