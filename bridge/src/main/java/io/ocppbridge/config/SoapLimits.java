package io.ocppbridge.config;

import java.time.Duration;

/**
 * The bounds the SOAP listener puts on what one client can make it hold ({@code soap.limits.*},
 * see {@code docs/security.md}): how long a request may take to arrive, how slowly its body may
 * trickle, how many connections may be open, how many requests may be in the bridge's hands
 * at once, and how many new connections the kernel may hold for it.
 *
 * @param headersTimeout the longest a request's line and headers may take to arrive
 * @param bodyTimeout the longest a whole request body may take to arrive
 * @param minBodyRate the slowest a body may arrive after its first two seconds, in bytes per second
 * @param idleTimeout how long a connection may stay silent (between or within requests)
 * @param maxConnections connections open at once; more are closed as soon as accepted
 * @param maxRequests requests whose body has arrived and whose answer is not written yet; more
 *     are answered 503 with {@code Retry-After}
 * @param acceptQueue connections the kernel may hold, handshake done, until the listener takes
 *     them (the listen backlog); a burst beyond it is dropped or reset by the kernel
 */
public record SoapLimits(
    @Key(defaultValue = "10s",
        doc = "Longest a request's line and headers may take to arrive; a slower client's"
            + " connection is closed.")
    Duration headersTimeout,
    @Key(defaultValue = "20s",
        doc = "Longest a whole request body may take to arrive; a slower one is answered 408"
            + " and its connection closed.")
    Duration bodyTimeout,
    @Key(defaultValue = "128", min = 0, max = 100_000_000,
        doc = "Slowest a request body may arrive after its first two seconds, in bytes per"
            + " second; a slower one is answered 408 and its connection closed. 0: no minimum.")
    int minBodyRate,
    @Key(defaultValue = "30s",
        doc = "How long a connection may stay silent, between requests or within one, before"
            + " it is closed.")
    Duration idleTimeout,
    @Key(defaultValue = "2000", min = 1, max = 1_000_000,
        doc = "Connections open at once on the SOAP port; a connection beyond it is closed as"
            + " soon as it is accepted (keep the process's descriptor limit above it).")
    int maxConnections,
    @Key(defaultValue = "500", min = 1, max = 1_000_000,
        doc = "Requests in the bridge's hands at once (body arrived, answer not yet written);"
            + " more are answered 503 with Retry-After.")
    int maxRequests,
    @Key(defaultValue = "1024", min = 1, max = 65_535,
        doc = "Connections the kernel may hold, handshake done, until the SOAP listener takes"
            + " them (the listen backlog). A burst of new connections beyond it (chargers"
            + " reconnecting after a power cut) is dropped, retried by the charger's TCP a second"
            + " later, or reset. Linux caps it at net.core.somaxconn; the start-up log warns when"
            + " that cap is lower.")
    int acceptQueue) {}
