/**
 * The bridge's vocabulary, free of any transport: charger identity, OCPP versions, the action
 * catalogue, the OCPP-J error codes and the two ports through which the SOAP edge and the
 * WebSocket edge meet ({@link io.ocppbridge.core.CsmsLink} toward the central system,
 * {@link io.ocppbridge.core.CentralSystemCallHandler} for calls coming from it). JSON payloads
 * cross those two ports already read, in a form the ports leave open (a type parameter): the
 * application wires them with Jackson's tree, and the core stays free of any JSON library.
 * Beside the vocabulary, {@link io.ocppbridge.core.DeadlineSweep} gives many waits a last-resort
 * deadline from one timer task.
 *
 * <p>May depend on the JDK only; an architecture test keeps it so.
 */
package io.ocppbridge.core;
