/**
 * OCPP-J frames (OCPP-J 1.6 section 4, as ocppjs used them for 1.2 and 1.5): {@code [2,id,action,
 * payload]}, {@code [3,id,payload]} and {@code [4,id,code,description,details]}, and the codec
 * between them and WebSocket text.
 *
 * <p>May depend on {@code core} and Jackson; no transport.
 */
package io.ocppbridge.frame;
