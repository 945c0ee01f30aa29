/**
 * The WebSocket edge toward the OCPP-J central system (Netty): one client connection per charger
 * to {@code <csms.url>/<identity>} with the charger's subprotocol, CALL/CALLRESULT correlation,
 * and the {@link io.ocppbridge.core.CsmsLink} port the SOAP edge calls through.
 *
 * <p>Pipeline: {@code HttpClientCodec → HttpObjectAggregator → WebSocketClientProtocolHandler →
 * WebSocketFrameAggregator → OcppFrameHandler}. Nothing here blocks an event loop. The sockets
 * are Netty's native epoll transport where it loads (Linux x86_64), otherwise Java NIO, or as
 * {@code csms.transport} says ({@code SocketTransport}); the start-up log names the one in use.
 *
 * <p>Toward {@code wss://} the pipeline starts with an {@code SslHandler} (TLS 1.2/1.3, host name
 * checked); OCPP security profiles 1 and 2 add HTTP basic authentication to the upgrade request,
 * profile 3 a client certificate ({@code CsmsClient}). Refused credentials and failed TLS
 * handshakes are reported by {@code OcppFrameHandler} and {@code TlsFailures}.
 *
 * <p>Reconnect pacing ({@code ChargerLine}): the backoff resets only once a connection proved
 * itself ({@code csms.provenAfter} open, or an answer); a refused handshake waits for the
 * charger's next request, and so does a charger whose BootNotification the central system
 * answered {@code Rejected} ({@code BootAnswer}), until that answer's interval; every
 * handshake takes a slot of the global {@code HandshakePacer} ({@code csms.handshakeRate}).
 *
 * <p>May depend on {@code core}, {@code frame}, {@code session}, {@code config}, {@code tls},
 * {@code logging}, Netty, Jackson and SLF4J; never on the SOAP edge.
 */
package io.ocppbridge.ws;
