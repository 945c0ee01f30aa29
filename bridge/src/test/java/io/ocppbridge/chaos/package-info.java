/**
 * Chaos tests over real sockets (issue 5, item 9): the central system is restarted under load,
 * the bridge is killed with {@code kill -9} and restarted, connections are cut at random. They use
 * only the public edges: SOAP requests in, the simulated central system's records out.
 */
package io.ocppbridge.chaos;
