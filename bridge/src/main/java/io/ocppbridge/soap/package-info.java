/**
 * The SOAP edge toward chargers (Apache CXF on Jetty): one {@code Provider} endpoint in payload
 * mode serves every OCPP 1.2/1.5/1.6 CentralSystemService operation, SOAP 1.1 and 1.2, with
 * WS-Addressing 2005/08, 2004/08 or none, on one path. Interceptors read the
 * {@code chargeBoxIdentity} header and accept what real chargers omit; faults carry the OCPP error
 * code as a subcode (SOAP 1.2) or detail (SOAP 1.1).
 *
 * <p>WS-Addressing is the bridge's own, not CXF's feature (which cost 6-9 % of the CPU per
 * relayed request): {@code AddressingHeaderReader} reads Action, MessageID, To, From, ReplyTo
 * (and checks FaultTo and RelatesTo) and declares them understood for {@code mustUnderstand},
 * which {@code LeanMustUnderstand} checks as CXF does, with what the chain understands worked out
 * once rather than per request;
 * {@code AddressingHeaderWriter} addresses answers and faults in the request's namespace (Action
 * the response's or the fault's, a new MessageID, To anonymous, RelatesTo the request's
 * MessageID when it had one). A missing MessageID and a non-anonymous ReplyTo are accepted (the
 * answer always goes back on the same HTTP exchange); repeated, malformed or Action-less
 * addressing gets the WS-Addressing 1.0 SOAP binding's Sender faults.
 *
 * <p>Non-conformant SOAP stacks ({@code NonConformantStacks}, docs/compatibility.md): requests
 * in the charge-point namespace and a text {@code wsa:From} are repaired in flight as named
 * quirks; answers go in the charger's answer style ({@code AnswerStyles}: standard, or
 * {@code chargeBoxIdentity} echoed with {@code wsa:To} its own address); every fault sent is
 * logged (rate-limited per source), counted by code and origin and kept as the charger's last
 * refusal ({@code RefusalRecorder}, {@link io.ocppbridge.core.RefusalBook}).
 *
 * <p>The edge: in front of CXF on the same Jetty server, {@code EdgeGate} refuses what is not
 * served (methods, codings, charsets) and reads each body whole, without a thread waiting, within
 * {@code soap.limits.*} and {@code soap.maxMessageSize}, before CXF sees the request;
 * {@code ConnectionGuard} bounds connections and the time their headers take, and
 * {@code HeaderCache} keeps Jetty from caching each keep-alive connection's header fields;
 * {@link io.ocppbridge.soap.EdgeCounters} counts what both refused; {@code AcceptQueue} sets the
 * listener's accept queue and holds new connections there until the endpoint and the guard are in
 * place (CXF opens the port before it adds the endpoint); {@code SoapThreads} is the listener's
 * bounded pool ({@code soap.threads}, threads {@code soap-N}) in place of Jetty's usual 200;
 * {@code LeanDestinations} spares CXF's
 * destination working out the same base path for every request. {@code WellFormedInterceptor}
 * sees that the whole document is checked (CXF alone stops reading at the operation element) so
 * that nothing malformed is relayed: CXF reads the request through a {@code DocumentCheck}, one
 * parse that checks as it goes and reads the rest before the endpoint is invoked
 * ({@code ReaderRelease}); SOAP 1.2 Sender faults go out with HTTP 400, every answer in UTF-8.
 * docs/security.md lists every limit.
 *
 * <p>Hardening: the listener speaks HTTPS when a certificate is configured ({@code HttpsListener},
 * CXF's per-port {@code TLSServerParameters}); every request passes
 * {@link io.ocppbridge.access.ChargerAccess} before it is relayed, and a refused basic
 * authentication is answered HTTP 401 with a challenge ({@code ChallengeInterceptor}).
 *
 * <p>The flows themselves are {@code relay}'s; this package carries them over SOAP: the endpoint
 * hands each request to {@link io.ocppbridge.relay.ChargerRequestRelay}, and the request's
 * exchange waits for the answer suspended, having left CXF's interceptor chain without a stack
 * trace ({@code QuietSuspension}), suspended through the SOAP message the chain runs on rather
 * than the HTTP message it was copied from ({@code SuspensionOnSoapMessage}), and resumed by a
 * task on the listener's threads rather than a second servlet dispatch ({@code DirectResumption}).
 * {@link io.ocppbridge.soap.ChargerCallbackClient} is the {@link io.ocppbridge.core.ChargerLink}
 * the central-system-initiated flow posts through; it reads and relays the charger's answer on
 * its own few threads ({@code AnswerThreads}, {@code callback-answer-N}), where the per-thread
 * parser, serializer and validator caches stay warm.
 *
 * <p>May depend on {@code core}, {@code config}, {@code access}, {@code relay}, {@code translate},
 * {@code tls}, {@code logging}, CXF with its Jetty transport (Jetty, servlets, JAX-WS, SAAJ), the
 * StAX2 API of CXF's parser (Woodstox: a request is parsed in place, from its bytes) and SLF4J;
 * never on the WebSocket edge.
 */
package io.ocppbridge.soap;
