/**
 * Who may use the SOAP edge: the checks a charger's request passes before anything is sent to the
 * central system (README "Security"). In order: an identity not configured is refused when
 * {@code chargers.allowUnknown} is false; a request from outside the charger's
 * {@code allowedNetworks} is refused; a charger with a {@code soapPassword} must send HTTP basic
 * authentication with its identity as user name; and each charger may send at most
 * {@code soap.rateLimit} requests per second (a token bucket). Refusals are OCPP
 * {@code SecurityError}s (the rate limit a {@code GenericError}), counted by reason.
 *
 * <p>Last, {@link io.ocppbridge.access.NewChargerGate} bounds the chargers the bridge does not
 * hold yet (each costs a session and a WebSocket): a global cap, a share of the open-file limit
 * ({@link io.ocppbridge.access.OpenFiles}) and a per-source-address rate of identities never seen
 * before; its refusals are Receiver {@code GenericError}s saying to try later.
 *
 * <p>The rate limit comes after the identity, network and password checks, so that requests refused for a wrong identity, network or
 * password cannot use up a genuine charger's allowance.
 *
 * <p>May depend on {@code core}, {@code config}, Caffeine, SLF4J and the JDK's
 * {@code com.sun.management} (open descriptors); no transport.
 */
package io.ocppbridge.access;
