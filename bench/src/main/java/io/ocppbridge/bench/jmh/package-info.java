/**
 * JMH benchmarks of the bridge's per-message work. Microbenchmarks: the SOAP/JSON translation of
 * a MeterValues and a BootNotification in both directions ({@link
 * io.ocppbridge.bench.jmh.TranslatorBenchmark}) and the OCPP-J frame codec ({@link
 * io.ocppbridge.bench.jmh.FrameCodecBenchmark}). The whole relay ({@link
 * io.ocppbridge.bench.jmh.RelayBenchmark}): the real bridge in the JMH JVM relaying one message
 * at a time over loopback sockets in both directions, between raw socket peers that allocate
 * next to nothing per message (a keep-alive HTTP client, a charger's SOAP server, a central
 * system's WebSocket server), beside the bare CXF endpoint and the peers alone, for the
 * allocation per relayed message. Run with {@code java -jar bench/target/ocpp-bench.jar jmh}
 * (JMH options may follow, e.g. {@code jmh RelayBenchmark -prof gc}).
 */
package io.ocppbridge.bench.jmh;
