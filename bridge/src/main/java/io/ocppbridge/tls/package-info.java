/**
 * TLS material for every edge: loads certificates, private keys and trust stores named in the
 * configuration (PEM or PKCS#12) into JDK key and trust managers, and fixes the protocol versions
 * the bridge speaks (TLS 1.2 and 1.3 only). The WebSocket client, the HTTPS SOAP listener and the
 * callback client build their own engines from these.
 *
 * <p>May depend on {@code config} and the JDK only; no transport library.
 */
package io.ocppbridge.tls;
