/**
 * Tests of the bridge's security: OCPP security profiles toward the central system over real TLS
 * with certificates made by {@link io.ocppbridge.testsupport.TestPki}, the hardened SOAP edge
 * (HTTPS, basic authentication, unknown chargers, source networks, rate limit), TLS callbacks,
 * and that secrets never reach logs or printed configuration.
 */
package io.ocppbridge.security;
