/**
 * The application: command line, wiring of the edges around the core, start and stop order.
 * The only package that may depend on every other.
 */
package io.ocppbridge.app;
