/**
 * The benchmark of issue 8: a load generator of SOAP chargers (OCPP 1.5, SOAP 1.2,
 * WS-Addressing 2005/08) run against the bridge, wired in-process through its own
 * {@code Bridge}/{@code ConfigLoader} to the built-in {@code CsmsSimulator}, and against a bare
 * CXF endpoint that answers the same requests locally (the ceiling of any relay). Latencies are
 * recorded in HdrHistogram; heap and RSS are read from the JVM and {@code /proc/self/status}.
 *
 * <p>Scenario {@code cluster-chaos} (issue 15) runs the bridge as an operator would instead: two
 * node processes ({@code Main run}) sharing a private PostgreSQL server, behind HAProxy with the
 * shipped {@code config/haproxy.cfg} (Debian's {@code postgresql} and {@code haproxy} packages),
 * and kills one with {@code kill -9} under load.
 *
 * <p>May use everything in the bridge module; nothing in the bridge uses this package.
 */
package io.ocppbridge.bench;
