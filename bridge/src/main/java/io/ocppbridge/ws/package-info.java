/**
 * The WebSocket edge toward the OCPP-J central system (Netty): one client connection per charger
 * to {@code <csms.url>/<identity>} with the charger's subprotocol, CALL/CALLRESULT correlation,
 * and the {@link io.ocppbridge.core.CsmsLink} port the SOAP edge calls through.
 *
 * <p>Pipeline: {@code HttpClientCodec → HttpObjectAggregator → WebSocketClientProtocolHandler →
 * WebSocketFrameAggregator → OcppFrameHandler}. Nothing here blocks an event loop.
 *
 * <p>May depend on {@code core}, {@code frame}, {@code session} and Netty; never on the SOAP edge.
 */
package io.ocppbridge.ws;
