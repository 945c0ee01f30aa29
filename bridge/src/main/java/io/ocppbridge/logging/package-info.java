/**
 * What the bridge adds to plain SLF4J logging: the per-charger message trace that operators
 * switch at runtime, and the charger and message id of the work at hand in the MDC. Kept out of
 * {@code core}, which depends on the JDK only.
 *
 * <p>May depend on {@code core} and SLF4J; no transport.
 */
package io.ocppbridge.logging;
