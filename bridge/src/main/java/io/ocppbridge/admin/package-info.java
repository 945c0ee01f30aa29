/**
 * The operator's side door: an HTTP listener of its own ({@code admin.port}, bound to
 * 127.0.0.1 by default) with health checks, Prometheus metrics, the charger list as JSON and a
 * small status page. The charger list includes, per charger, the quirks it showed, the answer
 * style it is answered in and its last refused request; identities known only from refused
 * requests are listed too ({@code "state": "refused"}). In a cluster, {@code /api/cluster} and
 * the database's state in {@code /health/ready} ({@link io.ocppbridge.admin.ClusterStatus}).
 *
 * <p>May depend on {@code core}, {@code session}, {@code logging} (the trace switch), Jetty
 * (its own {@code Server} and {@code Handler}), Micrometer, Jackson and SLF4J; never on the SOAP
 * or WebSocket edges (what it shows of them comes through small suppliers wired in
 * {@code app}).
 */
package io.ocppbridge.admin;
