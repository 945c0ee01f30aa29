/**
 * JMH microbenchmarks of the bridge's per-message work: the SOAP/JSON translation of a
 * MeterValues and a BootNotification in both directions, and the OCPP-J frame codec. Run with
 * {@code java -jar bench/target/ocpp-bench.jar jmh} (JMH options may follow).
 */
package io.ocppbridge.bench.jmh;
