package io.ocppbridge.admin;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What the metrics read of the WebSockets to the central system.
 *
 * @param reconnects connections reopened after one had been open, since start
 * @param failedAttempts connection attempts that failed, since start
 * @param queuedCalls calls waiting behind each charger's outstanding one, now
 * @param outstandingCalls calls sent and not answered yet, now
 */
public record LinkCounters(LongSupplier reconnects, LongSupplier failedAttempts,
    IntSupplier queuedCalls, IntSupplier outstandingCalls) {}
