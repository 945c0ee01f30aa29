package io.ocppbridge.core;

import java.util.concurrent.CompletableFuture;
import org.w3c.dom.Element;

/**
 * Port toward a charger's own SOAP server: posts one central-system-initiated request payload
 * and completes with the answer's payload element.
 *
 * <p>The future always completes, within the configured charger call timeout: exceptionally with
 * an {@link OcppException} for a SOAP fault (origin charger; its OCPP subcode, else
 * GenericError) or for a failure to reach the charger (InternalError: unreachable, HTTP error,
 * not SOAP, timed out).
 */
public interface ChargerLink {

  CompletableFuture<Element> call(CallbackTarget target, OcppAction action, Element request);
}
